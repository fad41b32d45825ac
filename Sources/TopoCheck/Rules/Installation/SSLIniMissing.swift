/// `verify`: component SSL is planned on, but the server has no `ssl.ini`.
public struct SSLIniMissing: InstallationRule {
    public static let descriptor = RuleDescriptor(
        id: "ssl-ini-missing", severity: .error,
        summary: "`verify`: the plan has component SSL on for this server, but `commands/ssl.ini` is not there.",
        documentation: """
            A Maestro server secures its component links when it finds \
            `[install_folder]/commands/ssl.ini`. Without the file it talks \
            plain, while the other servers of the plan demand TLS: component \
            SSL is all-or-nothing, so this server's components and theirs \
            cannot reach each other.

            Reported at the topology's `enabled` line that turns SSL on for \
            this server (or at the host's name).

            ```yaml
            component_ssl:
              enabled: true
            hosts:
              ui.acme.example:
                components: [LUI, HUB]    # no /opt/lsoft/maestro/commands/ssl.ini
            ```

            Fix: write the `ssl.ini` that `maestro-topo plan` shows for this \
            server (`bundle` writes it), with the keystore it names in place, \
            and restart Maestro on this server.
            """)
}
