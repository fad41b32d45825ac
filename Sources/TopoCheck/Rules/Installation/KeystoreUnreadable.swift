/// `verify`: the keystore of `ssl.ini` cannot be opened.
public struct KeystoreUnreadable: InstallationRule {
    public static let descriptor = RuleDescriptor(
        id: "keystore-unreadable", severity: .error,
        summary: "`verify`: the keystore `SSLKeystorePath` names is missing, is no JKS or PKCS12 keystore, or does not open with the password of `ssl.ini`.",
        documentation: """
            Maestro opens the keystore `SSLKeystorePath` names with the one \
            password `SSLKeystorePassword` gives. A file that is not there, \
            is no JKS or PKCS12 keystore (a PEM file, a damaged copy), or \
            wants another password leaves the server without its certificate. \
            Reported at `SSLKeystorePath` in `ssl.ini`.

            ```yaml
            component_ssl: {enabled: true, keystore_password: {env: MAESTRO_KEYSTORE_PASSWORD}}
            ```

            ```console
            $ keytool -list -keystore /opt/lsoft/maestro/keystore/ui.acme.example.jks
            Enter keystore password:
            keytool error: java.io.IOException: Keystore was tampered with, or password was incorrect
            ```

            Fix: point `SSLKeystorePath` at the keystore that holds the signed \
            certificate, and set `SSLKeystorePassword` to its password (or \
            change the keystore's with `keytool -storepasswd`).
            """)
}
