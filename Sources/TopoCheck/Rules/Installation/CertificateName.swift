/// `verify`: the server certificate is not issued for the planned name.
public struct CertificateName: InstallationRule {
    public static let descriptor = RuleDescriptor(
        id: "certificate-name", severity: .error,
        summary: "`verify`: the server certificate names the planned host neither in its subject CN nor in a SAN DNS name.",
        documentation: """
            A server's certificate is bound to its planned name: partners \
            check the name they connect to against it, and \
            `SSLAllowedClients` lists servers by it. A certificate for another \
            name (an old host name, the name in browser URLs, another \
            server's) fails those checks. The name is looked for in the \
            subject's CN and in the SAN's DNS names. Reported at \
            `SSLKeystorePath` in `ssl.ini`.

            ```yaml
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
            ```

            ```console
            $ keytool -list -v -keystore ui.acme.example.jks -alias ui.acme.example | grep Owner:
            Owner: CN=maestro.acme.example
            ```

            Fix: have the CA sign a request for `CN=<host>`, `DNS:<host>` and \
            import it under the planned alias; or correct the plan.
            """)
}
