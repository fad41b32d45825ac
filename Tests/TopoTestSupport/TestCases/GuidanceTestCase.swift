import Foundation
import TopoCheck
import TopoPlan
import XCTest

/// What GuidanceTests and GuidanceCLITests share: the plan of an example.
open class GuidanceTestCase: XCTestCase {
    /// The plan of the topology at `path` (from the package root).
    public func plan(_ path: String) throws -> Plan {
        let url = Tool.packageRoot.appendingPathComponent(path)
        let result = TopologyCheck.check(bytes: Array(try Data(contentsOf: url)))
        return Planner.plan(try XCTUnwrap(result.topology))
    }
}
