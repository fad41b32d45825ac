/// `verify`: an `ssl.ini` on a server where the plan has SSL off.
public struct SSLIniUnexpected: InstallationRule {
    public static let descriptor = RuleDescriptor(
        id: "ssl-ini-unexpected", severity: .error,
        summary: "`verify`: `commands/ssl.ini` exists on a server for which the plan has component SSL off.",
        documentation: """
            A server with `[install_folder]/commands/ssl.ini` secures its \
            component links; the plan has them plain. Component SSL is \
            all-or-nothing in reality too: this server demands TLS of \
            partners that talk plain, so the components cannot reach each \
            other. The file is often left over from a test, or from a switch \
            to SSL that was undone only in part.

            Reported at line 1 of `ssl.ini`.

            ```yaml
            component_ssl:
              enabled: false      # yet /opt/lsoft/maestro/commands/ssl.ini exists
            ```

            Fix: if SSL stays off, remove `ssl.ini` and restart Maestro on \
            this server. If SSL is meant to be on, change the plan and secure \
            every Maestro server in one window (see `ssl-switch`).
            """)
}
