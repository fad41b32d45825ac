/// `verify`: the private key has a password of its own.
public struct KeyPassword: InstallationRule {
    public static let descriptor = RuleDescriptor(
        id: "key-password", severity: .error,
        summary: "`verify`: the private key's password differs from the keystore's, and `ssl.ini` has room for one only.",
        documentation: """
            A JKS keystore protects each private key with a password of its \
            own, which may differ from the keystore's. `ssl.ini` gives Maestro \
            one password, `SSLKeystorePassword`: it opens the keystore, but \
            not a key with another password, so the server cannot use its \
            certificate. (keytool's PKCS12 keystores, its default since Java \
            9, use one password for both.) Reported at `SSLKeystorePath` in \
            `ssl.ini`.

            ```yaml
            component_ssl: {enabled: true, keystore_password: {env: MAESTRO_KEYSTORE_PASSWORD}}
            ```

            ```console
            $ keytool -genkeypair -alias ui.acme.example -keyalg RSA -storetype JKS -keystore ui.jks \\
                -storepass:env MAESTRO_KEYSTORE_PASSWORD -keypass:env OTHER_PASSWORD
            ```

            Fix: `keytool -keypasswd -alias ui.acme.example -keystore FILE`; \
            it asks for the keystore password, the key's present one and the \
            new one: give the keystore password as the new one.
            """)
}
