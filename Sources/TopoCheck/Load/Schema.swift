import TopoYAML

/// The keys each mapping of format version 1 allows. The loader's switch
/// statements handle them; these lists drive `unknown-key`'s suggestions and
/// the section names in messages.
enum Section: String {
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
        switch section {
        case .top:
            ["version", "installation", "maestro_version", "profile", "tracker_direction",
             "defaults", "component_ssl", "hosts"]
        case .hosts:
            []  // any host name; invalid-hostname judges them
        case .defaults:
            ["os", "install_folder", "internal_port", "tracker_port", "http_port"]
        case .componentSSL:
            ["enabled", "ca", "keystore_password", "trusted_root_keystore"]
        case .host:
            ["components", "os", "install_folder", "internal_port", "tracker_port", "http_port",
             "database", "ssl"]
        case .database:
            ["engine", "port"]
        case .ssl:
            ["enabled", "keystore", "keystore_password", "ca", "allowed_clients", "aliases",
             "trusted_root_keystore"]
        case .secret:
            ["env", "file"]
        }
    }
}

/// The only format version this build reads.
public let supportedFormatVersion = 1
