import TopoCheck
import TopoModel

/// The YAML of discovered hosts: one host's fragment (`discover`) or a
/// whole topology joined from fragments (`discover --merge`). Strings are
/// double-quoted with every special character escaped, so any name or
/// path found on a server reads back as itself.
public enum FragmentRenderer {
    public static func fragment(_ host: HostFragment, header: [String]) -> String {
        var out = header.map { "# \($0.withVisibleControls)\n" }.joined()
        // A fragment is a topology of its own (validate reads it); --merge
        // gives the joined one its real name.
        out += "version: 1\ninstallation: \"discovered\"\nhosts:\n"
        append(host, to: &out)
        return out
    }

    public static func topology(_ hosts: [HostFragment], installation: String, header: [String]) -> String {
        var out = header.map { "# \($0.withVisibleControls)\n" }.joined()
        out += "version: 1\ninstallation: \(quoted(installation))\nhosts:\n"
        for (index, host) in hosts.enumerated() {
            if index > 0 { out += "\n" }
            append(host, to: &out)
        }
        return out
    }

    static func append(_ host: HostFragment, to out: inout String) {
        for remark in host.remarks { out += "  # \(remark.withVisibleControls)\n" }
        out += "  \(quoted(host.name)):\n"
        out += "    components: [\(host.components.map(\.rawValue).joined(separator: ", "))]\n"
        out += "    os: \(host.os.rawValue)\n"
        if let folder = host.installFolder { out += "    install_folder: \(quoted(folder))\n" }
        if let engine = host.databaseEngine { out += "    database: {engine: \(engine.rawValue)}\n" }
        guard host.components.contains(where: \.isMaestro) else { return }
        guard let ssl = host.ssl else {
            out += "    ssl:\n      enabled: false\n"
            return
        }
        out += "    ssl:\n      enabled: true\n"
        if let ca = ssl.ca { out += "      ca: \(quoted(ca))\n" }
        if let keystore = ssl.keystore { out += "      keystore: \(quoted(keystore))\n" }
        out += "      keystore_password: \(source(ssl.password))\n"
        if let clients = ssl.allowedClients {
            out += "      allowed_clients: [\(clients.map(quoted).joined(separator: ", "))]\n"
        }
    }

    static func source(_ source: SecretSource) -> String {
        switch source {
        case let .environment(name):
            "{env: \(quoted(name))}   # the password is never copied: name where it comes from"
        case let .file(path):
            "{file: \(quoted(path))}"
        case .literal:
            // Never written back: a fragment is shared.
            "{env: \"MAESTRO_KEYSTORE_PASSWORD\"}   # was written in the fragment; name its source instead"
        }
    }

    /// A YAML double-quoted scalar.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
