import TopoSource

/// A topology file as written, every value with its position. Nothing here is
/// defaulted or derived; `ResolvedTopology` does that.
public struct Topology: Sendable {
    public var version: Located<Int>?
    public var installation: Located<String>?
    public var maestroVersion: Located<String>?
    public var profile: Located<Profile>?
    public var trackerDirection: Located<TrackerDirection>?
    public var defaults = HostSettings()
    public var componentSSL: ComponentSSL?
    public var hosts: [HostEntry] = []
    /// Position of the `hosts:` key, or of the document when it is missing.
    public var hostsLocation: SourceLocation = .start
    public var documentLocation: SourceLocation = .start

    public init() {}
}

/// Settings a host may inherit from `defaults`. A class: most hosts set
/// none of these and share `HostSettings.none` instead of carrying five
/// empty values each.
public final class HostSettings: @unchecked Sendable {
    /// The shared empty settings; never written to (see `HostEntry.writableSettings`).
    public static let none = HostSettings()

    public var os: Located<OperatingSystem>?
    public var installFolder: Located<String>?
    public var internalPort: Located<Int>?
    public var trackerPort: Located<Int>?
    public var httpPort: Located<Int>?

    public init() {}
}

/// The installation-wide `component_ssl` section.
public struct ComponentSSL: Sendable {
    public var location: SourceLocation
    public var enabled: Located<Bool>?
    public var ca: Located<String>?
    public var keystorePassword: Located<SecretSource>?
    /// `keystore_password` was given but refused (already reported).
    public var keystorePasswordRefused = false
    /// The keystore of trusted root certificates that Maestro's Java reads,
    /// when every server keeps it at the same path.
    public var trustedRootKeystore: Located<String>?

    public init(location: SourceLocation) { self.location = location }
}

/// A class so that the rules, which walk the hosts many times, pass
/// references instead of copying every field. The loader fills it in; after
/// loading nothing changes it, which is what makes sharing it safe.
public final class HostEntry: @unchecked Sendable {
    public var name: Located<String>
    public var components: Located<[Located<Component>]>?
    /// Component names the loader did not recognise (already reported).
    public var unrecognizedComponents: [Located<String>] = []
    public private(set) var settings = HostSettings.none
    public var database: DatabaseSettings?
    public var ssl: HostSSL?

    public init(name: Located<String>) { self.name = name }

    /// The host's own settings, made on first write so the shared empty
    /// instance is never changed.
    public func writableSettings() -> HostSettings {
        if settings === HostSettings.none { settings = HostSettings() }
        return settings
    }

    public func runs(_ component: Component) -> Bool {
        components?.value.contains { $0.value == component } ?? false
    }
}

/// Classes, like `HostEntry`, so that a host without these sections pays
/// one pointer for each rather than their full size (a file may hold tens
/// of thousands of hosts). Filled in by the loader, never changed after.
public final class DatabaseSettings: @unchecked Sendable {
    public var location: SourceLocation
    public var engine: Located<DatabaseEngine>?
    public var port: Located<Int>?

    public init(location: SourceLocation) { self.location = location }
}

/// A host's own `ssl` section: overrides of `component_ssl`, and the settings
/// only a host can have. It lets a file describe an existing, possibly
/// half-configured installation.
public final class HostSSL: @unchecked Sendable {
    public var location: SourceLocation
    public var enabled: Located<Bool>?
    public var keystore: Located<String>?
    public var keystorePassword: Located<SecretSource>?
    /// `keystore_password` was given but refused (already reported).
    public var keystorePasswordRefused = false
    public var trustedRootKeystore: Located<String>?
    public var ca: Located<String>?
    public var allowedClients: AllowedClients?
    public var aliases: Located<[Located<String>]>?

    public init(location: SourceLocation) { self.location = location }
}

/// An explicit `allowed_clients`: a YAML list, or one comma-separated string
/// as it would stand in `ssl.ini`.
public struct AllowedClients: Sendable {
    public var location: SourceLocation
    public var items: [Located<String>]
    /// The text when written as one string, kept to point at spaces in it.
    public var rawString: String?

    public init(location: SourceLocation, items: [Located<String>], rawString: String?) {
        self.location = location
        self.items = items
        self.rawString = rawString
    }
}
