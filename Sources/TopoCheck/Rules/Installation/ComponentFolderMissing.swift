/// `verify`: a planned component is not installed on the server.
public struct ComponentFolderMissing: InstallationRule {
    public static let descriptor = RuleDescriptor(
        id: "component-folder-missing", severity: .error,
        summary: "`verify`: a component the plan puts on this server has no folder (`hub`, `lui`, `trk`) under the install folder.",
        documentation: """
            Each Maestro component has its folder under the install folder: \
            `hub/`, `lui/`, `trk/`. Without it the component is not installed \
            here, or is installed elsewhere than the plan's `install_folder`, \
            and the partners that look for it on this server find nothing. \
            Reported at the host's `components` in the topology.

            ```yaml
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
            ```

            ```console
            $ ls /opt/lsoft/maestro
            commands  hub  keystore
            ```

            Fix: install the component here (on Windows, the installer's \
            Individual Setup), or correct the plan; with a copy, check `--root`.
            """)
}
