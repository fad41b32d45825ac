extension Rules {
    /// `diff`: a Maestro component ends up on another operating system.
    public static let osChange: Rule = Rule(
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

enum OSChangeRuleText {
    static func message(_ changes: [OSChange]) -> String {
        let first = changes[0]
        let names = changes.map(\.component.rawValue).quotedAnd
        return "\(names) \(changes.count == 1 ? "moves" : "move") from \(OSChangeText.name(first.osBefore)) ('\(first.from)') to \(OSChangeText.name(first.osAfter)) ('\(first.to)'); every path in \(changes.count == 1 ? "its" : "their") configuration changes"
    }

    static func notes(_ changes: [OSChange], folder: String) -> [String] {
        let os = changes[0].osAfter
        let files = changes.compactMap { OSChangeText.iniFile($0.component) }.joined(separator: ", ")
        return [
            "edit every path entry of the copied \(files) for \(OSChangeText.name(os)): \(OSChangeText.iniPathAdvice(os, folder: folder))",
            "do not copy ssl.ini: the plan's is written for \(OSChangeText.name(os)) (\(os == .windows ? "CRLF line ends, a Windows keystore path" : "LF line ends, a Linux keystore path"))",
            "after the restart, check the HUB's path settings: backup folders and upload restrictions",
        ]
    }
}
