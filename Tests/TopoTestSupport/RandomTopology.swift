import Foundation

/// SplitMix64: small, fast and the same everywhere, so the seed printed in
/// a failure reproduces the input on any machine.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    public mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

/// A random topology that the format calls valid (no error-severity
/// finding), with everything the plan must derive from it worked out here,
/// independently of the product: the three `ssl.ini` values per secured
/// server. Every layout the format allows occurs: one to three Maestro
/// servers, LUI/HUB/TRK split any way, DATABASE and LISTSERV on a server or
/// on external hosts, Linux and Windows hosts with their install folders,
/// SSL on or off, passwords as literals, `{env}` or `{file}`.
public struct RandomTopology: Sendable {
    public struct ExpectedIni: Equatable, Sendable {
        public var allowedClients: String
        public var keystorePath: String
        public var password: String
        public var path: String
    }

    public let seed: UInt64
    public private(set) var yaml = ""
    /// Per secured Maestro server (name as the plan shows it).
    public private(set) var expected: [String: ExpectedIni] = [:]
    /// Maestro servers and external hosts, in file order, as the plan names them.
    public private(set) var servers: [String] = []
    public private(set) var externals: [String] = []
    /// `{env: NAME}` and `{file: PATH}` secrets `bundle` must be given.
    public private(set) var environment: [String: String] = [:]
    public private(set) var files: [String: String] = [:]
    /// A token inside every password: it must never be printed.
    public private(set) var tokens: [String] = []

    private var rng: SplitMix64
    private var usedNames = Set<String>()

    private struct Host {
        var name: String
        var components: [String]
        var windows = false
        var folder: String?
        var isServer: Bool { components.contains { ["LUI", "HUB", "TRK"].contains($0) } }
        var shownName: String { name.hasSuffix(".") ? String(name.dropLast()) : name }
    }

    public init(seed: UInt64) {
        self.seed = seed
        rng = SplitMix64(seed: seed)
        generate()
    }

    // MARK: Layout

