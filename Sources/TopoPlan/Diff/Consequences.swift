import TopoModel

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

/// The system database as LUI reaches it, before and after. LUI reads its
/// database connection only at start, so any change here restarts LUI.
public struct DatabaseChange: Sendable, Equatable {
    public var from: String
    public var to: String
    public var engineBefore: DatabaseEngine
    public var engineAfter: DatabaseEngine
    public var portAfter: Int

    public var portBefore: Int

    /// Another database product: the data is migrated, not copied. Maestro's
    /// internal MySQL and an external MySQL are the same product.
    public var changesEngine: Bool { engineBefore.product != engineAfter.product }
    /// The data itself goes somewhere else (another host or product, or
    /// between Maestro's internal MySQL and an external one).
    public var movesData: Bool { changesHost || engineBefore != engineAfter }
    /// Only the port changes: the database server listens on another one.
    public var onlyPortChanges: Bool { !movesData && portBefore != portAfter }
    public var changesHost: Bool { HostName.canonical(from) != HostName.canonical(to) }
}

/// A Maestro component whose host runs another operating system afterwards.
public struct OSChange: Sendable, Equatable {
    public var component: Component
    public var from: String
    public var to: String
    public var osBefore: OperatingSystem
    public var osAfter: OperatingSystem
}

/// What a change forces, derived from the plans of both files.
public struct Consequences: Sendable {
    public var certificatesToIssue: [String] = []
    public var certificatesToRetire: [String] = []
    public var sslIniToWrite: [String] = []
    /// Servers that stay but switch SSL off: their ssl.ini must go.
    public var sslIniToRemove: [String] = []
    /// Target servers whose trusted-root keystore needs a root it lacks
    /// (vendor step 2.2.1, done before the server certificate).
    public var trustedRootsToInstall: [String] = []
    public var restart: [String] = []
    /// Current Maestro servers that run no Maestro component afterwards.
    public var decommission: [String] = []
    public var firewall: [FirewallChange] = []
    public var dataMoves: [DataMove] = []
    public var database: DatabaseChange?
    public var osChanges: [OSChange] = []
    /// LISTSERV hosts that join or leave without taking another one's place.
    public var listservAdded: [String] = []
    public var listservRemoved: [String] = []

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
            if secured, !Set(server.trustedRoots).isSubset(of: oldServer?.trustedRoots ?? []) {
                trustedRootsToInstall.append(host)
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
        database = Self.databaseChange(diff)
        dataMoves = Self.dataMoves(diff, database: database)
        (listservAdded, listservRemoved) = Self.listservChanges(diff, moves: dataMoves)
        osChanges = Self.osChanges(diff)
        firewall = Self.firewallChanges(diff, currentPlan: currentPlan, targetPlan: targetPlan)
        // A component moving in means its new host starts it for the first time.
        for move in dataMoves where move.component.isMaestro && !restart.contains(move.to) { restart.append(move.to) }
        // The servers address each other by name: a renamed one is named
        // anew in every server's INI files, which are read at start.
        if diff.changes.contains(where: { $0.action == .rename }) {
            for server in targetPlan.servers where !restart.contains(server.host) { restart.append(server.host) }
        }
        // "The Maestro User Interface actually needs to be restarted if a new
        // database connection is to be used."
        if database != nil {
            for host in diff.target.hosts(running: .lui) where !restart.contains(host.name) { restart.append(host.name) }
        }
    }

    /// Changes that take effect only when the components restart.
    static let restartFields: Set<String> = ["components", "os", "install_folder", "internal_port", "tracker_port", "http_port"]

    /// How LUI reaches the system database, when that changes at all.
    static func databaseChange(_ diff: TopologyDiff) -> DatabaseChange? {
        guard let old = diff.current.hosts(running: .database).first, let oldDatabase = old.database,
              let new = diff.target.hosts(running: .database).first, let newDatabase = new.database else { return nil }
        let change = DatabaseChange(
            from: old.name, to: new.name, engineBefore: oldDatabase.engine, engineAfter: newDatabase.engine,
            portAfter: newDatabase.port.value, portBefore: oldDatabase.port.value)
        guard change.movesData || change.onlyPortChanges else { return nil }
        return change
    }

