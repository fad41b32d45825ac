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
        case .top:
            ["version", "installation", "maestro_version", "profile", "tracker_direction",
             "defaults", "component_ssl", "hosts"]
        case .hosts:
            []  // any host name; invalid-hostname judges them
        case .defaults:
            ["os", "install_folder", "internal_port", "tracker_port", "http_port"]
        case .componentSSL:
            ["enabled", "ca", "keystore_password"]
        case .host:
            ["components", "os", "install_folder", "internal_port", "tracker_port", "http_port",
             "database", "ssl"]
        case .database:
            ["engine", "port"]
        case .ssl:
            ["enabled", "keystore", "keystore_password", "ca", "allowed_clients", "aliases"]
        case .secret:
            ["env", "file"]
        }
    }
}

/// The only format version this build reads.
public let supportedFormatVersion = 1
