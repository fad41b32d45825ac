import TopoModel

/// In the window: settings that must be in place before LUI next starts,
/// stop what is affected (the Tracker last), install added components,
/// move data, write configuration, start (HUB first, then the Tracker),
/// repoint the settings that live in the HUB.
extension RunbookWriter {
    mutating func window() {
        let affected = affectedCurrentServers()
        let currentLUI = diff.current.hosts(running: .lui).first?.name ?? hubHost
        for move in consequences.dataMoves where move.component == .listserv {
            add(.window, currentLUI, "Before LISTSERV moves from \(move.from) to \(move.to): check in LUI that no job is being delivered and none is scheduled before the window ends; reschedule any such job to after the window.")
        }
        if let database = consequences.database {
            // Set while the HUB still runs where it runs now: LUI reads it
            // at its next start, so it never starts without its database.
            add(.window, diff.current.hosts(running: .hub).first?.name ?? hubHost, DatabaseText.connection(database))
        }
        for server in affected.sorted(by: { !$0.components.contains(.trk) && $1.components.contains(.trk) }) {
            add(.window, server.host, "Stop \(Self.maestro(server.components)) on \(server.host).")
        }
        for (host, added) in addedComponents() {
            add(.window, host, "Add \(Self.maestro(added)) to the Maestro installation on \(host) with the installer of \(version) (the components already there stay), and keep it stopped.")
        }
        for move in consequences.dataMoves where move.component.isMaestro {
            add(.window, move.to, "Move \(move.component.rawValue) from \(move.from): on \(move.to) delete " + move.items.joined(separator: ", ") + " first, then copy them from \(move.from) (never copy over them). Do not start \(move.component.rawValue) on \(move.from) again.")
        }
        // Once everything a host receives is in place, its copied INI files
        // are edited for its operating system.
        for host in consequences.osChanges.map(\.to).uniqued() { addOSEdits(on: host) }
        addRenameEdits()
        if let database = consequences.database {
            for step in DatabaseText.window(database, mayBeRename: mayBeRenamedDatabaseHost(database)) {
                add(.window, step.host, step.action)
            }
        }
        for move in consequences.dataMoves where move.component == .listserv {
            add(.window, move.from, "Stop LISTSERV on \(move.from) and keep it from starting again.")
            add(.window, move.to, "Move LISTSERV's lists, archives and configuration from \(move.from) to \(move.to) with LISTSERV's own procedure for moving to another server, then start LISTSERV on \(move.to).")
        }
        for host in consequences.decommission {
            add(.window, host, "Keep Maestro from starting again on \(host): it runs no Maestro component any more; old and new must never run side by side.")
        }
        for host in consequences.sslIniToRemove {
            let path = diff.current.host(named: host)?.sslIniPath ?? "commands/ssl.ini"
            add(.window, host, "Delete \(path): component SSL is off.")
        }
        for host in consequences.sslIniToWrite {
            guard let server = targetServers[host], let ini = server.sslIni else { continue }
            add(.window, host, PlanText.writeSSLIni(ini, host: host, os: server.os),
                file: RunbookFile(path: ini.path, text: ini.text()))
        }
        addStarts()
    }

    /// Starts every restarting server: the HUB's host first, then the
    /// settings that live in the HUB, then the Tracker (its downtime ends;
    /// what to do about its old name follows at once), then the rest.
    mutating func addStarts() {
        let starting = targetPlan.servers.filter { consequences.restart.contains($0.host) }
        func rank(_ server: ServerPlan) -> Int {
            server.components.contains(.hub) ? 0 : server.components.contains(.trk) ? 1 : 2
        }
        let hubRestarts = starting.contains { $0.components.contains(.hub) }
        if !hubRestarts { addHubSettings() }
        var advised = false
        for server in starting.sorted(by: { rank($0) < rank($1) }) {
            let tracker = server.components.contains(.trk)
            add(.window, server.host, "Start \(Self.maestro(server.components)) on \(server.host)" + (tracker ? " (the Tracker's downtime ends here)." : "."))
            if server.components.contains(.hub) { addHubSettings() }
            if tracker, !advised, let advice = TrackerAdvice(diff) {
                if let action = advice.switchOn { add(.window, advice.stepHost, action) }
                advised = true
            }
        }
        if !advised, let action = TrackerAdvice(diff)?.switchOn { add(.window, TrackerAdvice(diff)?.stepHost ?? "", action) }
    }

