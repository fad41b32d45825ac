/// `verify`: no private key under the planned alias.
public struct KeystoreAlias: InstallationRule {
    public static let descriptor = RuleDescriptor(
        id: "keystore-alias", severity: .error,
        summary: "`verify`: the keystore holds no private-key entry under the planned alias (the host name in lower case).",
        documentation: """
            The plan puts the key pair, then the signed certificate, under the \
            host name in lower case (as keytool stores aliases): only there \
            does the certificate replace the key's self-signed one. Under another \
            alias it is a mere trusted certificate, and the key keeps one no \
            partner trusts. Reported at `SSLKeystorePath` in `ssl.ini`.

            ```yaml
            hosts:
              UI.acme.example: {components: [LUI, HUB]}   # alias ui.acme.example
            ```

            ```console
            $ keytool -list -keystore /opt/lsoft/maestro/keystore/UI.acme.example.jks
            mykey, Jan 12, 2027, PrivateKeyEntry,
            ui.acme.example, Jan 12, 2027, trustedCertEntry,
            ```

            Fix, each with `-keystore FILE`: `keytool -delete -alias X`, \
            `keytool -changealias -alias mykey -destalias X`, then `keytool \
            -importcert -alias X -file signed.crt` (X: `ui.acme.example`).
            """)
}
