import TopoModel

/// What `graph` draws: the hosts with their components, the outside parties,
/// and one edge per connection. The edges come from `ConnectionModel.links`
/// applied to the resolved topology, exactly as the planner applies them
/// (same tracker-direction filter, same port resolution on the listening
/// host), but kept at component level: the plan only says which host
/// connects to which.
public struct TopologyGraph: Sendable {
    public struct Host: Sendable {
        public let name: String
        public let os: OperatingSystem
        public let isMaestroServer: Bool
        public let components: [Component]
        /// The system database's engine, when the host runs DATABASE.
        public let databaseEngine: DatabaseEngine?
    }

    /// One end of an edge: a component on a host (by index into `hosts`) or
    /// an outside party (by index into `parties`).
    public enum Endpoint: Sendable, Equatable {
        case component(host: Int, Component)
        case party(Int)
    }

    public struct Edge: Sendable {
        public let from: Endpoint
        /// Index into `hosts` of the listening host.
        public let toHost: Int
        public let to: Component
        public let port: Int
        public let purpose: String
        public let certainty: ConnectionModel.Certainty
        /// A link between two Maestro components: component SSL covers it.
        public let isComponentLink: Bool

        public var isAssumed: Bool { certainty == .assumed }
    }

    public let installation: String
    public let maestroVersion: String?
    public let componentSSL: Bool
    public let trackerDirection: TrackerDirection
    /// In file order, as in the plan.
    public let hosts: [Host]
    /// The `.anyone` initiators that reach some component, in table order.
    public let parties: [String]
    /// In table order, then by target host in file order.
    public let edges: [Edge]

    /// The graph of a topology that passed validation (the planner's input).
    public init(_ resolved: ResolvedTopology) {
        installation = resolved.installation
        maestroVersion = resolved.maestroVersion
        componentSSL = resolved.componentSSL
        trackerDirection = resolved.trackerDirection
        hosts = resolved.hosts.map { host in
            Host(name: host.name, os: host.os.value, isMaestroServer: host.isMaestroServer,
                 components: host.components, databaseEngine: host.database?.engine)
        }
        var index: [String: Int] = [:]
        for (i, host) in resolved.hosts.enumerated() where index[host.name] == nil { index[host.name] = i }
        var parties: [String] = []
        var edges: [Edge] = []
        for link in ConnectionModel.resolvedLinks(in: resolved) {
            guard let to = index[link.toHost] else { continue }
            let from: Endpoint
            switch link.from {
            case let .component(host, component):
                guard let i = index[host] else { continue }
                from = .component(host: i, component)
            case let .anyone(party):
                if !parties.contains(party) { parties.append(party) }
                from = .party(parties.firstIndex(of: party)!)
            }
            edges.append(Edge(
                from: from, toHost: to, to: link.to, port: link.port, purpose: link.purpose,
                certainty: link.certainty, isComponentLink: link.isComponentLink))
        }
        self.parties = parties
        self.edges = edges
    }

    /// The edge's label: port and purpose, e.g. `1099 internal communications (LUI to HUB)`.
    public func label(_ edge: Edge) -> String { "\(edge.port) \(edge.purpose)" }

    /// Whether the picture marks `edge` as protected by component SSL.
    public func isSecured(_ edge: Edge) -> Bool { componentSSL && edge.isComponentLink }

    /// The installation and, when the file names it, the Maestro version.
    public var title: String {
        var title = installation.isEmpty ? "Maestro installation" : installation
        if let maestroVersion { title += " (Maestro \(maestroVersion))" }
        return title
    }

    public var sslLine: String { "component SSL: \(componentSSL ? "on" : "off")" }

    /// The text under a component's name: its long name, plus the engine for a database.
    public func detail(_ component: Component, on host: Host) -> String {
        if component == .database, let engine = host.databaseEngine {
            return "\(component.longName) (\(engine.rawValue))"
        }
        return component.longName
    }
}
