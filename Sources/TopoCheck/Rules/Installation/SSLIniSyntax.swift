/// `verify`: `ssl.ini` has an escape that Java refuses to read.
public struct SSLIniSyntax: InstallationRule {
    public static let descriptor = RuleDescriptor(
        id: "ssl-ini-syntax", severity: .error,
        summary: "`verify`: `ssl.ini` holds a malformed `\\uXXXX` escape, so Java refuses to read the file.",
        documentation: """
            Maestro reads `ssl.ini` with Java's `Properties.load`, where `\\u` \
            must be followed by four hex digits. Anything else makes Java give \
            up on the whole file (`Malformed \\uxxxx encoding.`), so Maestro \
            cannot read its SSL settings; what it does then is not documented. \
            A typical cause is a Windows path with a folder starting with `u`. \
            Reported at the backslash of the escape, in `ssl.ini`.

            ```yaml
            ssl: {keystore: 'D:\\users\\maestro\\ui.jks'}
            ```

            ```properties
            SSLKeystorePath=D:\\users\\maestro\\ui.jks
            ```

            Fix: double every backslash (`D:\\\\users\\\\maestro\\\\ui.jks`) \
            or write `/` (`D:/users/maestro/ui.jks`), as `maestro-topo plan` \
            writes the line, and restart Maestro on this server.
            """)
}
