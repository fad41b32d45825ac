import Foundation
import TopoModel
import TopoCheck
import XCTest

/// What GraphTests and GraphCLITests share: the example topologies.
open class GraphTestCase: XCTestCase {
    public static let goodExamples = ["four-server", "mixed-os", "single-server", "two-server"]

    /// An example from topologies/, which must hold no error.
    public func load(_ example: String) throws -> Topology? {
        let url = Tool.packageRoot.appendingPathComponent("topologies/\(example).yaml")
        let result = TopologyCheck.check(bytes: Array(try Data(contentsOf: url)))
        XCTAssertEqual(result.diagnostics.errorCount, 0, example)
        return result.topology
    }
}
