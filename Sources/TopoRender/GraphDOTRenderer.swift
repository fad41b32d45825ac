import TopoModel
import TopoPlan

/// `graph --format dot`: Graphviz source. One cluster per host holding its
/// components, outside parties as ellipses outside every cluster, one edge
/// per connection labelled with port and purpose. Ids come from indexes
/// (`h0_lui`, `p0`), never from names, so any host name is safe; names go
/// into quoted labels only.
public enum GraphDOTRenderer {
    public static func render(_ graph: TopologyGraph) -> String {
        var out = "// \(GraphStyle.generatedBy). Render with: dot -Tsvg FILE > FILE.svg\n"
        out += "digraph topology {\n"
        out += "  graph [label=\(quote(lines: [graph.title, GraphStyle.sslTitle(graph)])), labelloc=t, fontsize=16, "
        out += "fontname=\"Helvetica\", rankdir=TB, nodesep=0.6, ranksep=0.9, newrank=true];\n"
        out += "  node [fontname=\"Helvetica\", fontsize=11];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9];\n"
        if !graph.parties.isEmpty {
            out += "\n  // Outside parties: they connect from outside every host.\n"
            for (i, party) in graph.parties.enumerated() {
                out += "  \(partyID(i)) [label=\(quote(lines: [party])), shape=ellipse, style=\"filled\", "
                out += "fillcolor=\"\(GraphStyle.partyFill)\", color=\"\(GraphStyle.partyLine)\"];\n"
            }
            // All on the top row: they come from outside.
            out += "  { rank=min; \(graph.parties.indices.map { partyID($0) + ";" }.joined(separator: " ")) }\n"
        }
        for (i, host) in graph.hosts.enumerated() {
            out += "\n" + cluster(i, host, graph)
        }
        out += "\n  // Connections: initiator -> listener, port and purpose.\n"
        for edge in graph.edges {
            out += "  \(endpointID(edge.from)) -> \(componentID(edge.toHost, edge.to)) [\(attributes(edge, graph))];\n"
        }
        out += "\n  legend [shape=note, style=\"filled\", fillcolor=\"#ffffff\", color=\"#9ca3af\", fontsize=10, label="
        out += quote(lines: GraphStyle.legend(graph, partyShape: "ellipse"), separator: "\\l") + "];\n"
        out += "}\n"
        return out
    }

    private static func cluster(_ index: Int, _ host: TopologyGraph.Host, _ graph: TopologyGraph) -> String {
        let maestro = host.isMaestroServer
        var out = "  // \(maestro ? "Maestro server" : "external host") \(escape(host.name))\n"
        out += "  subgraph cluster_h\(index) {\n"
        out += "    label=\(quote(lines: GraphStyle.hostLabel(host, graph)));\n"
        if maestro {
            out += "    style=\"rounded,filled\"; color=\"\(GraphStyle.serverLine)\"; "
            out += "fillcolor=\"\(GraphStyle.serverFill)\"; penwidth=2;\n"
        } else {
            out += "    style=\"dashed,filled\"; color=\"\(GraphStyle.externalLine)\"; "
            out += "fillcolor=\"\(GraphStyle.externalFill)\"; penwidth=1;\n"
        }
        for component in host.components {
            out += "    \(componentID(index, component)) [label="
            out += quote(lines: GraphStyle.componentLabel(component, host, graph)) + ", "
            switch component {
            case .lui, .hub, .trk:
                out += "shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"\(GraphStyle.serverLine)\""
            case .database:
                out += "shape=cylinder, style=\"filled\", fillcolor=\"#ffffff\", color=\"\(GraphStyle.externalLine)\""
            case .listserv:
                out += "shape=component, style=\"filled\", fillcolor=\"#ffffff\", color=\"\(GraphStyle.externalLine)\""
            }
            out += "];\n"
        }
        out += "  }\n"
        return out
    }

    private static func attributes(_ edge: TopologyGraph.Edge, _ graph: TopologyGraph) -> String {
        var attributes = ["label=" + quote(lines: GraphStyle.edgeLabel(edge, graph))]
        if edge.isAssumed { attributes.append("style=dashed") }
        if graph.isSecured(edge) {
            attributes.append("color=\"\(GraphStyle.secured)\", fontcolor=\"\(GraphStyle.secured)\", penwidth=2")
        } else if case .party = edge.from {
            attributes.append("color=\"\(GraphStyle.partyLine)\"")
        }
        return attributes.joined(separator: ", ")
    }

    static func componentID(_ host: Int, _ component: Component) -> String {
        "h\(host)_\(component.rawValue.lowercased())"
    }

    static func partyID(_ index: Int) -> String { "p\(index)" }

    static func endpointID(_ endpoint: TopologyGraph.Endpoint) -> String {
        switch endpoint {
        case let .component(host, component): componentID(host, component)
        case let .party(index): partyID(index)
        }
    }

    /// A DOT double-quoted string of `lines`, joined by `separator` (`\n`
    /// centres each line, `\l` left-aligns it).
    static func quote(lines: [String], separator: String = "\\n") -> String {
        var text = lines.map(escape).joined(separator: separator)
        if separator == "\\l" { text += "\\l" }
        return "\"" + text + "\""
    }

    /// Inside DOT quotes a backslash starts an escape (`\n`, `\N`, `\G`, …)
    /// and `"` ends the string, so both are escaped; a line break or other
    /// control character becomes a space.
    static func escape(_ text: String) -> String {
        text.escaped { scalar in
            switch scalar {
            case "\\": "\\\\"
            case "\"": "\\\""
            default: scalar.isASCIIControl ? " " : nil
            }
        }
    }
}
