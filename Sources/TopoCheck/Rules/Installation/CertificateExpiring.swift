/// `verify`: the server certificate expires soon.
public struct CertificateExpiring: InstallationRule {
    public static let descriptor = RuleDescriptor(
        id: "certificate-expiring", severity: .warning,
        summary: "`verify`: the server certificate expires within `--expiry-warning` days (30 unless set).",
        documentation: """
            The day the certificate expires, partners refuse this server and \
            its component links stop. Each Maestro server has its own \
            certificate, so each expires on its own date; a renewal takes a \
            request, the CA's signature and a restart, which is better done \
            before that day. `--expiry-warning DAYS` sets how early to warn. \
            Reported at `SSLKeystorePath` in `ssl.ini`.

            ```yaml
            component_ssl: {enabled: true, ca: Acme Issuing CA 2026}
            ```

            ```console
            $ keytool -list -v -keystore ui.acme.example.jks -alias ui.acme.example | grep Valid
            Valid from: Mon Jan 12 10:00:00 UTC 2026 until: Tue Jan 12 10:00:00 UTC 2027
            ```

            Fix: renew now: a new request (`certificate.sh request` of \
            `bundle`), signed by the planned CA, imported under the planned \
            alias (`certificate.sh install`), then restart Maestro on this server.
            """)
}
