/// Everything `diff` says about a change: the host changes, what they force,
/// the risks (as diagnostics located in the target file) and the runbook.
public struct DiffReport: Sendable {
    public let diff: TopologyDiff
    public let consequences: Consequences
    public let diagnostics: [Diagnostic]
    public let steps: [RunbookStep]

    public init(current: Topology, target: Topology) {
        let diff = TopologyDiff(current: current, target: target)
        let currentPlan = Planner.plan(diff.current), targetPlan = Planner.plan(diff.target)
        let consequences = Consequences(diff, currentPlan: currentPlan, targetPlan: targetPlan)
        self.diff = diff
        self.consequences = consequences
        diagnostics = Self.risks(diff, consequences, target: target).sortedForOutput()
        steps = diff.isEmpty ? [] : Runbook.steps(diff, consequences, currentPlan: currentPlan, targetPlan: targetPlan)
    }

    static func risks(_ diff: TopologyDiff, _ consequences: Consequences, target: Topology) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func location(of component: Component) -> SourceLocation {
            for host in target.hosts {
                if let item = host.components?.value.first(where: { $0.value == component }) { return item.location }
            }
            return target.hostsLocation
        }
        if diff.current.componentSSL != diff.target.componentSSL {
            let on = diff.target.componentSSL
            let servers = (on ? diff.target : diff.current).maestroServers.map(\.name)
            let at = target.componentSSL?.enabled?.location ?? target.componentSSL?.location ?? target.documentLocation
            found.append(Rules.sslSwitch.diagnostic(
                SSLSwitchText.message(on: on, servers: servers), at: at,
                notes: ["obtain every certificate before the maintenance window; restart all servers in one window"]))
        }
        if let before = diff.current.hosts(running: .trk).first?.name, let after = diff.target.hosts(running: .trk).first?.name,
           HostName.canonical(before) != HostName.canonical(after) {
            found.append(Rules.trackerMoved.diagnostic(
                TrackerMovedText.message(from: before, to: after), at: location(of: .trk), host: after,
                notes: TrackerMovedText.notes(from: before, to: after, staysInUse: diff.targetName(of: before) != nil)))
        }
        for move in consequences.dataMoves {
            found.append(Rules.componentMove.diagnostic(
                ComponentMoveText.message(move), at: location(of: move.component), host: move.to,
                notes: ComponentMoveText.notes(move)))
        }
        return found
    }

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
