/// `diff`: a Maestro component ends up on another operating system.
public struct OSChange: DiffRule {
    public static let descriptor = RuleDescriptor(
        id: "os-change", severity: .warning,
        summary: "`diff`: LUI, HUB or TRK ends up on another operating system, so every path in its configuration changes.",
        documentation: """
            Moving a component from Linux to Windows (or back) is more than a \
            move. The files copied from the old host name paths in the old \
            system's style: `lui.ini`, `hub.ini` and `tracker.ini` hold path \
            entries, and the HUB holds path settings (backup folders, upload \
            restrictions). On Windows a path in an INI file needs its \
            backslashes doubled (`C:\\\\Maestro`) or written as `/`, because \
            a backslash escapes. `ssl.ini` cannot be copied either: its \
            keystore path and its line ends are the new system's.

            Reported by `maestro-topo diff` at the `os` of the component's \
            new host (or its name when the OS is inherited).

            ```yaml
            # current: LUI and HUB on a Linux host; target:
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                os: windows
                install_folder: 'C:\\Program Files\\L-Soft\\Maestro'
            ```

            Fix: nothing to fix; after copying the data, edit every path \
            entry of the copied INI files for the new system (the runbook \
            lists them), write the new `ssl.ini` from the plan or the bundle, \
            and check the HUB's path settings after the restart.
            """)
}
