import Synchronization
import TopoSource

/// The topology with every default applied: what each host really gets.
/// Built once per file (by `TopologyCheck`) and handed to the rules, the
/// planner, `graph` and `diff`, so defaults are decided in one place and
/// the hosts are indexed once. Each value keeps the position it came from
/// (the host's own key, or the `defaults`/`component_ssl` key it
/// inherited), so a finding about an inherited value points at the line
/// that set it. A class: it is handed on, never copied.
public final class ResolvedTopology: Sendable {
    /// The file as written.
    public let topology: Topology
    public let installation: String
    public let maestroVersion: String?
    public let trackerDirection: TrackerDirection
    public let hosts: [ResolvedHost]
    /// Hosts running LUI, HUB or TRK, in file order.
    public let maestroServers: [ResolvedHost]
    /// Hosts running only DATABASE and/or LISTSERV.
    public let externalHosts: [ResolvedHost]
    /// Hosts by component, each group in file order.
    private let byComponent: ComponentIndex
    /// The first host of each name, as written and as compared.
    private let names: HostNames

    public init(_ topology: consuming Topology) {
        self.topology = topology
        installation = topology.installation?.value ?? ""
        maestroVersion = topology.maestroVersion?.value
        trackerDirection = topology.trackerDirection?.value ?? .luiToTrk
        let shared = SharedSettings(defaults: topology.defaults, componentSSL: topology.componentSSL)
        let hosts = topology.hosts.map { ResolvedHost($0, shared: shared) }
        self.hosts = hosts
        // One allocation each, sized by a count first (`filter` would grow them).
        let serverCount = hosts.count(where: \.isMaestroServer)
        var maestroServers: [ResolvedHost] = [], externalHosts: [ResolvedHost] = []
        maestroServers.reserveCapacity(serverCount)
        externalHosts.reserveCapacity(hosts.count - serverCount)
        for host in hosts {
            if host.isMaestroServer { maestroServers.append(host) } else { externalHosts.append(host) }
        }
        self.maestroServers = maestroServers
        self.externalHosts = externalHosts
        byComponent = ComponentIndex(hosts)
        names = HostNames(hosts)
    }

    /// The hosts running `component`, in file order.
    public func hosts(running component: Component) -> ArraySlice<ResolvedHost> {
        byComponent[component]
    }

    public func host(named name: String) -> ResolvedHost? {
        names.host(named: name)
    }

    /// The host whose name compares equal to `name` (case and a trailing
    /// dot aside).
    public func host(matching name: String) -> ResolvedHost? {
        host(canonicalName: HostName.canonical(name))
    }

    /// The first host whose canonical name is `name` (given canonical).
    public func host(canonicalName name: String) -> ResolvedHost? {
        names.host(canonical: name)
    }

    /// SSL counts as on for the installation when any Maestro server has it;
    /// `partial-ssl` reports the servers that disagree.
    public var componentSSL: Bool { maestroServers.contains { $0.ssl.enabled } }
}

/// A class, not a struct: every rule walks these, and passing a reference
/// costs one retain where a copy of all these fields would cost dozens.
/// What every host of one file inherits, held once and shared.
final class SharedSettings: Sendable {
    let defaults: HostSettings
    let componentSSL: ComponentSSL?

    init(defaults: HostSettings, componentSSL: ComponentSSL?) {
        self.defaults = defaults
        self.componentSSL = componentSSL
    }
}

/// A host with its defaults applied. Only the name and components are
/// stored; every inherited value is worked out when asked for, from the
/// host's own entry and the shared settings, so a file of 20,000 LISTSERV
/// hosts does not keep 20,000 copies of values nobody reads.
public final class ResolvedHost: Sendable {
    public let entry: HostEntry
    public let name: String
    /// The name as names are compared: lower case, no trailing dot.
    public let canonicalName: String
    public let components: [Component]
    /// Runs LUI, HUB or TRK.
    public let isMaestroServer: Bool
    let shared: SharedSettings
    /// Maestro servers keep their SSL settings (the rules ask often, and
    /// there are at most three); other hosts work them out on first use and
    /// keep them.
    private let serverSSL: ResolvedSSL?
    private let otherSSL = Mutex<ResolvedSSL?>(nil)

