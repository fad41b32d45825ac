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

    /// The key as a `String`: the section's own literal when the bytes name
    /// a known key (no allocation), a new string otherwise.
    func key(for event: YAMLEvent) -> (name: String, index: Int?) {
        let bytes = event.bytes
        if let base = bytes.baseAddress {
            for (index, key) in keyBytes.enumerated() where key.count == bytes.count {
                if key.withUnsafeBufferPointer({ memcmpEqual($0.baseAddress!, base, bytes.count) }) {
                    return (keys[index], index)
                }
            }
        }
        return (event.text, nil)
    }

    /// The keys as bytes, to match libyaml's scalars without making Strings
    /// (a switch, not a dictionary: hashing the section would cost more
    /// than the match).
    private var keyBytes: [[UInt8]] {
        switch self {
        case .top: Self.topBytes
        case .hosts: []
        case .defaults: Self.defaultsBytes
        case .componentSSL: Self.componentSSLBytes
        case .host: Self.hostBytes
        case .database: Self.databaseBytes
        case .ssl: Self.sslBytes
        case .secret: Self.secretBytes
        }
    }

    private static let topBytes = topKeys.map { Array($0.utf8) }
    private static let defaultsBytes = defaultsKeys.map { Array($0.utf8) }
    private static let componentSSLBytes = componentSSLKeys.map { Array($0.utf8) }
    private static let hostBytes = hostKeys.map { Array($0.utf8) }
    private static let databaseBytes = databaseKeys.map { Array($0.utf8) }
    private static let sslBytes = sslKeys.map { Array($0.utf8) }
    private static let secretBytes = secretKeys.map { Array($0.utf8) }

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
