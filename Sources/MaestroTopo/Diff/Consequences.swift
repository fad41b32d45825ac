/// Inbound ports a host must newly open or may close.
public struct FirewallChange: Sendable, Equatable {
    public var host: String
    public var open: [FirewallRule]
    public var close: [FirewallRule]
}

/// A component that moves to another host, with what must be copied.
public struct DataMove: Sendable, Equatable {
    public var component: Component
    public var from: String
    public var to: String
    /// Folders and files (relative to the install folder) or data to move.
    public var items: [String]
}

/// What a change forces, derived from the plans of both files.
public struct Consequences: Sendable {
    public var certificatesToIssue: [String] = []
    public var certificatesToRetire: [String] = []
    public var sslIniToWrite: [String] = []
    /// Servers that stay but switch SSL off: their ssl.ini must go.
    public var sslIniToRemove: [String] = []
    public var restart: [String] = []
    /// Current Maestro servers that run no Maestro component afterwards.
    public var decommission: [String] = []
    public var firewall: [FirewallChange] = []
    public var dataMoves: [DataMove] = []

    init(_ diff: TopologyDiff, currentPlan: Plan, targetPlan: Plan) {
        let currentServers = Dictionary(currentPlan.servers.map { (HostName.canonical($0.host), $0) }, uniquingKeysWith: { a, _ in a })
        let before = Dictionary(diff.current.hosts.map { (HostName.canonical($0.name), HostSnapshot($0)) }, uniquingKeysWith: { a, _ in a })
        let changed = Dictionary(diff.changes.map { ($0.host, $0) }, uniquingKeysWith: { a, _ in a })

        for server in targetPlan.servers {
            let host = server.host
            let oldName = diff.currentName(of: host)
            let old = before[HostName.canonical(oldName)]
            let oldServer = currentServers[HostName.canonical(oldName)]
            let new = diff.target.host(named: host).map(HostSnapshot.init)
            let secured = new?.sslEnabled ?? false
            let wasSecured = old?.sslEnabled ?? false
            let renamed = oldName != host
            let identityChanged = old?.ca != new?.ca || old?.aliases != new?.aliases
            if secured, !wasSecured || renamed || identityChanged {
                certificatesToIssue.append(host)
            }
            if secured {
                let iniChanged = oldServer?.sslIni?.allowedClients != server.sslIni?.allowedClients
                    || old?.keystore != new?.keystore || old?.passwordSource != new?.passwordSource
                if certificatesToIssue.contains(host) || iniChanged { sslIniToWrite.append(host) }
            } else if wasSecured {
                sslIniToRemove.append(host)
            }
            let hostChanged = changed[host].map { change in
                change.action != .change || change.fields.contains { Self.restartFields.contains($0.field) }
            } ?? false
            if hostChanged || sslIniToWrite.contains(host) || sslIniToRemove.contains(host) {
                restart.append(host)
            }
        }
        for server in currentPlan.servers {
            if let targetName = diff.targetName(of: server.host), let after = diff.target.host(named: targetName) {
                if !after.isMaestroServer { decommission.append(server.host) }
            } else {
                decommission.append(server.host)
            }
            if server.certificate != nil {
                // The certificate stays only for the same name, still secured,
                // and not replaced by a new one (another CA or other aliases).
                let after = diff.targetName(of: server.host).flatMap { diff.target.host(named: $0) }
                let keeps = after?.name == server.host && (after?.isMaestroServer ?? false)
                    && (after?.ssl.enabled ?? false) && !certificatesToIssue.contains(server.host)
                if !keeps { certificatesToRetire.append(server.host) }
            }
        }
        dataMoves = Self.dataMoves(diff)
        firewall = Self.firewallChanges(diff, currentPlan: currentPlan, targetPlan: targetPlan)
        // A component moving in means its new host starts it for the first time.
        for move in dataMoves where move.component.isMaestro && !restart.contains(move.to) { restart.append(move.to) }
    }

    /// Changes that take effect only when the components restart.
    static let restartFields: Set<String> = ["components", "os", "install_folder", "internal_port", "tracker_port", "http_port"]

    static func dataMoves(_ diff: TopologyDiff) -> [DataMove] {
        var moves: [DataMove] = []
        for component in [Component.hub, .lui, .trk, .database] {
            let (before, after) = diff.hosts(of: component)
            guard let from = before.first, let to = after.first, diff.targetName(of: from) != to else { continue }
            let engine = diff.target.host(named: to)?.database?.engine
            moves.append(DataMove(component: component, from: from, to: to, items: items(component, engine: engine)))
        }
        return moves
    }

    /// What moves with a component, from the vendor's moving procedure.
    static func items(_ component: Component, engine: DatabaseEngine?) -> [String] {
        switch component {
        case .hub: ["hub/hub.ini", "hub/accountreg", "hub/hubreg"]
        case .lui: ["lui/lui.ini", "the LUI data under lui/"]
        case .trk: ["trk/tracker.ini", "the Tracker data under trk/"]
        case .database:
            engine == .internal
                ? ["stop the internal MySQL on both hosts, delete its data folder on the new host, then copy the old one in"]
                : ["export the contents with the database's own tools and import them on the new host"]
        case .listserv: []
        }
    }

    /// Rules as (port, peer) pairs. Peers are compared by name, as the
    /// firewall files name them: a renamed peer is a rule to change.
    static func firewallChanges(_ diff: TopologyDiff, currentPlan: Plan, targetPlan: Plan) -> [FirewallChange] {
        func rules(_ plan: Plan) -> [String: [FirewallRule]] {
            var result: [String: [FirewallRule]] = [:]
            for server in plan.servers { result[server.host] = server.firewall }
            for host in plan.external { result[host.host] = host.firewall }
            return result
        }
        let old = rules(currentPlan), new = rules(targetPlan)
        func pairs(_ rules: [FirewallRule]) -> [FirewallRule] {
            rules.flatMap { rule in rule.from.map { FirewallRule(port: rule.port, from: [$0], purpose: rule.purpose) } }
        }
        func grouped(_ items: [FirewallRule]) -> [FirewallRule] {
            var result: [FirewallRule] = []
            for item in items {
                if let i = result.firstIndex(where: { $0.port == item.port }) {
                    result[i].from += item.from
                } else {
                    result.append(item)
                }
            }
            return result
        }
        var changes: [FirewallChange] = []
        let hosts = targetPlan.servers.map(\.host) + targetPlan.external.map(\.host)
        for host in hosts {
            let previous = diff.currentName(of: host)
            let before = pairs(old[previous] ?? [])
            let after = pairs(new[host] ?? [])
            let open = after.filter { rule in !before.contains { $0.port == rule.port && $0.from == rule.from } }
            let close = before.filter { rule in !after.contains { $0.port == rule.port && $0.from == rule.from } }
            if !open.isEmpty || !close.isEmpty {
                changes.append(FirewallChange(host: host, open: grouped(open), close: grouped(close)))
            }
        }
        for change in diff.changes where change.action == .remove {
            if let rules = old[change.host], !rules.isEmpty {
                changes.append(FirewallChange(host: change.host, open: [], close: rules))
            }
        }
        return changes
    }
}
