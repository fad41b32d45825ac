import TopoSource
import TopoModel

/// What a diff compares of one host: every setting that changes what the
/// host needs, as named fields with printable values. Passwords appear only
/// as their source.
public struct HostSnapshot: Equatable, Sendable {
    public struct Field: Equatable, Sendable {
        public var name: String
        public var value: String
    }

    public var name: String
    var components: [Component]
    var isMaestroServer: Bool
    var os: OperatingSystem
    public var fields: [Field]
    /// What the certificate is bound to: host name, aliases, CA.
    var sslEnabled: Bool
    var ca: String?
    var aliases: [String]
    var keystore: String
    var passwordSource: String?
    var location: SourceLocation

    init(_ host: ResolvedHost) {
        name = host.name
        components = host.components
        isMaestroServer = host.isMaestroServer
        os = host.os.value
        sslEnabled = host.isMaestroServer && host.ssl.enabled
        ca = host.ssl.ca?.value
        aliases = host.ssl.aliases.map(\.value)
        keystore = host.ssl.keystore.value
        passwordSource = host.ssl.password?.value.description
        location = host.nameLocation
        var fields = [
            Field(name: "components", value: host.components.map(\.rawValue).joined(separator: ", ")),
            Field(name: "os", value: host.os.value.rawValue),
        ]
        if host.isMaestroServer {
            fields += [
                Field(name: "install_folder", value: host.installFolder.value),
                Field(name: "internal_port", value: String(host.internalPort.value)),
                Field(name: "tracker_port", value: String(host.trackerPort.value)),
                Field(name: "http_port", value: String(host.httpPort.value)),
                Field(name: "ssl", value: sslEnabled ? "on" : "off"),
            ]
            if sslEnabled {
                fields += [
                    Field(name: "keystore", value: keystore),
                    Field(name: "ca", value: ca ?? ""),
                    Field(name: "keystore_password", value: passwordSource ?? ""),
                ]
                if !aliases.isEmpty { fields.append(Field(name: "aliases", value: aliases.joined(separator: ", "))) }
            }
        }
        if let database = host.database {
            fields += [
                Field(name: "database_engine", value: database.engine.rawValue),
                Field(name: "database_port", value: String(database.port.value)),
            ]
        }
        self.fields = fields
    }

    func value(_ field: String) -> String? { fields.first { $0.name == field }?.value }

}

/// One field that differs between the two files.
public struct FieldChange: Equatable, Sendable {
    public var field: String
    public var before: String?
    public var after: String?
}

public enum ChangeAction: String, Sendable {
    case add, change, remove, rename

    public var marker: String {
        switch self {
        case .add: "+"
        case .change: "~"
        case .remove: "-"
        case .rename: "→"
        }
    }
}

/// One host's change. `host` is the target's name (the current one for a
/// removal); `previousName` is set for a rename.
public struct HostChange: Sendable {
    public var host: String
    public var previousName: String?
    public var action: ChangeAction
    public var fields: [FieldChange]
    public var before: HostSnapshot?
    public var after: HostSnapshot?
}
