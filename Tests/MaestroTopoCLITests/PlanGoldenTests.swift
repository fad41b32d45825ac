import TopoTestSupport
import XCTest

/// The plan's text and JSON renderings, pinned byte for byte.
final class PlanGoldenTests: XCTestCase {
    func testFourServerText() throws {
        let run = try Tool.run(["plan", "topologies/four-server.yaml"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        try assertGolden(run.stdout, "plan-four-server.txt")
    }

    func testFourServerJSON() throws {
        let run = try Tool.run(["plan", "--format", "json", "topologies/four-server.yaml"])
        XCTAssertEqual(run.status, 0, run.stderr)
        try assertGolden(run.stdout, "plan-four-server.json")
    }

    func testMixedOSText() throws {
        let run = try Tool.run(["plan", "topologies/mixed-os.yaml"])
        XCTAssertEqual(run.status, 0, run.stderr)
        try assertGolden(run.stdout, "plan-mixed-os.txt")
    }

    func testMixedOSJSON() throws {
        let run = try Tool.run(["plan", "--format", "json", "topologies/mixed-os.yaml"])
        XCTAssertEqual(run.status, 0, run.stderr)
        try assertGolden(run.stdout, "plan-mixed-os.json")
    }

    func testSingleServerText() throws {
        let run = try Tool.run(["plan", "topologies/single-server.yaml"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("warning[lui-trk-colocated]"), run.stderr)
        try assertGolden(run.stdout, "plan-single-server.txt")
    }

    func testFourServerMarkdown() throws {
        let run = try Tool.run(["plan", "--format", "markdown", "topologies/four-server.yaml"])
        XCTAssertEqual(run.status, 0, run.stderr)
        try assertGolden(run.stdout, "plan-four-server.md")
    }

    /// Without Graphviz on PATH, so the page does not depend on its version:
    /// PlanHTMLCLITests and PlanHTMLBrowserTests cover the picture.
    func testFourServerHTML() throws {
        let empty = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        let run = try Tool.run(["plan", "--format", "html", "topologies/four-server.yaml"], environment: ["PATH": empty.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        try assertGolden(run.stdout, "plan-four-server.html")
    }

    func testMixedOSMarkdownWithFindings() throws {
        let run = try Tool.run(["plan", "--format", "markdown", "topologies/mixed-os.yaml"])
        XCTAssertEqual(run.status, 0, run.stderr)
        try assertGolden(run.stdout, "plan-mixed-os.md")
    }

    func testSingleServerMarkdownListsItsWarnings() throws {
        let run = try Tool.run(["plan", "--format", "markdown", "topologies/single-server.yaml"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("## Findings\n\n- **warning** `lui-trk-colocated`"), run.stdout)
        XCTAssertTrue(run.stderr.contains("warning[lui-trk-colocated]"), "the terminal still shows them: \(run.stderr)")
    }

    func testBrokenValidateText() throws {
        let run = try Tool.run(["validate", "--no-color", "topologies/broken"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout, "")
        try assertGolden(run.stderr, "validate-broken.txt")
    }

    func testBrokenValidateJSON() throws {
        let run = try Tool.run(["validate", "--format", "json", "topologies/broken"])
        XCTAssertEqual(run.status, 1)
        try assertGolden(run.stdout, "validate-broken.json")
    }
}