    /// What changes in the HUB's settings, once the HUB runs.
    mutating func addHubSettings() {
        for change in diff.changes where change.action == .rename {
            add(.window, hubHost, "In the HUB's component settings (the Default URL Settings of LUI among them), replace '\(change.previousName ?? "")' by '\(change.host)'.")
        }
        for move in consequences.dataMoves where move.component == .listserv {
            add(.window, hubHost, "In the HUB, point Maestro's LISTSERV connection settings at \(move.to) instead of \(move.from), and check that the sending account has the DISTRIBUTE right there.")
        }
        for host in consequences.listservAdded {
            add(.window, hubHost, "In the HUB, add \(host) to Maestro's LISTSERV settings, and check that the sending account has the DISTRIBUTE right there.")
        }
    }

    /// A renamed server's old name in the INI files of every server that
    /// starts again (they address each other by name).
    mutating func addRenameEdits() {
        for change in diff.changes where change.action == .rename {
            let old = change.previousName ?? ""
            for server in targetPlan.servers where consequences.restart.contains(server.host) {
                let files = server.components.compactMap(OSChangeText.iniFile).joined(separator: ", ")
                add(.window, server.host, "In \(files) on \(server.host), replace every host entry '\(old)' by '\(change.host)'.")
            }
        }
    }

    /// The copied configuration of a host that changes operating system.
    mutating func addOSEdits(on host: String) {
        let changes = consequences.osChanges.filter { $0.to == host }
        guard let first = changes.first else { return }
        let components = changes.map(\.component)
        let files = components.compactMap(OSChangeText.iniFile).joined(separator: ", ")
        let os = OSChangeText.name(first.osAfter)
        let folder = targetServers[host]?.installFolder ?? ""
        var action = "\(host) runs \(os) where \(first.from) ran \(OSChangeText.name(first.osBefore)): in \(files) change every path entry to a \(os) path under \(folder) (\(OSChangeText.iniPathAdvice(first.osAfter, folder: folder)))."
        if targetServers[host]?.sslIni != nil {
            action += " Do not copy the old commands/ssl.ini: write the new one (step below), whose keystore path and line ends are \(os) ones."
        }
        add(.window, host, action)
    }

    /// Maestro components that come to a server which ran Maestro before:
    /// its installation gains them.
    func addedComponents() -> [(host: String, components: [Component])] {
        diff.changes.compactMap { change in
            guard change.action == .change, let before = change.before, before.isMaestroServer,
                  let after = change.after else { return nil }
            let added = after.components.filter { $0.isMaestro && !before.components.contains($0) }
            return added.isEmpty ? nil : (change.host, added)
        }
    }

    /// Whether the database's new host could be its old one under a new
    /// name: the old name is gone, both run the database alone, on the same
    /// system. Then the runbook says what to skip in that case.
    func mayBeRenamedDatabaseHost(_ database: DatabaseChange) -> Bool {
        guard database.changesHost, !database.changesEngine,
              let old = diff.current.host(named: database.from), let new = diff.target.host(named: database.to) else { return false }
        let gone = diff.target.host(matching: database.from) == nil
        return gone && old.components == [.database] && new.components == [.database] && old.os.value == new.os.value
    }

    /// Current Maestro servers whose components stop in the window.
    func affectedCurrentServers() -> [ServerPlan] {
        currentPlan.servers.filter { server in
            let targetName = diff.targetName(of: server.host)
            return consequences.decommission.contains(server.host)
                || consequences.dataMoves.contains { $0.from == server.host }
                || targetName.map { consequences.restart.contains($0) } ?? true
        }
    }
}
