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
import XCTest

/// `maestro-topo graph`: DOT and Mermaid pinned by golden files, the DOT
/// drawn by the real Graphviz, and every planned connection on the picture.
final class GraphTests: XCTestCase {
    static let goodExamples = ["four-server", "mixed-os", "single-server", "two-server"]

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

    /// Every connection the plan lists is an edge, and nothing else is: the
    /// picture and the plan read the same table.
    func testEveryPlannedConnectionIsAnEdge() throws {
        for example in Self.goodExamples {
            let topology = try XCTUnwrap(load(example))
            let plan = Planner.plan(topology)
            let graph = TopologyGraph(topology)
            struct Key: Hashable { var from: String, to: String, port: Int, purpose: String }
            var planned: [Key] = []
            for server in plan.servers {
                for connection in server.connects {
                    planned.append(Key(from: server.host, to: connection.host, port: connection.port, purpose: connection.purpose))
                }
            }
            var drawn: [Key] = []
            var fromOutside: Set<[String]> = []
            for edge in graph.edges {
                let to = graph.hosts[edge.toHost].name
                switch edge.from {
                case let .component(host, _):
                    drawn.append(Key(from: graph.hosts[host].name, to: to, port: edge.port, purpose: edge.purpose))
                case .party:
                    fromOutside.insert([to, String(edge.port)])
                }
            }
            XCTAssertEqual(drawn.count, planned.count, example)
            XCTAssertEqual(Set(drawn), Set(planned), example)
            // Ports open to `any` are exactly those the outside parties reach.
            var openToAny: Set<[String]> = []
            for (host, listens) in plan.servers.map({ ($0.host, $0.listens) }) + plan.external.map({ ($0.host, $0.listens) }) {
                for listen in listens where listen.from.contains("any") { openToAny.insert([host, String(listen.port)]) }
            }
            XCTAssertEqual(fromOutside, openToAny, example)

            // Both renderings draw exactly these edges.
            let dot = GraphDOTRenderer.render(graph)
            XCTAssertEqual(dot.split(separator: "\n").filter { $0.contains(" -> ") && !$0.hasPrefix("  //") }.count,
                           graph.edges.count, example)
            let mermaid = GraphMermaidRenderer.render(graph)
            let arrows = mermaid.split(separator: "\n").filter { $0.contains(" -->|") || $0.contains(" -.->|") }
            XCTAssertEqual(arrows.count, graph.edges.count, example)
            for edge in graph.edges {
                XCTAssertTrue(dot.contains("\(GraphDOTRenderer.endpointID(edge.from)) -> "
                    + "\(GraphDOTRenderer.componentID(edge.toHost, edge.to)) [label=\"\(graph.label(edge))"), example)
            }
        }
    }

    func testConnectionWithinOneHostIsDrawn() throws {
        let graph = TopologyGraph(try XCTUnwrap(load("single-server")))
        XCTAssertEqual(graph.hosts.count, 1)
        XCTAssertTrue(graph.edges.contains { edge in
            edge.from == .component(host: 0, .lui) && edge.toHost == 0 && edge.to == .hub && edge.port == 1099
        })
    }

    func testTrackerDirectionBothDrawsTwoDashedArrows() throws {
        let yaml = cleanFourServer.replacingOccurrences(of: "installation: acme\n", with: "installation: acme\ntracker_direction: both\n")
        let graph = try XCTUnwrap(graph(yaml))
        XCTAssertEqual(graph.edges.filter(\.isAssumed).count, 2)
        let dot = GraphDOTRenderer.render(graph)
        XCTAssertEqual(dot.split(separator: "\n").filter { $0.contains(" -> ") && $0.contains("style=dashed") }.count, 2)
    }

    /// Names go into labels only, escaped for each format; ids never change.
    func testNamesAreEscaped() throws {
        let yaml = cleanFourServer.replacingOccurrences(
            of: "installation: acme\n", with: #"installation: 'say "hi" \n # <b>|`x` & co'"# + "\n")
        let graph = try XCTUnwrap(graph(yaml))
        let dot = GraphDOTRenderer.render(graph)
        XCTAssertTrue(dot.contains(#"label="say \"hi\" \\n # <b>|`x` & co\n"#), dot)
        let mermaid = GraphMermaidRenderer.render(graph)
        XCTAssertTrue(mermaid.contains("title: 'say \"hi\" \\n # <b>|`x` & co - "), mermaid)
        XCTAssertEqual(GraphMermaidRenderer.escape(#"a "b" #1 <i> & c|d `e`"#),
                       "a #quot;b#quot; #35;1 #lt;i#gt; #amp; c#124;d #96;e#96;")
        XCTAssertEqual(GraphMermaidRenderer.escape("line\nbreak"), "line break")
        XCTAssertEqual(GraphMermaidRenderer.yamlQuote("it's"), "'it''s'")
        XCTAssertEqual(GraphDOTRenderer.escape("C:\\Maestro \"x\"\nnext"), #"C:\\Maestro \"x\" next"#)
        for line in mermaid.split(separator: "\n") where line.hasPrefix("  subgraph ") {
            XCTAssertTrue(line.hasPrefix("  subgraph h"), String(line))
        }
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

    private func load(_ example: String) throws -> Topology? {
        let url = Tool.packageRoot.appendingPathComponent("topologies/\(example).yaml")
        let result = TopologyCheck.check(bytes: Array(try Data(contentsOf: url)))
        XCTAssertEqual(result.diagnostics.errorCount, 0, example)
        return result.topology
    }

    private func graph(_ yaml: String) -> TopologyGraph? {
        let result = TopologyCheck.check(bytes: Array(yaml.utf8))
        XCTAssertEqual(result.diagnostics.errorCount, 0, "\(result.diagnostics.map(\.message))")
        return result.topology.map { TopologyGraph($0) }
    }

    /// The text of every `<title>` element: Graphviz names each node,
    /// cluster and edge by its id there.
    private func svgTitles(_ svg: String) -> [String] {
        svg.components(separatedBy: "<title>").dropFirst().compactMap { part in
            part.range(of: "</title>").map { String(part[..<$0.lowerBound]) }
        }
    }
}
