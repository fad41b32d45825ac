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

/// The graph `maestro-topo graph` draws, built and rendered in-process:
/// every planned connection on the picture, names escaped (GraphCLITests
/// runs the command).
final class GraphTests: GraphTestCase {
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

    // MARK: Helpers

    private func graph(_ yaml: String) -> TopologyGraph? {
        let result = TopologyCheck.check(bytes: Array(yaml.utf8))
        XCTAssertEqual(result.diagnostics.errorCount, 0, "\(result.diagnostics.map(\.message))")
        return result.topology.map { TopologyGraph($0) }
    }
}
