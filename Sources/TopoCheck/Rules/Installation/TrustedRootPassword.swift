/// `verify`: the trusted-root keystore keeps Java's default password.
public struct TrustedRootPassword: InstallationRule {
    public static let descriptor = RuleDescriptor(
        id: "trusted-root-password", severity: .warning,
        summary: "`verify`: the trusted-root keystore still opens with Java's well-known default password `changeit`.",
        documentation: """
            Java before version 18 ships its trusted roots under `changeit`, \
            a password everyone knows; with it, whoever can write the file adds a root \
            of their own, and this server trusts every certificate made with \
            it. Securing this keystore is the vendor's first step on every \
            server (step 2.2.1, "Securing the Trusted Root Certificate \
            Keystore"). The keystore, and where the finding points, are those \
            of `trusted-root-missing`.

            ```yaml
            component_ssl: {enabled: true, ca: Acme Issuing CA 2026}
            ```

            ```console
            $ keytool -list -keystore /opt/lsoft/maestro/jre/lib/security/cacerts -storepass changeit
            Keystore type: JKS
            Keystore provider: SUN
            ```

            Fix: `keytool -storepasswd -keystore FILE` (it asks for the present \
            password and the new one), or `certificate.sh trust` of `bundle`.
            """)
}
