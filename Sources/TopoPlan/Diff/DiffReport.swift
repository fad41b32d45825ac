import TopoSource
import TopoModel
import TopoCheck

/// Everything `diff` says about a change: the host changes, what they force,
/// the risks (as diagnostics located in the file that holds the node they
/// are about) and the runbook.
public struct DiffReport: Sendable {
    public let diff: TopologyDiff
    public let consequences: Consequences
    /// Risks located in the target file.
    public let diagnostics: [Diagnostic]
    /// Risks about a node only the current file has (SSL switched off by
    /// leaving `component_ssl` out of the target, say).
    public let currentDiagnostics: [Diagnostic]
    public let steps: [RunbookStep]

    public init(current: ResolvedTopology, target: ResolvedTopology) {
        let diff = TopologyDiff(current: current, target: target)
        let currentPlan = Planner.plan(diff.current), targetPlan = Planner.plan(diff.target)
        let consequences = Consequences(diff, currentPlan: currentPlan, targetPlan: targetPlan)
        self.diff = diff
        self.consequences = consequences
        var risks = DiffRisks(diff: diff, consequences: consequences, target: target.topology)
        risks.collect()
        diagnostics = risks.inTarget.findings.sortedForOutput()
        currentDiagnostics = risks.inCurrent.findings.sortedForOutput()
        steps = diff.isEmpty ? [] : Runbook.steps(diff, consequences, currentPlan: currentPlan, targetPlan: targetPlan)
    }

    /// Every risk, target file first.
    public var allDiagnostics: [Diagnostic] { diagnostics + currentDiagnostics }

    public var summary: String {
        let hosts = diff.changes.count
        let parts = [
            "\(hosts) \(hosts == 1 ? "host changes" : "hosts change")",
            count(consequences.certificatesToIssue.count, "certificate", "to issue"),
            count(consequences.sslIniToWrite.count, "ssl.ini file", "to write"),
            count(consequences.restart.count, "restart", ""),
            count(consequences.dataMoves.count, "data move", ""),
        ]
        return parts.joined(separator: ", ")
    }

    private func count(_ n: Int, _ noun: String, _ tail: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")" + (tail.isEmpty ? "" : " \(tail)")
    }
}

/// The diff rules' findings, each at the node it is about.
struct DiffRisks {
    let diff: TopologyDiff
    let consequences: Consequences
    let target: Topology
    var inTarget = FindingSink()
    var inCurrent = FindingSink()

    /// Where `component` is listed in the target (its item in `components`).
    func location(of component: Component) -> SourceLocation {
        for host in target.hosts {
            if let item = host.components?.value.first(where: { $0.value == component }) { return item.location }
        }
        return target.hostsLocation
    }

    mutating func collect() {
        if diff.current.componentSSL != diff.target.componentSSL { addSSLSwitch() }
        if let advice = TrackerAdvice(diff) {
            inTarget.emit(
                TrackerMoved.self, TrackerMovedText.message(from: advice.from, to: advice.to), at: location(of: .trk),
                host: advice.to, notes: advice.notes)
        }
        for move in consequences.dataMoves {
            if move.component == .database, let database = consequences.database, database.changesEngine { continue }
            inTarget.emit(
                ComponentMove.self, ComponentMoveText.message(move), at: location(of: move.component), host: move.to,
                notes: ComponentMoveText.notes(move))
        }
        if let database = consequences.database, database.changesEngine {
            let host = diff.target.host(named: database.to)
            let at = host?.entry.database?.engine?.location ?? host?.nameLocation ?? location(of: .database)
            inTarget.emit(
                DatabaseMigration.self, DatabaseMigrationText.message(database), at: at, host: database.to,
                notes: DatabaseMigrationText.notes(database))
        }
        for host in Set(consequences.osChanges.map(\.to)).sorted() {
            let changes = consequences.osChanges.filter { $0.to == host }
            let resolved = diff.target.host(named: host)
            let at = resolved?.os.location ?? location(of: changes[0].component)
            // The rule, not this module's OSChange (the change itself).
            inTarget.emit(
                TopoCheck.OSChange.self, OSChangeRuleText.message(changes), at: at, host: host,
                notes: OSChangeRuleText.notes(changes, folder: resolved?.installFolder.value ?? ""))
        }
    }

    /// At the `enabled` that changed: the target's when it has one, else
    /// the current file's (SSL switched off by leaving the key out).
    mutating func addSSLSwitch() {
        let on = diff.target.componentSSL
        let servers = (on ? diff.target : diff.current).maestroServers.map(\.name)
        let message = SSLSwitchText.message(on: on, servers: servers)
        let notes = SSLSwitchText.notes(on: on)
        let targetNode = on
            ? diff.target.maestroServers.first { $0.ssl.enabled }?.ssl.enabledLocation
            : diff.target.maestroServers.compactMap(\.ssl.enabledLocation).first
        if let at = targetNode {
            inTarget.emit(SSLSwitch.self, message, at: at, notes: notes)
        } else if !on, let at = diff.current.maestroServers.first(where: { $0.ssl.enabled })?.ssl.enabledLocation {
            inCurrent.emit(SSLSwitch.self, message, at: at, notes: notes)
        } else {
            inTarget.emit(SSLSwitch.self, message, at: target.componentSSL?.location ?? target.documentLocation, notes: notes)
        }
    }
}
