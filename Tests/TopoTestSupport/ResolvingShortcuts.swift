import TopoModel
import TopoCheck
import TopoPlan

// The tool resolves each file once (TopologyCheck) and hands the resolved
// topology on; tests that start from a loaded `Topology` resolve it here.

extension Planner {
    public static func plan(_ topology: Topology) -> Plan { plan(ResolvedTopology(topology)) }
}

extension TopologyGraph {
    public init(_ topology: Topology) { self.init(ResolvedTopology(topology)) }
}

extension DiffReport {
    public init(current: Topology, target: Topology) {
        self.init(current: ResolvedTopology(current), target: ResolvedTopology(target))
    }
}

extension TopologyDiff {
    public init(current: Topology, target: Topology) {
        self.init(current: ResolvedTopology(current), target: ResolvedTopology(target))
    }
}

extension ConnectionModel {
    public static func resolvedLinks(in topology: Topology) -> [ResolvedLink] { resolvedLinks(in: ResolvedTopology(topology)) }
}

extension RuleRegistry {
    public static func check(_ topology: Topology) -> [Diagnostic] { check(ResolvedTopology(topology)) }
}
