import TopoYAML

/// The mappings of format version 1. Their keys come from `FormatKeys`; the
/// loader's switch statements read them, and these lists drive
/// `unknown-key`'s suggestions and the section names in messages.
public enum Section: String, Sendable {
    case top = "the top level"
    case defaults = "defaults"
    case componentSSL = "component_ssl"
    case hosts = "hosts"
    case host = "a host"
    case database = "database"
    case ssl = "ssl"
    case secret = "keystore_password"

    var keys: [String] {
        switch self {
        case .top: Self.topKeys
        case .hosts: []
        case .defaults: Self.defaultsKeys
        case .componentSSL: Self.componentSSLKeys
        case .host: Self.hostKeys
        case .database: Self.databaseKeys
        case .ssl: Self.sslKeys
        case .secret: Self.secretKeys
        }
    }

    /// Whether the section's key at `index` is `keystore_password`.
    func isPasswordKey(at index: Int) -> Bool {
        switch self {
        case .componentSSL: index == Self.componentSSLPasswordIndex
        case .ssl: index == Self.sslPasswordIndex
        default: false
        }
    }

    private static let componentSSLPasswordIndex = componentSSLKeys.firstIndex(of: "keystore_password")
    private static let sslPasswordIndex = sslKeys.firstIndex(of: "keystore_password")

    /// The key as a `String`: the section's own literal when the bytes name
    /// a known key (no allocation), a new string otherwise. The bytes are
    /// matched against the literals' own: a walk over the section's few
    /// keys, not a dictionary, as hashing the key would cost more.
    func key(for event: YAMLEvent) -> (name: String, index: Int?) {
        let bytes = event.bytes
        let keys = self.keys
        for index in keys.indices where keys[index].utf8.count == bytes.count {
            var key = keys[index]
            if key.withUTF8({ memcmpEqual($0.baseAddress!, bytes.baseAddress!, bytes.count) }) { return (key, index) }
        }
        return (event.text, nil)
    }

    private static let topKeys = Self.allKeys(.top)
    private static let defaultsKeys = Self.allKeys(.defaults)
    private static let componentSSLKeys = Self.allKeys(.componentSSL)
    private static let hostKeys = Self.allKeys(.host)
    private static let databaseKeys = Self.allKeys(.database)
    private static let sslKeys = Self.allKeys(.ssl)
    private static let secretKeys = Self.allKeys(.secret)

    private static func allKeys(_ section: Section) -> [String] {
        FormatKeys.keys(of: section).map(\.name)
    }
}

/// The only format version this build reads.
public let supportedFormatVersion = 1

extension Section {
    /// The sections that hold keys, in the order docs/format.md §2 lists them.
    public static let documented: [Section] = [.top, .defaults, .componentSSL, .host, .database, .ssl, .secret]

    /// The section's name in the JSON Schema's `$defs` and in docs/format.md's
    /// table markers.
    public var id: String {
        switch self {
        case .top: "top"
        case .defaults: "defaults"
        case .componentSSL: "component_ssl"
        case .hosts: "hosts"
        case .host: "host"
        case .database: "database"
        case .ssl: "ssl"
        case .secret: "keystore_password"
        }
    }
}
