/// `verify`: a backslash in `ssl.ini` that Java drops.
public struct SSLIniBackslash: InstallationRule {
    public static let descriptor = RuleDescriptor(
        id: "ssl-ini-backslash", severity: .error,
        summary: "`verify`: a value in `ssl.ini` holds a backslash that Java drops (`C:\\Program Files` reads as `C:Program Files`).",
        documentation: """
            In a `.properties` file, which `ssl.ini` is, a backslash escapes \
            the character after it; before one that is no escape Java drops \
            it, so a Windows path written with single backslashes names \
            another file. Reported at the value in `ssl.ini`, with what Java \
            reads and the line to write. The plan and the file:

            ```yaml
            ssl: {keystore: 'C:\\Program Files\\L-Soft\\keystore\\hub.jks'}
            ```

            ```properties
            SSLKeystorePath=C:\\Program Files\\L-Soft\\keystore\\hub.jks
            # Java reads: C:Program FilesL-Softkeystorehub.jks
            ```

            Fix: double each backslash \
            (`SSLKeystorePath=C:\\\\Program Files\\\\L-Soft\\\\keystore\\\\hub.jks`) \
            or write `/` (`C:/Program Files/L-Soft/keystore/hub.jks`), then \
            restart Maestro on this server.
            """)
}