    init(_ entry: HostEntry, shared: SharedSettings) {
        self.entry = entry
        self.shared = shared
        // A trailing dot (fully qualified form) names the same host; the
        // certificate subject and SSLAllowedClients use the usual form.
        name = entry.name.value.utf8.last == UInt8(ascii: ".") ? String(entry.name.value.dropLast()) : entry.name.value
        canonicalName = HostName.canonical(name)
        var components = entry.components?.value.map(\.value) ?? []
        components.sort()
        self.components = components
        isMaestroServer = components.contains(where: \.isMaestro)
        serverSSL = isMaestroServer ? Self.makeSSL(entry: entry, name: name, shared: shared) : nil
    }

    public var nameLocation: SourceLocation { entry.name.location }

    /// The host's own value, else the inherited one, else the built-in default
    /// (placed at the host's name).
    private func pick<T>(_ own: Located<T>?, _ inherited: Located<T>?, _ fallback: @autoclosure () -> T) -> Located<T> {
        own ?? inherited ?? Located(fallback(), at: nameLocation)
    }

    public var os: Located<OperatingSystem> { pick(entry.settings.os, shared.defaults.os, .linux) }

    public var installFolder: Located<String> {
        pick(entry.settings.installFolder, shared.defaults.installFolder, os.value.defaultInstallFolder)
    }

    public var internalPort: Located<Int> { pick(entry.settings.internalPort, shared.defaults.internalPort, 1099) }
    public var trackerPort: Located<Int> { pick(entry.settings.trackerPort, shared.defaults.trackerPort, 7000) }
    public var httpPort: Located<Int> { pick(entry.settings.httpPort, shared.defaults.httpPort, 80) }

    public var database: ResolvedDatabase? {
        guard components.contains(.database) else { return nil }
        let engine = entry.database?.engine ?? Located(.internal, at: nameLocation)
        return ResolvedDatabase(
            engine: engine.value, port: entry.database?.port ?? Located(engine.value.defaultPort, at: engine.location))
    }

    public var ssl: ResolvedSSL {
        if let serverSSL { return serverSSL }
        return otherSSL.withLock { cached in
            if let cached { return cached }
            let made = Self.makeSSL(entry: entry, name: name, shared: shared)
            cached = made
            return made
        }
    }

    private static func makeSSL(entry: HostEntry, name: String, shared: SharedSettings) -> ResolvedSSL {
        let os = entry.settings.os?.value ?? shared.defaults.os?.value ?? .linux
        let folder = entry.settings.installFolder?.value ?? shared.defaults.installFolder?.value ?? os.defaultInstallFolder
        return ResolvedSSL(entry: entry, name: name, componentSSL: shared.componentSSL, os: os, installFolder: folder)
    }

    public var maestroComponents: [Component] { components.filter(\.isMaestro) }

    /// `[install_folder]/commands/ssl.ini` in the host's own path style.
    public var sslIniPath: String { PathStyle.join(installFolder.value, "commands", "ssl.ini", os: os.value) }
}

public struct ResolvedDatabase: Sendable {
    public let engine: DatabaseEngine
    public let port: Located<Int>
}

/// A class: rules read a server's SSL settings many times, and a reference
/// costs one retain where a copy of these fields costs a dozen.
public final class ResolvedSSL: Sendable {
    public let enabled: Bool
    /// Where `enabled` was decided; nil when SSL is off by omission.
    public let enabledLocation: SourceLocation?
    /// The topology's `keystore`, when it names one.
    public let explicitKeystore: Located<String>?
    /// Where a derived keystore goes: install folder, host name, OS.
    private let derivedFrom: (folder: String, name: String, os: OperatingSystem, at: SourceLocation)

    /// The keystore path: as the topology names it, or derived from the
    /// install folder and host name (computed on use: most checks never ask).
    public var keystore: Located<String> {
        explicitKeystore ?? Located(
            PathStyle.join(derivedFrom.folder, "keystore", "\(derivedFrom.name).jks", os: derivedFrom.os),
            at: derivedFrom.at)
    }

