import TopoModel

/// Two servers that would share one certificate or keystore.
public struct SharedCertificate: ModelRule {
    public static let descriptor = RuleDescriptor(
        id: "shared-certificate", severity: .error,
        summary: "Two servers declare the same network keystore path, or one server's alias is another server's name.",
        documentation: """
            Each Maestro server gets its own certificate, issued for its own \
            host name and kept in its own keystore. Sharing one (a keystore on \
            a file share, a certificate with several names) means one \
            compromised server exposes the others, and a certificate renewed \
            for one breaks the rest. This rule reports:

            - two Windows servers whose explicit `keystore` is the same network path \
              (`\\\\server\\share\\…`, compared without regard to letter \
              case, and with `/` and `\\` alike): one file that both read,
            - an `aliases` entry of one server that is another server's name or \
              alias (its certificate would claim the other server's identity).

            The same local path on two hosts (`/etc/maestro/server.jks` on \
            each) is two files on two machines, a common convention, and is \
            not reported.

            ```yaml
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                os: windows
                ssl: {keystore: '\\\\fs.acme.example\\certs\\maestro.jks'}
              trk.acme.example:
                components: [TRK]
                os: windows
                ssl: {keystore: '\\\\FS.acme.example\\Certs\\maestro.jks'}
            ```

            Fix: give every server its own keystore (omit `keystore` to derive \
            one per host) and its own certificate.
            """)

    public static func check(_ context: RuleContext, into sink: inout FindingSink) {
        // Derived keystores are per host by construction; only explicit
        // network keystores and aliases can clash.
        guard context.resolved.maestroServers.contains(where: { $0.ssl.keystoreIsExplicit || !$0.ssl.aliases.isEmpty })
        else { return }
        var keystores: [String: String] = [:]
        // Names are claimed only through aliases; without any, no index of them.
        var identities: [String: String] = [:]
        if context.resolved.maestroServers.contains(where: { !$0.ssl.aliases.isEmpty }) {
            for server in context.resolved.maestroServers {
                identities[server.canonicalName] = server.name
            }
        }
        for server in context.resolved.maestroServers {
            // A local path names a file on each host; only a network
            // path names the same file for every host that uses it.
            if server.ssl.keystoreIsExplicit, let key = SharedCertificateText.networkKey(server.ssl.keystore.value, os: server.os.value) {
                let path = server.ssl.keystore.value
                if let other = keystores[key] {
                    sink.emit(
                        Self.self, "'\(server.name)' uses the same keystore '\(path)' as '\(other)', on a file share; every server needs its own certificate",
                        at: server.ssl.keystore.location, host: server.name,
                        notes: ["omit 'keystore' to derive a separate one per host, or give each server its own file"])
                } else {
                    keystores[key] = server.name
                }
            }
            for alias in server.ssl.aliases {
                let key = HostName.canonical(alias.value)
                if let owner = identities[key], owner != server.name {
                    sink.emit(
                        Self.self, "alias '\(alias.value)' of '\(server.name)' is already the name of '\(owner)'; its certificate would claim another server's identity",
                        at: alias.location, host: server.name)
                } else {
                    identities[key] = server.name
                }
            }
        }
    }
}

enum SharedCertificateText {
    /// The form under which two spellings of a network path (UNC,
    /// `\\server\share\…`, or `//server/share/…`) name the same file: lower
    /// case (server and share names, and Windows file names, ignore case),
    /// `/` as `\`. Nil for a local path, and for any path of a Linux host:
    /// there `//x/y` is the local `/x/y`, and `\\x` a relative name
    /// (relative-keystore-path reports it).
    static func networkKey(_ path: String, os: OperatingSystem) -> String? {
        guard os == .windows else { return nil }
        let scalars = Array(path.unicodeScalars.prefix(3))
        let isSeparator = { (scalar: Unicode.Scalar) in scalar == "\\" || scalar == "/" }
        guard scalars.count == 3, isSeparator(scalars[0]), isSeparator(scalars[1]), !isSeparator(scalars[2])
        else { return nil }
        return String(path.lowercased().map { $0 == "/" ? "\\" : $0 })
    }
}
