/// `verify`: a certificate of the chain is outside its validity period.
public struct CertificateValidity: InstallationRule {
    public static let descriptor = RuleDescriptor(
        id: "certificate-validity", severity: .error,
        summary: "`verify`: the server certificate, or one in its chain, is expired or not yet valid.",
        documentation: """
            Partners refuse a certificate outside its validity period, and \
            one whose chain holds such a certificate (an expired intermediate \
            CA, say), so this server's component links fail. A certificate not \
            yet valid usually means a clock set wrong, on this machine or on \
            the CA's; the check uses the clock of the machine `verify` runs on. \
            Reported at `SSLKeystorePath` in `ssl.ini`.

            ```yaml
            component_ssl: {enabled: true, ca: Acme Issuing CA 2026}
            ```

            ```console
            $ keytool -list -v -keystore ui.acme.example.jks -alias ui.acme.example | grep Valid
            Valid from: Mon Jan 12 10:00:00 UTC 2026 until: Tue Jan 12 10:00:00 UTC 2027
            ```

            Fix: renew the certificate (a new request signed by the planned \
            CA, imported under the planned alias) and restart Maestro on this \
            server; for one not yet valid, check the clocks first.
            """)
}
