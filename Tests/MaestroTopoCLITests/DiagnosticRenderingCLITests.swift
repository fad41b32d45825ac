import Foundation
import TopoTestSupport
import XCTest

/// A finding's location as `validate` prints it: a file name cannot forge
/// another finding or reach the terminal.
final class DiagnosticRenderingCLITests: XCTestCase {
    func testAPathCannotForgeAFindingOrReachTheTerminal() throws {
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let name = "a\nforged.yaml:1:1: error[fake]: \u{1B}[2Jx.yaml"
        try Data("version: 2\n".utf8).write(to: directory.appendingPathComponent(name))
        let run = try Tool.run(["validate", "--no-color", directory.path, directory.appendingPathComponent("gone\n.yaml").path])
        XCTAssertEqual(run.status, 2)
        XCTAssertFalse(run.stderr.contains("\nforged.yaml"), run.stderr)
        XCTAssertFalse(run.stderr.contains("\u{1B}"), "no escape sequence from a file name")
        XCTAssertTrue(run.stderr.contains("/a\\nforged.yaml:1:1: error[fake]: \\u{1b}[2Jx.yaml:1:10: error[invalid-value]"), run.stderr)
        XCTAssertTrue(run.stderr.contains("gone\\n.yaml' does not exist"), run.stderr)
    }
}
