import TopoModel

/// Compares two topologies host by host. Hosts match by name (ignoring case
/// and a trailing dot); a Maestro server that disappears while a new one
/// appears with exactly the same components is a rename. A database or
/// LISTSERV host under a new name is taken to be another machine: its data
/// moves (the runbook says so where it matters).
public struct TopologyDiff: Sendable {
    public let current: ResolvedTopology
    public let target: ResolvedTopology
    public let changes: [HostChange]
    /// Installation-wide fields that differ (name, tracker direction, version).
    public let installationChanges: [FieldChange]
    /// Renamed servers: the new name of each old one, and the other way.
    private let newNames: [String: String], oldNames: [String: String]
    /// Each host's change, by its name in the target (or in the current
    /// file, for a removed host).
    private let changesByHost: [String: HostChange]

    public init(current: ResolvedTopology, target: ResolvedTopology) {
        self.current = current
        self.target = target
        var changes: [HostChange] = []
        let before = Dictionary(current.hosts.map { (HostName.canonical($0.name), HostSnapshot($0)) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(target.hosts.map { (HostName.canonical($0.name), HostSnapshot($0)) }, uniquingKeysWith: { a, _ in a })
        var removed = current.hosts.map { HostSnapshot($0) }.filter { after[HostName.canonical($0.name)] == nil }
        for host in target.hosts {
            let new = HostSnapshot(host)
            if let old = before[HostName.canonical(host.name)] {
                let fields = Self.fieldChanges(old, new)
                if !fields.isEmpty {
                    changes.append(HostChange(host: new.name, action: .change, fields: fields, before: old, after: new))
                }
            } else if new.isMaestroServer,
                      let index = removed.firstIndex(where: { $0.isMaestroServer && $0.components == new.components }) {
                let old = removed.remove(at: index)
                changes.append(HostChange(
                    host: new.name, previousName: old.name, action: .rename,
                    fields: [FieldChange(field: "name", before: old.name, after: new.name)] + Self.fieldChanges(old, new),
                    before: old, after: new))
            } else {
                changes.append(HostChange(
                    host: new.name, action: .add,
                    fields: new.fields.map { FieldChange(field: $0.name, before: nil, after: $0.value) },
                    before: nil, after: new))
            }
        }
        for old in removed {
            changes.append(HostChange(
                host: old.name, action: .remove,
                fields: old.fields.map { FieldChange(field: $0.name, before: $0.value, after: nil) },
                before: old, after: nil))
        }
        self.changes = changes
        var newNames: [String: String] = [:], oldNames: [String: String] = [:], byHost: [String: HostChange] = [:]
        for change in changes {
            if change.action == .rename, let old = change.previousName {
                newNames[old] = change.host
                oldNames[change.host] = old
            }
            if byHost[change.host] == nil { byHost[change.host] = change }
        }
        self.newNames = newNames
        self.oldNames = oldNames
        changesByHost = byHost
        var installation: [FieldChange] = []
        func compare(_ field: String, _ a: String?, _ b: String?) {
            if a != b { installation.append(FieldChange(field: field, before: a, after: b)) }
        }
        compare("installation", current.installation, target.installation)
        compare("maestro_version", current.maestroVersion, target.maestroVersion)
        compare("tracker_direction", current.trackerDirection.rawValue, target.trackerDirection.rawValue)
        compare("component_ssl", current.componentSSL ? "on" : "off", target.componentSSL ? "on" : "off")
        installationChanges = installation
    }

    public var isEmpty: Bool { changes.isEmpty && installationChanges.isEmpty }

    static func fieldChanges(_ old: HostSnapshot, _ new: HostSnapshot) -> [FieldChange] {
        var names = old.fields.map(\.name)
        for field in new.fields where !names.contains(field.name) { names.append(field.name) }
        return names.compactMap { name in
            let a = old.value(name), b = new.value(name)
            return a == b ? nil : FieldChange(field: name, before: a, after: b)
        }
    }

    /// The host running `component` in the current and the target file.
    func hosts(of component: Component) -> (before: [String], after: [String]) {
        (current.hosts(running: component).map(\.name), target.hosts(running: component).map(\.name))
    }

    /// The current name of a target host: its name before a rename, else itself.
    func currentName(of targetName: String) -> String {
        oldNames[targetName] ?? targetName
    }

    /// The change of the host named so (target name; current name for a
    /// removed host).
    func change(of host: String) -> HostChange? {
        changesByHost[host]
    }

    /// The current name of a renamed target host.
    func previousName(of host: String) -> String? {
        oldNames[host]
    }

    /// Whether the current host `name` gets another name.
    func isRenamed(_ name: String) -> Bool {
        newNames[name] != nil
    }

    /// The target's name of a current host (itself, or its new name after a rename).
    func targetName(of currentName: String) -> String? {
        if let new = newNames[currentName] { return new }
        return target.host(matching: currentName)?.name
    }
}
