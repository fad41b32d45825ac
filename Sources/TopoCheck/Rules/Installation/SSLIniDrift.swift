/// `verify`: a value in `ssl.ini` is not the one the plan derives.
public struct SSLIniDrift: InstallationRule {
    public static let descriptor = RuleDescriptor(
        id: "ssl-ini-drift", severity: .error,
        summary: "`verify`: a value in `ssl.ini` differs from the plan: the allowed clients, the keystore path or the password.",
        documentation: """
            Each value, as Java reads it, is compared with the plan. \
            `SSLAllowedClients` is a set of exact names in any order: a server \
            left out, a name too many, a spelling other than the \
            certificate's, or a space makes it differ. `SSLKeystorePath`, \
            unescaped, must be the planned keystore. `SSLKeystorePassword` is \
            compared with the topology's password source when that source can \
            be read here, and never printed. Reported at the value in `ssl.ini`.

            ```yaml
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              trk.acme.example: {components: [TRK]}
            ```

            ```properties
            SSLAllowedClients=ui.acme.example, trk.acme.example
            ```

            Fix: write the value `maestro-topo plan` shows (or correct the \
            plan, if the server is right), then restart Maestro on this server.
            """)
}