    /// True when the topology names the keystore; false when derived.
    public var keystoreIsExplicit: Bool { explicitKeystore.isSome }

    /// The topology's `trusted_root_keystore` (the host's, else component_ssl's).
    public let explicitTrustedRootKeystore: Located<String>?

    /// The keystore of trusted root certificates that Maestro's Java reads:
    /// as the topology names it, or the `cacerts` of the Java runtime that
    /// Maestro installs under its install folder. Where that file lives is
    /// not documented; docs/format.md states this default as an assumption.
    public var trustedRootKeystore: Located<String> {
        explicitTrustedRootKeystore ?? Located(
            PathStyle.join(derivedFrom.folder, "jre", "lib", "security", "cacerts", os: derivedFrom.os),
            at: derivedFrom.at)
    }

    /// True when the topology names the trusted-root keystore.
    public var trustedRootKeystoreIsExplicit: Bool { explicitTrustedRootKeystore.isSome }
    public let password: Located<SecretSource>?
    /// `keystore_password` stood where it counts but could not be read.
    public let passwordRefused: Bool
    public let ca: Located<String>?
    public let allowedClients: AllowedClients?
    public let aliases: [Located<String>]

    init(entry: HostEntry, name: String, componentSSL: ComponentSSL?, os: OperatingSystem, installFolder: String) {
        let own = entry.ssl, shared = componentSSL
        let enabledValue = own?.enabled ?? shared?.enabled
        enabled = enabledValue?.value ?? false
        enabledLocation = enabledValue?.location
        explicitKeystore = own?.keystore
        explicitTrustedRootKeystore = own?.trustedRootKeystore ?? shared?.trustedRootKeystore
        derivedFrom = (installFolder, name, os, entry.name.location)
        password = own?.keystorePassword ?? shared?.keystorePassword
        // The source that would have counted was refused, and said so.
        passwordRefused = own?.keystorePasswordRefused ?? false
            || ((own?.keystorePassword).isNone && (shared?.keystorePasswordRefused ?? false))
        ca = own?.ca ?? shared?.ca
        allowedClients = own?.allowedClients
        aliases = own?.aliases?.value ?? []
    }

    /// The alias the server certificate is stored under in the keystore.
    public static func certificateAlias(for host: String) -> String { host.lowercased() }
}

/// Paths on Linux and Windows hosts, built and judged without touching the
/// local file system (the planning machine is rarely the target).
public enum PathStyle {
    public static func join(_ base: String, _ parts: String..., os: OperatingSystem) -> String {
        let separator: UInt8 = os == .windows ? UInt8(ascii: "\\") : UInt8(ascii: "/")
        var result = base
        for part in parts {
            // Trailing separators go (on Windows '/' too); a lone root stays.
            while result.utf8.count > 1, let last = result.utf8.last,
                  last == separator || (os == .windows && last == UInt8(ascii: "/")) {
                result.removeLast()
            }
            // A lone root ("/") already ends in its separator.
            if result.utf8.last != separator { result.unicodeScalars.append(Unicode.Scalar(separator)) }
            result += part
        }
        return result
    }

    /// Absolute for the host's OS: `/...` on Linux; `C:\...`, `C:/...` or a
    /// UNC path `\\server\share\...` on Windows.
    public static func isAbsolute(_ path: String, os: OperatingSystem) -> Bool {
        // Only the first three bytes matter, and all of them are ASCII.
        var bytes = (UInt8(0), UInt8(0), UInt8(0))
        var count = 0
        for byte in path.utf8.prefix(3) {
            switch count {
            case 0: bytes.0 = byte
            case 1: bytes.1 = byte
            default: bytes.2 = byte
            }
            count += 1
        }
        let slash = UInt8(ascii: "/"), backslash = UInt8(ascii: "\\")
        switch os {
        case .linux:
            return count > 0 && bytes.0 == slash
        case .windows:
            guard count == 3 else { return false }
            let letter = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes.0 & 0xDF)
            if letter, bytes.1 == UInt8(ascii: ":"), bytes.2 == backslash || bytes.2 == slash { return true }
            return bytes.0 == backslash && bytes.1 == backslash && bytes.2 != backslash
        }
    }
}
