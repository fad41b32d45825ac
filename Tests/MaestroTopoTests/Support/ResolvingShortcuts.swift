@testable import TopoModel
@testable import TopoCheck
@testable import TopoPlan

// The tool resolves each file once (TopologyCheck) and hands the resolved
// topology on; tests that start from a loaded `Topology` resolve it here.

extension Planner {
    static func plan(_ topology: Topology) -> Plan { plan(ResolvedTopology(topology)) }
}

extension TopologyGraph {
    init(_ topology: Topology) { self.init(ResolvedTopology(topology)) }
}

extension DiffReport {
    init(current: Topology, target: Topology) {
        self.init(current: ResolvedTopology(current), target: ResolvedTopology(target))
    }
}

extension TopologyDiff {
    init(current: Topology, target: Topology) {
        self.init(current: ResolvedTopology(current), target: ResolvedTopology(target))
    }
}

extension ConnectionModel {
    static func resolvedLinks(in topology: Topology) -> [ResolvedLink] { resolvedLinks(in: ResolvedTopology(topology)) }
}

extension RuleRegistry {
    static func check(_ topology: Topology) -> [Diagnostic] { check(ResolvedTopology(topology)) }
}
