import TopoModel

/// One host of a topology as `discover` found it (or as a fragment file
/// names it, for `discover --merge`): what a topology's `hosts` entry
/// holds, and the remarks on what could not be read. Data only.
public struct HostFragment: Sendable, Equatable {
    public struct SSL: Sendable, Equatable {
        public var keystore: String?
        public var allowedClients: [String]?
        public var ca: String?
        /// Where the password comes from. `discover` never copies a
        /// password: it writes a placeholder source to fill in.
        public var password: SecretSource

        public init(keystore: String?, allowedClients: [String]?, ca: String?, password: SecretSource) {
            self.keystore = keystore
            self.allowedClients = allowedClients
            self.ca = ca
            self.password = password
        }
    }

    public var name: String
    public var os: OperatingSystem
    /// Nil for a host without Maestro (DATABASE, LISTSERV only).
    public var installFolder: String?
    public var components: [Component]
    public var databaseEngine: DatabaseEngine?
    /// Nil: component SSL off (no ssl.ini).
    public var ssl: SSL?
    /// What could not be read, or was assumed, in words: written as
    /// comments above the host.
    public var remarks: [String]

    public init(
        name: String, os: OperatingSystem, installFolder: String?, components: [Component],
        databaseEngine: DatabaseEngine? = nil, ssl: SSL?, remarks: [String] = []
    ) {
        self.name = name
        self.os = os
        self.installFolder = installFolder
        self.components = components
        self.databaseEngine = databaseEngine
        self.ssl = ssl
        self.remarks = remarks
    }

    /// The placeholder source `discover` writes for a password.
    public static let passwordPlaceholder = SecretSource.environment("MAESTRO_KEYSTORE_PASSWORD")
}
