/// One numbered step of a migration runbook.
public struct RunbookStep: Sendable, Equatable {
    public enum Phase: String, Sendable {
        case before = "before the maintenance window"
        case window = "in the maintenance window"
        case after = "after the restart"
    }

    public var n: Int
    public var phase: Phase
    public var host: String?
    public var action: String
}

/// Orders the work a change needs, following the vendor's moving procedure:
/// everything that needs no downtime first, then stop, move data (delete,
/// then copy), write configuration, start (HUB, then the Tracker, so its
/// downtime stays short), check, clean up.
enum Runbook {
    static func steps(_ diff: TopologyDiff, _ consequences: Consequences, currentPlan: Plan, targetPlan: Plan) -> [RunbookStep] {
        var steps: [RunbookStep] = []
        func add(_ phase: RunbookStep.Phase, _ host: String?, _ action: String) {
            steps.append(RunbookStep(n: steps.count + 1, phase: phase, host: host, action: action))
        }
        let version = diff.target.maestroVersion.map { "Maestro \($0)" } ?? "the same Maestro version as the other servers"
        let targetServers = Dictionary(targetPlan.servers.map { ($0.host, $0) }, uniquingKeysWith: { a, _ in a })

        // Before: nothing here stops a component.
        for host in consequences.certificatesToIssue {
            guard let certificate = targetServers[host]?.certificate else { continue }
            add(.before, host, "Obtain the server certificate for \(certificate.subject): create the key pair and CSR in \(certificate.keystore) (alias '\(certificate.alias)'), have '\(certificate.ca)' sign it, import the root and the signed certificate (maestro-topo bundle writes certificate.sh/.cmd for this).")
        }
        for change in diff.changes where change.after?.isMaestroServer == true && change.before?.isMaestroServer != true && change.action != .rename {
            add(.before, change.host, "Install \(version) on \(change.host) and stop it; it must not run before its data is in place.")
        }
        for firewall in consequences.firewall where !firewall.open.isEmpty {
            add(.before, firewall.host, "Open inbound " + describe(firewall.open) + ".")
        }
        if let before = diff.current.hosts(running: .trk).first?.name, let after = diff.target.hosts(running: .trk).first?.name,
           HostName.canonical(before) != HostName.canonical(after) {
            let redirect = diff.targetName(of: before) != nil
                ? "forward the Tracker URLs of '\(before)' (which stays in use) to '\(after)', e.g. with a reverse proxy"
                : "make the DNS name '\(before)' point at '\(after)'"
            add(.before, after, "Tracking links in mail already sent name '\(before)': \(redirect), or schedule the change long after the last tracked job.")
        }
        for change in diff.changes where change.action == .rename {
            add(.before, change.host, "Give the server '\(change.previousName ?? "")' its new name '\(change.host)' in DNS (the components address each other by it). If '\(change.host)' is another machine rather than a new name, install Maestro there and move the data of \((change.after?.components ?? []).map(\.rawValue).joined(separator: ", ")) as for a move.")
        }

        // In the window: stop everything affected, the Tracker last.
        let affected = affectedCurrentServers(diff, consequences, currentPlan)
        for server in affected.sorted(by: { !$0.components.contains(.trk) && $1.components.contains(.trk) }) {
            add(.window, server.host, "Stop \(maestro(server.components)) on \(server.host).")
        }
        for move in consequences.dataMoves {
            if move.component == .database {
                add(.window, move.to, "Move the system database from \(move.from) to \(move.to): " + move.items.joined(separator: ", ") + "; the database on \(move.from) must not be used again.")
                add(.window, nil, "Point LUI at the system database on \(move.to) (LUI reads the database connection at start).")
            } else {
                add(.window, move.to, "Move \(move.component.rawValue) from \(move.from): on \(move.to) delete " + move.items.joined(separator: ", ") + " first, then copy them from \(move.from) (never copy over them). Do not start \(move.component.rawValue) on \(move.from) again.")
            }
        }
        for host in consequences.decommission {
            add(.window, host, "Keep Maestro from starting again on \(host): it runs no Maestro component any more; old and new must never run side by side.")
        }
        for host in consequences.sslIniToRemove {
            let folder = diff.current.host(named: host)?.sslIniPath ?? "commands/ssl.ini"
            add(.window, host, "Delete \(folder): component SSL is off.")
        }
        for host in consequences.sslIniToWrite {
            guard let ini = targetServers[host]?.sslIni else { continue }
            add(.window, host, "Write \(ini.path) (SSLAllowedClients=\(ini.allowedClients.joined(separator: ",")), SSLKeystorePath=\(ini.keystorePath), password \(ini.password.description)), readable by its owner only.")
        }
        let starting = targetPlan.servers.filter { consequences.restart.contains($0.host) }
        func rank(_ server: ServerPlan) -> Int {
            server.components.contains(.hub) ? 0 : server.components.contains(.trk) ? 1 : 2
        }
        for server in starting.sorted(by: { rank($0) < rank($1) }) {
            add(.window, server.host, "Start \(maestro(server.components)) on \(server.host)" + (server.components.contains(.trk) ? " (the Tracker's downtime ends here)." : "."))
        }

        // After: prove it worked, then clean up.
        for server in starting {
            if server.expectedLogLines.isEmpty {
                add(.after, server.host, "Check that \(maestro(server.components)) on \(server.host) started and reach the other components.")
            } else {
                add(.after, server.host, "Check the logs on \(server.host) for: " + server.expectedLogLines.map { "'\($0)'" }.joined(separator: ", ") + ".")
            }
        }
        if !consequences.dataMoves.isEmpty || diff.changes.contains(where: { $0.fields.contains { $0.field == "install_folder" } }) {
            add(.after, diff.target.hosts(running: .hub).first?.name, "Log in to the HUB and check the Default URL Settings of LUI (and account or group overrides), and, where an install folder changed, every path setting: backup folders and upload restrictions.")
        }
        let listservBefore = diff.current.hosts(running: .listserv).map(\.name), listservAfter = diff.target.hosts(running: .listserv).map(\.name)
        if Set(listservBefore.map(HostName.canonical)) != Set(listservAfter.map(HostName.canonical)) {
            add(.after, nil, "Point Maestro's LISTSERV settings at \(listservAfter.joined(separator: ", ")) and check that the sending account has the DISTRIBUTE right there.")
        }
        for firewall in consequences.firewall where !firewall.close.isEmpty {
            add(.after, firewall.host, "Close inbound " + describe(firewall.close) + " (no longer needed).")
        }
        for host in consequences.certificatesToRetire {
            add(.after, host, "Retire the old certificate of \(host): revoke it at the CA and delete it from the keystore.")
        }
        return steps
    }

    /// Current Maestro servers whose components stop in the window.
    static func affectedCurrentServers(_ diff: TopologyDiff, _ consequences: Consequences, _ currentPlan: Plan) -> [ServerPlan] {
        currentPlan.servers.filter { server in
            let targetName = diff.targetName(of: server.host)
            return consequences.decommission.contains(server.host)
                || consequences.dataMoves.contains { $0.from == server.host }
                || targetName.map { consequences.restart.contains($0) } ?? true
        }
    }

    static func maestro(_ components: [Component]) -> String {
        components.filter(\.isMaestro).map(\.rawValue).joined(separator: ", ")
    }

    static func describe(_ rules: [FirewallRule]) -> String {
        rules.map { "\($0.port)/tcp from \($0.from.joined(separator: ", "))" }.joined(separator: "; ")
    }
}
