/// `verify`: the planned CA is not among the trusted roots.
public struct TrustedRootMissing: InstallationRule {
    public static let descriptor = RuleDescriptor(
        id: "trusted-root-missing", severity: .error,
        summary: "`verify`: the planned CA's root certificate is not in the trusted-root keystore, so partners' certificates are not trusted.",
        documentation: """
            Component SSL is mutual: this server checks each partner's \
            certificate against the trusted roots of the Java running Maestro, \
            and without the planned CA's root it refuses them all. The \
            keystore read is the topology's `trusted_root_keystore`, by default \
            `<install_folder>/jre/lib/security/cacerts`, an assumption: the \
            vendor does not say where Maestro keeps them (docs/format.md §3.8). \
            Reported at `trusted_root_keystore` (or the host, for the default).

            ```yaml
            component_ssl: {enabled: true, ca: Acme Issuing CA 2026}
            ```

            ```console
            $ keytool -list -v -keystore /opt/lsoft/maestro/jre/lib/security/cacerts \\
                -storepass:env TRUSTSTORE_PASSWORD | grep "Owner: CN=Acme"
            $
            ```

            Fix: `keytool -importcert -trustcacerts -alias maestro-root -file root.pem \
            -keystore FILE` (or `certificate.sh trust`), and restart Maestro here.
            """)
}
