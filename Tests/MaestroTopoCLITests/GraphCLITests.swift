import Foundation
@testable import TopoPlan
@testable import TopoRender
import TopoTestSupport
import XCTest

/// `maestro-topo graph`: DOT and Mermaid pinned by golden files, the DOT
/// drawn by the real Graphviz, and the committed picture kept current.
final class GraphCLITests: GraphTestCase {
    // MARK: Golden files

    func testFourServerDOT() throws { try assertGraph("four-server", format: "dot", golden: "graph-four-server.dot") }
    func testFourServerMermaid() throws { try assertGraph("four-server", format: "mermaid", golden: "graph-four-server.mmd") }
    func testMixedOSDOT() throws { try assertGraph("mixed-os", format: "dot", golden: "graph-mixed-os.dot") }
    func testMixedOSMermaid() throws { try assertGraph("mixed-os", format: "mermaid", golden: "graph-mixed-os.mmd") }

    private func assertGraph(_ example: String, format: String, golden: String,
                             file: StaticString = #filePath, line: UInt = #line) throws {
        let run = try Tool.run(["graph", "topologies/\(example).yaml", "--format", format])
        XCTAssertEqual(run.status, 0, run.stderr, file: file, line: line)
        XCTAssertEqual(run.stderr, "", file: file, line: line)
        try assertGolden(run.stdout, golden, file: file, line: line)
        let again = try Tool.run(["graph", "topologies/\(example).yaml", "--format", format])
        XCTAssertEqual(again.stdout, run.stdout, "same file, same bytes", file: file, line: line)
    }

