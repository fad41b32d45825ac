/// `verify`: the server certificate does not chain to the planned CA.
public struct CertificateChain: InstallationRule {
    public static let descriptor = RuleDescriptor(
        id: "certificate-chain", severity: .error,
        summary: "`verify`: the certificate chain does not end at the planned CA, or does not verify against `--ca-file`.",
        documentation: """
            Component SSL is mutual: partners check this server's chain against \
            their trusted roots, which hold the planned CA (`ca`), and refuse \
            a self-signed certificate or another CA's. The chain must end at a \
            root of that name; with `--ca-file PEM`, `verify` also checks \
            signatures, validity, and that each issuer is a CA (basic \
            constraints). Reported at `SSLKeystorePath` in `ssl.ini`.

            ```yaml
            component_ssl: {enabled: true, ca: Acme Issuing CA 2026}
            ```

            ```console
            $ openssl verify -CAfile acme-root.pem ui.acme.example.pem
            CN = ui.acme.example
            error 20 at 0 depth lookup: unable to get local issuer certificate
            error ui.acme.example.pem: verification failed
            ```

            Fix: have the planned CA sign the request, import it under the \
            planned alias; or change `ca` and trust the new root everywhere.
            """)
}