    static func dataMoves(_ diff: TopologyDiff, database: DatabaseChange?) -> [DataMove] {
        var moves: [DataMove] = []
        for component in [Component.hub, .lui, .trk] {
            let (before, after) = diff.hosts(of: component)
            guard let from = before.first, let to = after.first, diff.targetName(of: from) != to else { continue }
            moves.append(DataMove(component: component, from: from, to: to, items: items(component)))
        }
        if let database, database.movesData {
            moves.append(DataMove(component: .database, from: database.from, to: database.to,
                                  items: [DatabaseText.moveItem(database)]))
        }
        // One LISTSERV host taking another's place is a move; any other
        // change to the set of LISTSERV hosts adds or removes instances.
        let (before, after) = diff.hosts(of: .listserv)
        let (gone, new) = differences(before, after)
        if gone.count == 1, new.count == 1 {
            moves.append(DataMove(component: .listserv, from: gone[0], to: new[0], items: items(.listserv)))
        }
        return moves
    }

    static func listservChanges(_ diff: TopologyDiff, moves: [DataMove]) -> (added: [String], removed: [String]) {
        guard !moves.contains(where: { $0.component == .listserv }) else { return ([], []) }
        let (before, after) = diff.hosts(of: .listserv)
        let (removed, added) = differences(before, after)
        return (added, removed)
    }

    /// The names only `before` has and those only `after` has, each in its
    /// own order, compared as host names are (one pass each way).
    static func differences(_ before: [String], _ after: [String]) -> (gone: [String], new: [String]) {
        let old = Set(before.map(HostName.canonical)), now = Set(after.map(HostName.canonical))
        return (before.filter { !now.contains(HostName.canonical($0)) }, after.filter { !old.contains(HostName.canonical($0)) })
    }

    /// LUI, HUB and TRK whose host's operating system differs afterwards,
    /// whether the component moves or its host is reinstalled.
    static func osChanges(_ diff: TopologyDiff) -> [OSChange] {
        var changes: [OSChange] = []
        for component in [Component.lui, .hub, .trk] {
            guard let old = diff.current.hosts(running: component).first,
                  let new = diff.target.hosts(running: component).first,
                  old.os.value != new.os.value else { continue }
            changes.append(OSChange(component: component, from: old.name, to: new.name,
                                    osBefore: old.os.value, osAfter: new.os.value))
        }
        return changes
    }

    /// What moves with a Maestro component or LISTSERV, from the vendor's
    /// moving procedure (the database's items depend on the engines).
    static func items(_ component: Component) -> [String] {
        switch component {
        case .hub: ["hub/hub.ini", "hub/accountreg", "hub/hubreg"]
        case .lui: ["lui/lui.ini", "the LUI data under lui/"]
        case .trk: ["trk/tracker.ini", "the Tracker data under trk/"]
        case .listserv: ["LISTSERV's lists, archives and configuration, moved with LISTSERV's own procedure for moving to another server"]
        case .database: []
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
        struct Pair: Hashable {
            var port: Int
            var from: [String]
        }
        var changes: [FirewallChange] = []
        let hosts = targetPlan.servers.map(\.host) + targetPlan.external.map(\.host)
        for host in hosts {
            let previous = diff.currentName(of: host)
            let before = pairs(old[previous] ?? [])
            let after = pairs(new[host] ?? [])
            let had = Set(before.map { Pair(port: $0.port, from: $0.from) }), has = Set(after.map { Pair(port: $0.port, from: $0.from) })
            let open = after.filter { !had.contains(Pair(port: $0.port, from: $0.from)) }
            let close = before.filter { !has.contains(Pair(port: $0.port, from: $0.from)) }
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
