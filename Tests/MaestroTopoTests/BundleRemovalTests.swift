import Foundation
@testable import TopoSource
@testable import TopoYAML
@testable import TopoModel
@testable import TopoCheck
@testable import TopoPlan
@testable import TopoRender
@testable import TopoBundle
@testable import TopoSystem
@testable import MaestroTopo
import TopoTestSupport
import XCTest

/// Removing a tree goes on past what cannot be removed and reports every
/// failure (BundleRemovalCLITests: an earlier bundle that cannot be removed
/// is an error, never left quietly in a hidden folder).
final class BundleRemovalTests: BundleFolderTestCase {
    func testRemoveTreeReportsEveryFailureAndRemovesTheRest() throws {
        guard geteuid() == 0 else { throw XCTSkip("chattr +i needs root") }
        let tree = directory.appendingPathComponent("tree")
        let stuck = tree.appendingPathComponent("a/stuck")
        try fm.createDirectory(at: stuck, withIntermediateDirectories: true)
        try fm.createDirectory(at: tree.appendingPathComponent("b"), withIntermediateDirectories: true)
        for name in ["one", "two"] { try Data("x".utf8).write(to: stuck.appendingPathComponent(name)) }
        try Data("x".utf8).write(to: tree.appendingPathComponent("b/free"))
        try withImmutable(stuck) {
            XCTAssertThrowsError(try FileSystem.removeTree(tree.path)) { error in
                guard let failure = error as? RemovalFailure else { return XCTFail("\(error)") }
                XCTAssertEqual(failure.path, stuck.appendingPathComponent("one").path)
                XCTAssertEqual(failure.reason, "Operation not permitted")
                XCTAssertEqual(failure.description, "'\(failure.path)': Operation not permitted (and 1 more)")
            }
            XCTAssertFalse(fm.fileExists(atPath: tree.appendingPathComponent("b").path), "the rest is removed")
            XCTAssertTrue(fm.fileExists(atPath: stuck.appendingPathComponent("two").path))
        }
        XCTAssertNoThrow(try FileSystem.removeTree(tree.path))
        XCTAssertFalse(fm.fileExists(atPath: tree.path))
    }
}