    func testDOTIsTheDefaultFormat() throws {
        let run = try Tool.run(["graph", "topologies/four-server.yaml"])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.stdout.contains("digraph topology {"))
    }

    // MARK: Graphviz

    /// The real `dot` accepts what we write, for every example.
    func testGraphvizAcceptsTheDOT() throws {
        let dot = try Tool.require("dot")
        for example in Self.goodExamples {
            let source = try Tool.run(["graph", "topologies/\(example).yaml"]).stdout
            let run = try Tool.runProgram(dot, ["-Tsvg"], in: Tool.packageRoot, stdin: source)
            XCTAssertEqual(run.status, 0, "\(example): \(run.stderr)")
            XCTAssertTrue(run.stdout.hasPrefix("<?xml"), example)
            XCTAssertTrue(run.stdout.contains("<svg"), example)
            XCTAssertEqual(run.stderr, "", "\(example): dot warns")
        }
    }

    func testSVGFormatRunsGraphviz() throws {
        _ = try Tool.require("dot")
        let run = try Tool.run(["graph", "topologies/four-server.yaml", "--format", "svg"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("<?xml"))
        XCTAssertTrue(run.stdout.contains("<svg"))
        XCTAssertTrue(run.stdout.hasSuffix("</svg>\n"))
        XCTAssertTrue(run.stdout.contains("ui.acme.example"))
    }

    func testSVGWithoutGraphvizSaysWhatToInstall() throws {
        let empty = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        let run = try Tool.run(["graph", "topologies/four-server.yaml", "--format", "svg"],
                               environment: ["PATH": empty.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "")
        XCTAssertTrue(run.stderr.hasPrefix("maestro-topo: error: --format svg needs Graphviz's 'dot'"), run.stderr)
        XCTAssertTrue(run.stderr.contains("'graphviz' package"), run.stderr)
        XCTAssertTrue(run.stderr.contains("apt-get install graphviz"), run.stderr)
        XCTAssertTrue(run.stderr.contains("--format dot"), run.stderr)
    }

    func testFailingGraphvizIsExitTwoWithNothingOnStdout() throws {
        let folder = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fake = folder.appendingPathComponent("dot")
        try "#!/bin/sh\necho 'dot: broken' >&2\nexit 3\n".write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let run = try Tool.run(["graph", "topologies/four-server.yaml", "--format", "svg"],
                               environment: ["PATH": folder.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "")
        XCTAssertTrue(run.stderr.contains("dot: broken"), run.stderr)
        XCTAssertTrue(run.stderr.contains("failed (exit status 3)"), run.stderr)
    }

    // MARK: Validation first

    func testInvalidTopologyGivesNoGraph() throws {
        for format in ["dot", "mermaid", "svg"] {
            let run = try Tool.run(["graph", "topologies/broken/partial-ssl.yaml", "--format", format])
            XCTAssertEqual(run.status, 1, format)
            XCTAssertEqual(run.stdout, "", format)
            XCTAssertTrue(run.stderr.contains("error[partial-ssl]"), run.stderr)
            XCTAssertTrue(run.stderr.contains("no graph"), run.stderr)
        }
    }

    func testUnreadableFileIsExitTwo() throws {
        let run = try Tool.run(["graph", "topologies/no-such-file.yaml"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "")
    }

    func testStrictFailsOnWarnings() throws {
        // single-server warns that LUI and TRK share the host.
        XCTAssertEqual(try Tool.run(["graph", "topologies/single-server.yaml"]).status, 0)
        let strict = try Tool.run(["graph", "--strict", "topologies/single-server.yaml"])
        XCTAssertEqual(strict.status, 1)
        XCTAssertEqual(strict.stdout, "")
    }

    // MARK: Content

    func testComponentSSLOnAndOffLookDifferent() throws {
        for format in ["dot", "mermaid"] {
            let on = try Tool.run(["graph", "topologies/four-server.yaml", "--format", format]).stdout
            let off = try Tool.run(["graph", "topologies/single-server.yaml", "--format", format]).stdout
            XCTAssertTrue(on.contains("component SSL: on"), format)
            XCTAssertTrue(on.contains("Maestro server, linux, \u{1F512} SSL"), format)
            XCTAssertTrue(on.contains("internal communications (LUI to HUB)" + (format == "dot" ? "\\n" : "<br/>") + "\u{1F512} SSL"))
            XCTAssertTrue(off.contains("component SSL: off"), format)
            XCTAssertTrue(off.contains("Maestro server, linux, no SSL"), format)
            XCTAssertFalse(off.contains("\u{1F512}"), format)
        }
    }

    func testAssumedConnectionIsDashed() throws {
        let dot = try Tool.run(["graph", "topologies/four-server.yaml"]).stdout
        let tracker = dot.split(separator: "\n").filter { $0.contains("h0_lui -> h1_trk") }
        XCTAssertEqual(tracker.count, 1)
        XCTAssertTrue(tracker.first?.contains("style=dashed") ?? false)
        XCTAssertTrue(dot.contains("dashed arrow: assumed connection"))
        let mermaid = try Tool.run(["graph", "topologies/four-server.yaml", "--format", "mermaid"]).stdout
        XCTAssertTrue(mermaid.contains("h0_lui -.->|\"7000 tracking-event transfer"))
    }

    // MARK: The committed picture

    /// docs/four-server.svg is drawn from docs/four-server.dot, which must
    /// be today's output. The SVG itself varies between Graphviz versions,
    /// so it is compared by the nodes, clusters and edges it draws.
    func testDocsPictureIsCurrent() throws {
        let docs = Tool.packageRoot.appendingPathComponent("docs")
        let committedDOT = try String(contentsOf: docs.appendingPathComponent("four-server.dot"), encoding: .utf8)
        let current = try Tool.run(["graph", "topologies/four-server.yaml"]).stdout
        XCTAssertEqual(committedDOT, current, """
            docs/four-server.dot is stale; run:
              maestro-topo graph topologies/four-server.yaml > docs/four-server.dot
              dot -Tsvg docs/four-server.dot > docs/four-server.svg
            """)
        let svg = try String(contentsOf: docs.appendingPathComponent("four-server.svg"), encoding: .utf8)
        XCTAssertTrue(svg.contains("<svg"))
        let graph = TopologyGraph(try XCTUnwrap(load("four-server")))
        var titles = Set(graph.hosts.indices.map { "cluster_h\($0)" })
        for (i, host) in graph.hosts.enumerated() {
            for component in host.components { titles.insert(GraphDOTRenderer.componentID(i, component)) }
        }
        titles.formUnion(graph.parties.indices.map(GraphDOTRenderer.partyID))
        titles.insert("legend")
        for edge in graph.edges {
            titles.insert("\(GraphDOTRenderer.endpointID(edge.from))&#45;&gt;\(GraphDOTRenderer.componentID(edge.toHost, edge.to))")
        }
        titles.insert("topology")
        XCTAssertEqual(Set(svgTitles(svg)), titles, "docs/four-server.svg was not drawn from docs/four-server.dot")
        for host in graph.hosts { XCTAssertTrue(svg.contains(">\(host.name)<"), host.name) }
        let mermaid = try Tool.run(["graph", "topologies/four-server.yaml", "--format", "mermaid"]).stdout
        let page = try String(contentsOf: docs.appendingPathComponent("graph.md"), encoding: .utf8)
        XCTAssertTrue(page.contains("```mermaid\n" + mermaid + "```\n"), "docs/graph.md shows a stale Mermaid graph")
    }

    // MARK: Helpers

    /// The text of every `<title>` element: Graphviz names each node,
    /// cluster and edge by its id there.
    private func svgTitles(_ svg: String) -> [String] {
        svg.components(separatedBy: "<title>").dropFirst().compactMap { part in
            part.range(of: "</title>").map { String(part[..<$0.lowerBound]) }
        }
    }
}
