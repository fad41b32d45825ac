/// `verify`: `ssl.ini` does not hold exactly its three keys, once each.
public struct SSLIniKeys: InstallationRule {
    public static let descriptor = RuleDescriptor(
        id: "ssl-ini-keys", severity: .error,
        summary: "`verify`: `ssl.ini` lacks one of its three keys, has another key (a misspelling, a wrong case), or repeats one.",
        documentation: """
            `ssl.ini` holds exactly `SSLAllowedClients`, `SSLKeystorePath` and \
            `SSLKeystorePassword`. Java's keys are case-sensitive: \
            `SSLKeyStorePath` is another key, and Maestro never sees its \
            value. A key written twice is no error to Java, which silently \
            keeps the last value. Reported at the key in `ssl.ini`; a missing \
            key, which has no line, at line 1.

            ```yaml
            component_ssl: {enabled: true}
            ```

            ```properties
            SSLAllowedClients=ui.acme.example,trk.acme.example
            SSLKeyStorePath=/opt/lsoft/maestro/keystore/ui.acme.example.jks
            SSLKeystorePassword=********
            ```

            Fix: write the three keys once each, spelt exactly so, and remove \
            any other (or take the file from `maestro-topo plan`); then \
            restart Maestro on this server.
            """)
}
