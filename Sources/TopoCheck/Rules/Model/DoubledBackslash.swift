import TopoSource
import TopoModel

/// A path whose backslashes were doubled where YAML does not unescape them.
public struct DoubledBackslash: ModelRule {
    public static let descriptor = RuleDescriptor(
        id: "doubled-backslash", severity: .warning,
        summary: "A Windows path holds doubled backslashes (`'D:\\\\Certs'`), which stay doubled in `ssl.ini` and in the path Java reads.",
        documentation: """
            Only in double quotes is a backslash an escape in YAML. In single \
            quotes, and unquoted, it is an ordinary character, so \
            `'D:\\\\Certs\\\\ui.jks'` is the path `D:\\\\Certs\\\\ui.jks` with two \
            backslashes at each step. maestro-topo escapes every backslash for \
            `ssl.ini` (`D:\\\\\\\\Certs…`), and Maestro's Java reads back the \
            doubled path, not the one that was meant. Doubling is the habit \
            of `.ini` files and of double quotes; here it is almost always \
            a mistake, so it is a warning.

            Checked: `install_folder` (the keystore and `ssl.ini` paths derive \
            from it), an explicit `keystore` and an explicit \
            `trusted_root_keystore` of each Maestro server. The two \
            backslashes that start a network path (`\\\\server\\share`) are \
            not doubling.

            ```yaml
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                os: windows
                ssl: {keystore: 'D:\\\\Certs\\\\ui.jks'}   # D:\\\\Certs\\\\ui.jks
            ```

            Fix: write each backslash once in single quotes \
            (`'D:\\Certs\\ui.jks'`), or use `/` (`D:/Certs/ui.jks`).
            """)

    public static func check(_ context: RuleContext, into sink: inout FindingSink) {
        var seen = Set<SourceLocation>()  // an inherited value is reported once, where it is written
        for server in context.resolved.maestroServers {
            func check(_ key: String, _ path: Located<String>?, own: Bool) {
                guard let path, let single = DoubledBackslashText.undoubled(path.value),
                      seen.insert(path.location).inserted else { return }
                sink.emit(
                    Self.self,
                    "\(key) '\(path.value)' has doubled backslashes; outside double quotes each one is kept, so Java reads the path with them doubled",
                    at: path.location, host: own ? server.name : nil,
                    notes: ["write each backslash once: \(key): \(QuotedPath.singleQuoted(single))"])
            }
            let entry = server.entry, ssl = server.ssl
            check("install_folder", server.installFolder, own: entry.settings.installFolder.isSome)
            check("keystore", ssl.explicitKeystore, own: true)
            check("trusted_root_keystore", ssl.explicitTrustedRootKeystore, own: (entry.ssl?.trustedRootKeystore).isSome)
        }
    }
}

enum DoubledBackslashText {
    /// The path with each run of backslashes made one, or nil when it has
    /// no run. At the start, two backslashes open a network path and stay
    /// two (`\\\\server`, a doubled network path, becomes `\\server`).
    static func undoubled(_ path: String) -> String? {
        // The usual path has no two backslashes in a row: one look at the bytes.
        guard hasRun(path) else { return nil }
        var scalars = path.unicodeScalars[...]
        var result = ""
        var changed = false
        let leading = scalars.prefix { $0 == "\\" }.count
        if leading >= 2 {
            result = "\\\\"
            scalars = scalars.dropFirst(leading)
            changed = leading > 2
        }
        while let scalar = scalars.popFirst() {
            result.unicodeScalars.append(scalar)
            guard scalar == "\\", scalars.first == "\\" else { continue }
            while scalars.first == "\\" { scalars.removeFirst() }
            changed = true
        }
        return changed ? result : nil
    }

    /// Whether two backslashes stand side by side anywhere in `path`.
    private static func hasRun(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == UInt8(ascii: "\\"), previous == byte { return true }
                previous = byte
            }
            return false
        }
    }
}
