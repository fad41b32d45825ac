// The topology format (docs/format.md) as Codable types, the way a user of
// Yams would model it. Unknown keys are ignored, as Codable does by default.

enum Component: String, Decodable, Hashable {
    case lui = "LUI", hub = "HUB", trk = "TRK", database = "DATABASE", listserv = "LISTSERV"

    var isMaestro: Bool { self == .lui || self == .hub || self == .trk }
}

enum OperatingSystem: String, Decodable {
    case linux, windows
}

/// `keystore_password`: literal text, `{env: NAME}` or `{file: PATH}`.
enum SecretSource: Decodable {
    case literal(String)
    case environment(String)
    case file(String)

    private enum CodingKeys: String, CodingKey { case env, file }

    init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: CodingKeys.self) {
            if let name = try keyed.decodeIfPresent(String.self, forKey: .env) {
                self = .environment(name)
            } else if let path = try keyed.decodeIfPresent(String.self, forKey: .file) {
                self = .file(path)
            } else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath, debugDescription: "keystore_password needs env or file"))
            }
        } else {
            self = .literal(try decoder.singleValueContainer().decode(String.self))
        }
    }
}

/// `allowed_clients`: a list of host names, or one comma-separated text.
enum AllowedClients: Decodable {
    case list([String])
    case text(String)

    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if let list = try? single.decode([String].self) {
            self = .list(list)
        } else {
            self = .text(try single.decode(String.self))
        }
    }
}

struct Defaults: Decodable {
    var os: OperatingSystem?
    var installFolder: String?
    var internalPort: Int?
    var trackerPort: Int?
    var httpPort: Int?

    enum CodingKeys: String, CodingKey {
        case os
        case installFolder = "install_folder"
        case internalPort = "internal_port"
        case trackerPort = "tracker_port"
        case httpPort = "http_port"
    }
}

struct ComponentSSL: Decodable {
    var enabled: Bool?
    var ca: String?
    var keystorePassword: SecretSource?

    enum CodingKeys: String, CodingKey {
        case enabled, ca
        case keystorePassword = "keystore_password"
    }
}

struct Database: Decodable {
    var engine: String?
    var port: Int?
}

struct HostSSL: Decodable {
    var enabled: Bool?
    var keystore: String?
    var keystorePassword: SecretSource?
    var ca: String?
    var allowedClients: AllowedClients?
    var aliases: [String]?

    enum CodingKeys: String, CodingKey {
        case enabled, keystore, ca, aliases
        case keystorePassword = "keystore_password"
        case allowedClients = "allowed_clients"
    }
}

struct Host: Decodable {
    var components: [Component]
    var os: OperatingSystem?
    var installFolder: String?
    var internalPort: Int?
    var trackerPort: Int?
    var httpPort: Int?
    var database: Database?
    var ssl: HostSSL?

    enum CodingKeys: String, CodingKey {
        case components, os, database, ssl
        case installFolder = "install_folder"
        case internalPort = "internal_port"
        case trackerPort = "tracker_port"
        case httpPort = "http_port"
    }
}

struct Topology: Decodable {
    var version: Int
    var installation: String
    var maestroVersion: String?
    var profile: String?
    var trackerDirection: String?
    var defaults: Defaults?
    var componentSSL: ComponentSSL?
    var hosts: [String: Host]

    enum CodingKeys: String, CodingKey {
        case version, installation, profile, defaults, hosts
        case maestroVersion = "maestro_version"
        case trackerDirection = "tracker_direction"
        case componentSSL = "component_ssl"
    }
}
