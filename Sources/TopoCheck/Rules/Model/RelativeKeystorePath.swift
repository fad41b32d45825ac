import TopoModel

/// A keystore path (or the install folder it derives from) that is not absolute.
public struct RelativeKeystorePath: ModelRule {
    public static let descriptor = RuleDescriptor(
        id: "relative-keystore-path", severity: .error,
        summary: "A keystore path, or the install folder it is derived from, is not absolute for the host's OS.",
        documentation: """
            `SSLKeystorePath` in `ssl.ini` must be an absolute path: a relative \
            one is resolved against whatever folder the component happens to \
            start in. Absolute means `/…` on Linux and `C:\\…`, `C:/…` or \
            `\\\\server\\share\\…` on Windows, judged by the host's `os`, so a \
            Windows path on a Linux host is reported too. When `keystore` is \
            omitted it is derived from `install_folder`, which then must be \
            absolute itself. An explicit `trusted_root_keystore` must be \
            absolute too.

            ```yaml
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                ssl: {keystore: keystore/ui.jks}
            ```

            Fix: give the full path, e.g. `/opt/lsoft/maestro/keystore/ui.jks`.
            """)

    public static func check(_ context: RuleContext, into sink: inout FindingSink) {
        for server in context.resolved.maestroServers {
            let os = server.os.value, installFolder = server.installFolder
            if installFolder.value.isEmpty {
                // Joined to nothing, the derived paths would be /keystore/… and /commands/ssl.ini.
                sink.emit(
                    Self.self, "install folder of '\(server.name)' is empty; the keystore and ssl.ini paths derive from it",
                    at: installFolder.location, host: server.name,
                    notes: [RelativeKeystorePathText.example(os)])
            } else if !PathStyle.isAbsolute(installFolder.value, os: os) {
                sink.emit(
                    Self.self, "install folder '\(installFolder.value)' of '\(server.name)' is not an absolute \(os.rawValue) path; the keystore and ssl.ini paths derive from it",
                    at: installFolder.location, host: server.name,
                    notes: [RelativeKeystorePathText.example(os)])
            }
            let ssl = server.ssl
            if ssl.keystoreIsExplicit, !ssl.keystore.value.isEmpty, !PathStyle.isAbsolute(ssl.keystore.value, os: os) {
                sink.emit(
                    Self.self, "keystore '\(ssl.keystore.value)' of '\(server.name)' is not an absolute \(os.rawValue) path",
                    at: ssl.keystore.location, host: server.name,
                    notes: [RelativeKeystorePathText.example(os)])
            }
            if ssl.trustedRootKeystoreIsExplicit, !PathStyle.isAbsolute(ssl.trustedRootKeystore.value, os: os) {
                sink.emit(
                    Self.self, "trusted_root_keystore '\(ssl.trustedRootKeystore.value)' of '\(server.name)' is not an absolute \(os.rawValue) path",
                    at: ssl.trustedRootKeystore.location, host: server.name,
                    notes: [RelativeKeystorePathText.example(os)])
            }
        }
    }
}

enum RelativeKeystorePathText {
    static func example(_ os: OperatingSystem) -> String {
        switch os {
        case .linux: "on Linux an absolute path starts with '/', e.g. /opt/lsoft/maestro/keystore/server.jks"
        case .windows: #"on Windows an absolute path starts with a drive, e.g. C:\Program Files\L-Soft\Maestro\keystore\server.jks"#
        }
    }
}
