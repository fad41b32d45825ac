import TopoPlan

/// `graph --format mermaid`: a Mermaid flowchart for a Markdown page (GitHub,
/// GitLab and most wikis draw a ```mermaid block). Same content as the DOT
/// rendering: a subgraph per host, outside parties as pills, one arrow per
/// connection. Ids are `h0`, `h0_lui`, `p0`: derived from indexes, they are
/// always safe identifiers (and never start with `o` or `x`, which Mermaid
/// would read as an arrow head after `--`); names appear in labels only.
public enum GraphMermaidRenderer {
    public static func render(_ graph: TopologyGraph) -> String {
        var out = "---\ntitle: \(yamlQuote(graph.title + " - " + GraphStyle.sslTitle(graph)))\n---\n"
        out += "flowchart TB\n"
        out += "  %% \(GraphStyle.generatedBy)\n"
        for (i, party) in graph.parties.enumerated() {
            out += "  \(GraphDOTRenderer.partyID(i))([\(quote([party]))])\n"
        }
        for (i, host) in graph.hosts.enumerated() {
            out += "  subgraph h\(i)[\(quote(GraphStyle.hostLabel(host, graph)))]\n"
            for component in host.components {
                let id = GraphDOTRenderer.componentID(i, component)
                let label = quote(GraphStyle.componentLabel(component, host, graph))
                switch component {
                case .lui, .hub, .trk: out += "    \(id)[\(label)]\n"
                case .database: out += "    \(id)[(\(label))]\n"
                case .listserv: out += "    \(id)[[\(label)]]\n"
                }
            }
            out += "  end\n"
        }
        var secured: [Int] = []
        var fromParty: [Int] = []
        for (n, edge) in graph.edges.enumerated() {
            let arrow = edge.isAssumed ? "-.->" : "-->"
            let from = GraphDOTRenderer.endpointID(edge.from)
            let to = GraphDOTRenderer.componentID(edge.toHost, edge.to)
            out += "  \(from) \(arrow)|\(quote(GraphStyle.edgeLabel(edge, graph)))| \(to)\n"
            if graph.isSecured(edge) { secured.append(n) }
            if case .party = edge.from { fromParty.append(n) }
        }
        out += "  legend[\(quote(GraphStyle.legend(graph, partyShape: "pill")))]\n"
        out += styles(graph, secured: secured, fromParty: fromParty)
        return out
    }

    private static func styles(_ graph: TopologyGraph, secured: [Int], fromParty: [Int]) -> String {
        var out = "  classDef maestro fill:#ffffff,stroke:\(GraphStyle.serverLine)\n"
        out += "  classDef external fill:#ffffff,stroke:\(GraphStyle.externalLine)\n"
        out += "  classDef party fill:\(GraphStyle.partyFill),stroke:\(GraphStyle.partyLine)\n"
        out += "  classDef legend fill:#ffffff,stroke:#9ca3af\n"
        var maestro: [String] = [], external: [String] = []
        for (i, host) in graph.hosts.enumerated() {
            for component in host.components {
                let id = GraphDOTRenderer.componentID(i, component)
                if component.isMaestro { maestro.append(id) } else { external.append(id) }
            }
        }
        let parties = graph.parties.indices.map(GraphDOTRenderer.partyID)
        for (name, ids) in [("maestro", maestro), ("external", external), ("party", parties), ("legend", ["legend"])]
        where !ids.isEmpty {
            out += "  class \(ids.joined(separator: ",")) \(name)\n"
        }
        for (i, host) in graph.hosts.enumerated() {
            if host.isMaestroServer {
                out += "  style h\(i) fill:\(GraphStyle.serverFill),stroke:\(GraphStyle.serverLine),stroke-width:2px\n"
            } else {
                out += "  style h\(i) fill:\(GraphStyle.externalFill),stroke:\(GraphStyle.externalLine),stroke-dasharray:5 5\n"
            }
        }
        if !secured.isEmpty {
            out += "  linkStyle \(secured.map(String.init).joined(separator: ",")) "
            out += "stroke:\(GraphStyle.secured),stroke-width:2px,color:\(GraphStyle.secured)\n"
        }
        if !fromParty.isEmpty {
            out += "  linkStyle \(fromParty.map(String.init).joined(separator: ",")) stroke:\(GraphStyle.partyLine)\n"
        }
        return out
    }

    /// A quoted Mermaid label of `lines` joined by `<br/>`.
    static func quote(_ lines: [String]) -> String {
        "\"" + lines.map(escape).joined(separator: "<br/>") + "\""
    }

    /// Mermaid's entity codes (`#quot;`) for everything that would end the
    /// quoted label, start an entity, a Markdown string or HTML; a line
    /// break or other control character becomes a space.
    static func escape(_ text: String) -> String {
        text.escaped { scalar in
            switch scalar {
            case "\"": "#quot;"
            case "#": "#35;"
            case "&": "#amp;"
            case "<": "#lt;"
            case ">": "#gt;"
            case "|": "#124;"
            case "`": "#96;"
            default: scalar.isASCIIControl ? " " : nil
            }
        }
    }

    /// The front-matter title as a YAML single-quoted scalar: `'` doubled,
    /// line breaks and control characters as spaces.
    static func yamlQuote(_ text: String) -> String {
        "'" + text.escaped { $0 == "'" ? "''" : $0.isASCIIControl ? " " : nil } + "'"
    }
}
