import TopoModel

/// One numbered step of a migration runbook.
public struct RunbookStep: Sendable, Equatable {
    public enum Phase: String, Sendable {
        case before = "before the maintenance window"
        case window = "in the maintenance window"
        case after = "after the restart"
    }

    public var n: Int
    public var phase: Phase
    /// The host the step is carried out on. For a DNS change, the name
    /// whose record changes.
    public var host: String
    public var action: String
    /// A file the step writes, exactly as it must be typed.
    public var file: RunbookFile?
}

/// A file to write on a host: where (a path as the host's OS writes it, not
/// escaped) and its complete text, escaped the way the file's format wants
/// it. Passwords in it are masked; the bundle's copy holds them.
public struct RunbookFile: Sendable, Equatable {
    public var path: String
    public var text: String
}

/// Orders the work a change needs, following the vendor's moving procedure:
/// everything that needs no downtime first (install, secure the trusted
/// roots, obtain certificates, open ports), then in the window stop, move
/// data (delete, then copy), write configuration, start (HUB, then the
/// Tracker, so its downtime stays short), repoint settings, and afterwards
/// check and clean up. Every step names the host it runs on.
public enum Runbook {
    static func steps(_ diff: TopologyDiff, _ consequences: Consequences, currentPlan: Plan, targetPlan: Plan) -> [RunbookStep] {
        var writer = RunbookWriter(
            diff: diff, consequences: consequences, currentPlan: currentPlan, targetPlan: targetPlan)
        writer.prepare()
        writer.window()
        writer.after()
        return writer.steps
    }

    public static func describe(_ rules: [FirewallRule]) -> String {
        rules.map { "\($0.port)/tcp from \($0.from.joined(separator: ", "))" }.joined(separator: "; ")
    }
}

/// Builds the steps phase by phase; the phases live in their own files.
struct RunbookWriter {
    let diff: TopologyDiff
    let consequences: Consequences
    let currentPlan: Plan
    let targetPlan: Plan
    let targetServers: [String: ServerPlan]
    private(set) var steps: [RunbookStep] = []

    init(diff: TopologyDiff, consequences: Consequences, currentPlan: Plan, targetPlan: Plan) {
        self.diff = diff
        self.consequences = consequences
        self.currentPlan = currentPlan
        self.targetPlan = targetPlan
        targetServers = Dictionary(targetPlan.servers.map { ($0.host, $0) }, uniquingKeysWith: { a, _ in a })
    }

    mutating func add(_ phase: RunbookStep.Phase, _ host: String, _ action: String, file: RunbookFile? = nil) {
        steps.append(RunbookStep(n: steps.count + 1, phase: phase, host: host, action: action, file: file))
    }

    var version: String {
        diff.target.maestroVersion.map { "Maestro \($0)" } ?? "the same Maestro version as the other servers"
    }

    /// The host whose web interface holds the global component settings.
    var hubHost: String { diff.target.hosts(running: .hub).first?.name ?? diff.target.maestroServers.first?.name ?? "" }

    static func maestro(_ components: [Component]) -> String {
        components.filter(\.isMaestro).map(\.rawValue).joined(separator: ", ")
    }

}