    private mutating func generate() {
        var hosts = layout().map { Host(name: hostName(), components: $0) }
        hosts.shuffle(using: &rng)
        let allWindows = rng.chance(0.15), allLinux = !allWindows && rng.chance(0.4)
        for i in hosts.indices {
            hosts[i].windows = allWindows || (!allLinux && rng.chance(0.35))
            if rng.chance(0.6) { hosts[i].folder = installFolder(windows: hosts[i].windows) }
        }
        servers = hosts.filter(\.isServer).map(\.shownName)
        externals = hosts.filter { !$0.isServer }.map(\.shownName)

        var top: [(String, YAMLNode)] = [("version", .plain("1")), ("installation", text(pick(Words.installations)))]
        if rng.chance(0.3) { top.append(("maestro_version", .double(pick(["6.0-1", "6.10", "5.5"])))) }
        if rng.chance(0.3) { top.append(("profile", .plain(pick(["standard", "high-volume"])))) }
        if rng.chance(0.3) { top.append(("tracker_direction", .plain(pick(["lui-to-trk", "trk-to-lui", "both"])))) }
        // Ports: the three of a server differ, and one tracker port serves all.
        var ports = [1099, 7000, 80]
        for i in ports.indices where rng.chance(0.3) {
            ports[i] = pick([8080, 443, 2099, 17000, 65535, 1, 9999, 1100].filter { !ports.contains($0) })
        }
        var defaults: [(String, YAMLNode)] = []
        let sameOS = allWindows || allLinux
        let defaultOS = sameOS && rng.chance(0.5)
        if defaultOS { defaults.append(("os", .plain(allWindows ? "windows" : "linux"))) }
        var defaultFolder: String?
        if sameOS, rng.chance(0.3) {
            defaultFolder = installFolder(windows: allWindows)
            defaults.append(("install_folder", text(defaultFolder!)))
        }
        for (key, value, builtIn) in [("internal_port", ports[0], 1099), ("tracker_port", ports[1], 7000), ("http_port", ports[2], 80)]
        where value != builtIn || rng.chance(0.2) {
            defaults.append((key, .plain("\(value)")))
        }
        defaults.shuffle(using: &rng)
        if !defaults.isEmpty || rng.chance(0.1) { top.append(("defaults", .map(defaults))) }

        var ssl = SSLPlan(on: rng.chance(0.65), mode: rng.int(0...2))
        if let shared = componentSSL(&ssl) { top.append(("component_ssl", shared)) }

        var hostNodes: [(String, YAMLNode)] = []
        for host in hosts {
            var entry: [(String, YAMLNode)] = [("components", .list(host.components.map { .plain($0) }))]
            // Without `os` a host is what defaults say, else Linux.
            if host.windows != (defaultOS && allWindows) || rng.chance(0.3) {
                entry.append(("os", .plain(host.windows ? "windows" : "linux")))
            }
            if let folder = host.folder { entry.append(("install_folder", text(folder))) }
            if rng.chance(0.2) { entry.append(("http_port", .plain("\(pick([81, 8443, 3000].filter { !ports.contains($0) }))"))) }
            if host.components.contains("DATABASE"), rng.chance(0.5) {
                var database: [(String, YAMLNode)] = [("engine", .plain(pick(["internal", "mysql", "mssql", "oracle", "db2", "postgresql"])))]
                if rng.chance(0.4) { database.append(("port", .plain("\(rng.int(1...65535))"))) }
                entry.append(("database", .map(database)))
            }
            let folder = host.folder ?? defaultFolder ?? (host.windows ? #"C:\Program Files\L-Soft\Maestro"# : "/opt/lsoft/maestro")
            if host.isServer, let own = hostSSL(ssl, host: host, folder: folder) { entry.append(("ssl", own)) }
            hostNodes.append((host.name, .map(entry)))
        }
        top.append(("hosts", .map(hostNodes)))
        var writer = YAMLWriter(rng: rng)
        yaml = writer.document(top)
        rng = writer.rng
    }

    /// Components per host: the named layouts, or any valid split.
    private mutating func layout() -> [[String]] {
        switch rng.int(0...4) {
        case 0: return [["LUI", "HUB", "TRK", "DATABASE", "LISTSERV"]]
        case 1: return [["LUI", "HUB", "DATABASE"], ["TRK", "LISTSERV"]]
        case 2: return [["LUI", "HUB"], ["TRK"], ["DATABASE"], ["LISTSERV"]]
        default:
            let count = rng.int(1...3)
            var servers = Array(repeating: [String](), count: count)
            for (i, component) in ["LUI", "HUB", "TRK"].shuffled(using: &rng).enumerated() {
                servers[i < count ? i : rng.int(0...(count - 1))].append(component)
            }
            var hosts = servers
            if rng.chance(0.5) { hosts[rng.int(0...(hosts.count - 1))].append("DATABASE") } else { hosts.append(["DATABASE"]) }
            for _ in 0..<rng.int(1...2) where hosts.count < 6 || rng.chance(0.5) {
                let i = rng.int(0...hosts.count)
                if i < hosts.count, !hosts[i].contains("LISTSERV") { hosts[i].append("LISTSERV") }
                else if hosts.count < 6 { hosts.append(["LISTSERV"]) }
            }
            if !hosts.joined().contains("LISTSERV") { hosts[0].append("LISTSERV") }
            while hosts.count < 6, rng.chance(0.25) { hosts.append(["LISTSERV"]) }
            return hosts.map { $0.shuffled(using: &rng) }
        }
    }

    // MARK: SSL

    private struct SSLPlan {
        var on: Bool
        /// 0: all in component_ssl; 1: component_ssl without password;
        /// 2: everything in each host's ssl.
        var mode: Int
        var ca = ""
        var sharedPassword: String?
    }

    private mutating func componentSSL(_ ssl: inout SSLPlan) -> YAMLNode? {
        ssl.ca = pick(Words.cas)
        guard ssl.on else {
            if rng.chance(0.5) { return nil }
            return .map([("enabled", .plain("false"))] + (rng.chance(0.5) ? [("ca", text(ssl.ca))] : []))
        }
        guard ssl.mode < 2 else { return rng.chance(0.3) ? .map([("ca", text(ssl.ca))]) : nil }
        var shared: [(String, YAMLNode)] = [("enabled", .plain(pick(["true", "True", "TRUE"]))), ("ca", text(ssl.ca))]
        if ssl.mode == 0 {
            let (node, value) = passwordSource()
            shared.append(("keystore_password", node))
            ssl.sharedPassword = value
        }
        return .map(shared)
    }

    private mutating func hostSSL(_ ssl: SSLPlan, host: Host, folder: String) -> YAMLNode? {
        var own: [(String, YAMLNode)] = []
        if !ssl.on {
            if rng.chance(0.2) { own.append(("enabled", .plain("false"))) }
            return own.isEmpty ? nil : .map(own)
        }
        if ssl.mode == 2 { own += [("enabled", .plain("true")), ("ca", text(rng.chance(0.8) ? ssl.ca : pick(Words.cas)))] }
        var password: String?
        if ssl.mode >= 1 || rng.chance(0.2) {
            let (node, value) = passwordSource()
            own.append(("keystore_password", node))
            password = value
        }
        var keystore = PathRules.join(folder, "keystore", "\(host.shownName).jks", windows: host.windows)
        if rng.chance(0.3) {
            keystore = host.windows ? pick([#"D:\Certificates\"#, "E:/keys/", #"\\vault\certs\"#]) + "\(host.shownName)-ks.jks"
                : pick(["/etc/maestro/", "/srv/key store/", "/opt/ü/"]) + "\(host.shownName).jks"
            own.append(("keystore", text(keystore)))
        }
        var aliases: [String] = []
        if rng.chance(0.15) {
            aliases = (0..<rng.int(1...2)).map { _ in hostName(trailingDot: false) }
            own.append(("aliases", .list(aliases.map { .plain($0) })))
        }
        var clients = servers
        if rng.chance(0.3) {
            clients.shuffle(using: &rng)
            if !aliases.isEmpty, rng.chance(0.5), let i = clients.firstIndex(of: host.shownName) { clients[i] = aliases[0] }
            if rng.chance(0.5) {
                own.append(("allowed_clients", text(clients.joined(separator: ","))))
            } else {
                own.append(("allowed_clients", .list(clients.map { .plain($0) })))
            }
        }
        expected[host.shownName] = ExpectedIni(
            allowedClients: clients.joined(separator: ","), keystorePath: keystore, password: password ?? "",
            path: PathRules.join(folder, "commands", "ssl.ini", windows: host.windows))
        if password == nil { expected[host.shownName]?.password = ssl.sharedPassword ?? "" }
        own.shuffle(using: &rng)
        return .map(own)
    }

    /// A password from a nasty alphabet, and how the file names it.
    private mutating func passwordSource() -> (YAMLNode, String) {
        let token = "Tk" + String((0..<10).map { _ in pick(Array("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789")) })
        tokens.append(token)
        var value = rng.chance(0.2) ? " " : ""
        for _ in 0..<rng.int(0...3) { value += pick(Words.nasty) }
        value += token
        for _ in 0..<rng.int(0...4) { value += pick(Words.nasty) }
        if rng.chance(0.2) { value += " " }
        // The source's name is shown (plan, README): it must not hold the token.
        let tag = String(rng.next() % 1_000_000_000)
        switch rng.int(0...9) {
        case 0:
            let name = "MT_PW_\(tag)"
            environment[name] = value
            return (.map([("env", .plain(name))]), value)
        case 1:
            let path = "secrets/pw-\(tag).txt"
            files[path] = value
            return (.map([("file", text(path))]), value)
        default:
            return (rng.chance(0.5) ? .single(value) : .double(value), value)
        }
    }

    // MARK: Values

    private mutating func hostName(trailingDot: Bool = true) -> String {
        while true {
            let labels = (0..<rng.int(1...3)).map { _ in label() } + [pick(["example", "test", "acme.example", "corp", "local"])]
            var name = labels.joined(separator: ".")
            if rng.chance(0.1) { name = name.uppercased() }
            if rng.chance(0.02) { name = String(repeating: "l", count: 63) + "." + name }
            let key = name.lowercased()
            guard usedNames.insert(key).inserted else { continue }
            if trailingDot, rng.chance(0.08) { name += "." }
            return name
        }
    }

    private mutating func label() -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        var label = String((0..<rng.int(1...10)).map { _ in pick(letters) })
        if label.count > 2, rng.chance(0.3) { label.insert("-", at: label.index(after: label.startIndex)) }
        return label
    }

    private mutating func installFolder(windows: Bool) -> String {
        windows
            ? pick([#"C:\Program Files\L-Soft\Maestro"#, #"D:\Maestro\"#, "C:/Program Files/Maestro", #"\\fileserver\maestro share\Maestro"#,
                    #"E:\Prog räm\L-Soft #1"#, "C:/"])
            : pick(["/opt/lsoft/maestro", "/srv/maestro topo/Maestro 6", "/opt/L-Soft/maestro/", "/home/maestro/ü-dir",
                    "/opt/x#y!z=w:v", "/usr/local/maestro//"])
    }

    /// Text in a random quoting style (plain only where YAML reads it back as written).
    private mutating func text(_ value: String) -> YAMLNode {
        switch rng.int(0...2) {
        case 0: return .single(value)
        case 1: return .double(value)
        default: return YAMLWriter.isSafePlain(value) ? .plain(value) : .single(value)
        }
    }

    private mutating func pick<T>(_ items: [T]) -> T { rng.pick(items) }
}

/// The path rules of docs/format.md §3.8, written again here so the test
/// does not take them from the code it checks.
enum PathRules {
    static func join(_ base: String, _ parts: String..., windows: Bool) -> String {
        var result = base
        for part in parts {
            while result.count > 1, result.hasSuffix(windows ? "\\" : "/") || (windows && result.hasSuffix("/")) {
                result.removeLast()
            }
            result += (windows ? "\\" : "/") + part
        }
        return result
    }
}

enum Words {
    static let installations = ["acme-production", "Acme Prod #2", "grüße", "2026", "x: y", "'quoted'", "mail.example"]
    static let cas = ["Acme Issuing CA 2026", "Grüße CA", "CA #1!", "Other CA", "root"]
    static let nasty = [#"\"#, "#", "!", "=", ":", " ", "ü", "パ", "😀", "'", "\"", "''", #"\\"#, "{", "}", "[", "]", ",", "&",
                        "*", "%", "@", "`", "|", ">", "?", "-", #"\u0041"#, #"\n"#, "é", "€", #"C:\Temp"#, "\u{1F468}\u{200D}\u{1F469}",
                        "= ", " :", "#!"]
}

/// A YAML value to write: scalars keep the quoting style chosen for them.
indirect enum YAMLNode {
    enum Style { case plain, single, double }

    case scalar(String, Style)
    case map([(String, YAMLNode)])
    case list([YAMLNode])

    static func plain(_ text: String) -> YAMLNode { .scalar(text, .plain) }
    static func single(_ text: String) -> YAMLNode { .scalar(text, .single) }
    static func double(_ text: String) -> YAMLNode { .scalar(text, .double) }
}

/// Writes YAML in random styles: block or flow per collection, comments,
/// document markers; quoting exactly as YAML reads it back.
struct YAMLWriter {
    var rng: SplitMix64

    mutating func document(_ top: [(String, YAMLNode)]) -> String {
        var out = rng.chance(0.1) ? "--- # generated\n" : ""
        out += rng.chance(0.15) ? flow(.map(top)) + "\n" : block(top, indent: 0)
        if rng.chance(0.1) { out += "...\n" }
        return out
    }

    private mutating func block(_ entries: [(String, YAMLNode)], indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var out = ""
        for (key, value) in entries {
            if rng.chance(0.05) { out += pad + "# a comment: [with] {brackets}\n" }
            out += pad + Self.scalar(key, Self.isSafePlain(key) && rng.chance(0.8) ? .plain : .single) + ":"
            switch value {
            case let .map(items) where !items.isEmpty && rng.chance(0.65):
                out += "\n" + block(items, indent: indent + 2)
                continue
            case let .list(items) where !items.isEmpty && rng.chance(0.3):
                let itemPad = pad + (rng.chance(0.5) ? "  " : "")
                out += "\n" + items.map { itemPad + "- " + flow($0) + "\n" }.joined()
                continue
            default:
                out += " " + flow(value)
            }
            if rng.chance(0.1) { out += "   # trailing comment" }
            out += "\n"
        }
        return out
    }

    private mutating func flow(_ node: YAMLNode) -> String {
        switch node {
        case let .scalar(text, style):
            return Self.scalar(text, style)
        case let .map(items):
            var parts: [String] = []
            for (key, value) in items {
                parts.append(Self.scalar(key, Self.isSafePlain(key) ? .plain : .double) + ": " + flow(value))
            }
            return "{" + parts.joined(separator: rng.chance(0.5) ? ", " : ",") + "}"
        case let .list(items):
            var parts: [String] = []
            for item in items { parts.append(flow(item)) }
            return "[" + parts.joined(separator: ", ") + "]"
        }
    }

    static func scalar(_ text: String, _ style: YAMLNode.Style) -> String {
        switch style {
        case .plain where isSafePlain(text):
            return text
        case .double:
            return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        default:
            return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        }
    }

    /// Plain only where YAML reads the text back exactly, in block and flow
    /// context alike: letters, digits, `.`, `_`, `/`, `-`, and not null.
    static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first != "-", !["null", "Null", "NULL", "~"].contains(text) else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._/-".unicodeScalars.contains($0)) }
    }
}
