/// In the window: stop what is affected (the Tracker last), move data,
/// write configuration, start (HUB first, then the Tracker), repoint the
/// settings that live in the HUB.
extension RunbookWriter {
    mutating func window() {
        let affected = affectedCurrentServers()
        for server in affected.sorted(by: { !$0.components.contains(.trk) && $1.components.contains(.trk) }) {
            add(.window, server.host, "Stop \(Self.maestro(server.components)) on \(server.host).")
        }
        for move in consequences.dataMoves where move.component.isMaestro {
            add(.window, move.to, "Move \(move.component.rawValue) from \(move.from): on \(move.to) delete " + move.items.joined(separator: ", ") + " first, then copy them from \(move.from) (never copy over them). Do not start \(move.component.rawValue) on \(move.from) again.")
        }
        // Once everything a host receives is in place, its copied INI files
        // are edited for its operating system.
        for host in consequences.osChanges.map(\.to).uniqued() { addOSEdits(on: host) }
        if let database = consequences.database, database.changesHost || database.changesEngine {
            add(.window, database.to, DatabaseText.move(database, mayBeRename: mayBeRenamedDatabaseHost(database)))
        }
        for move in consequences.dataMoves where move.component == .listserv {
            add(.window, move.to, "Move LISTSERV from \(move.from): stop LISTSERV on \(move.from), move its lists, archives and configuration to \(move.to) with LISTSERV's own procedure for moving to another server, then start LISTSERV on \(move.to). Keep LISTSERV on \(move.from) from starting again.")
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

    /// Starts every restarting server, HUB first and the Tracker next. With
    /// a new database connection, LUI starts (or restarts) only once that
    /// connection is set in the HUB: it reads it only at start.
    mutating func addStarts() {
        let starting = targetPlan.servers.filter { consequences.restart.contains($0.host) }
        func rank(_ server: ServerPlan) -> Int {
            server.components.contains(.hub) ? 0 : server.components.contains(.trk) ? 1 : 2
        }
        let database = consequences.database
        var started = Set<String>()
        for server in starting.sorted(by: { rank($0) < rank($1) }) {
            // A LUI host of its own waits for the database setting.
            if database != nil, server.components.contains(.lui), !server.components.contains(.hub),
               !server.components.contains(.trk) { continue }
            started.insert(server.host)
            var action = "Start \(Self.maestro(server.components)) on \(server.host)" + (server.components.contains(.trk) ? " (the Tracker's downtime ends here)." : ".")
            if database != nil, server.components.contains(.lui) {
                action += " LUI keeps its old database connection until the two steps after the starts."
            }
            add(.window, server.host, action)
        }
        if let database {
            add(.window, hubHost, DatabaseText.connection(database))
            for server in starting where server.components.contains(.lui) {
                if started.contains(server.host) {
                    add(.window, server.host, "Restart \(Self.maestro(server.components)) on \(server.host): LUI uses the new database connection only after a restart.")
                } else {
                    add(.window, server.host, "Start \(Self.maestro(server.components)) on \(server.host): LUI reads its database connection at start.")
                }
            }
        }
        for move in consequences.dataMoves where move.component == .listserv {
            add(.window, hubHost, "In the HUB, point Maestro's LISTSERV connection settings at \(move.to) instead of \(move.from), and check that the sending account has the DISTRIBUTE right there.")
        }
        for host in consequences.listservAdded {
            add(.window, hubHost, "In the HUB, add \(host) to Maestro's LISTSERV settings, and check that the sending account has the DISTRIBUTE right there.")
        }
    }

    /// The copied configuration of a host that changes operating system.
    mutating func addOSEdits(on host: String) {
        let changes = consequences.osChanges.filter { $0.to == host }
        guard let first = changes.first else { return }
        let components = changes.map(\.component)
        let files = components.compactMap(OSChangeText.iniFile).joined(separator: ", ")
        let os = OSChangeText.name(first.osAfter)
        var action = "\(host) runs \(os) where \(first.from) ran \(OSChangeText.name(first.osBefore)): in \(files) change every path entry to a \(os) path under \(targetServers[host]?.installFolder ?? "the install folder") (\(OSChangeText.iniPathAdvice(first.osAfter)))."
        if targetServers[host]?.sslIni != nil {
            action += " Do not copy the old commands/ssl.ini: write the new one (step below), whose keystore path and line ends are \(os) ones."
        }
        add(.window, host, action)
    }

    /// Whether the database's new host could be its old one under a new
    /// name: the old name is gone, both run the database alone, on the same
    /// system. Then the runbook says what to skip in that case.
    func mayBeRenamedDatabaseHost(_ database: DatabaseChange) -> Bool {
        guard database.changesHost, !database.changesEngine,
              let old = diff.current.host(named: database.from), let new = diff.target.host(named: database.to) else { return false }
        let gone = !diff.target.hosts.contains { HostName.canonical($0.name) == HostName.canonical(database.from) }
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
