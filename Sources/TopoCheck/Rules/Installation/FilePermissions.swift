/// `verify`: `ssl.ini` or the keystore is open to other users (Linux).
public struct FilePermissions: InstallationRule {
    public static let descriptor = RuleDescriptor(
        id: "file-permissions", severity: .error,
        summary: "`verify`: on Linux, `ssl.ini` or the keystore is open to other users, or not owned by the install folder's owner.",
        documentation: """
            `ssl.ini` holds the keystore password in plain text, the keystore \
            the private key: whoever reads both can pose as this server, and \
            whoever writes them can swap the key or the allowed clients. On Linux, \
            either file with any permission bit for group or others, or owned \
            by another user than the install folder, is reported: `ssl.ini` \
            at its line 1, the keystore at `SSLKeystorePath` (Windows access \
            lists are not checked).

            ```yaml
            hosts:
              trk.acme.example: {components: [TRK], os: linux}
            ```

            ```console
            $ ls -l /opt/lsoft/maestro/commands/ssl.ini
            -rw-r--r-- 1 root root 142 Jan 12 10:03 /opt/lsoft/maestro/commands/ssl.ini
            ```

            Fix, for `ssl.ini` and the keystore: `chmod 600 FILE` and \
            `chown --reference=/opt/lsoft/maestro FILE` (the install folder).
            """)
}
