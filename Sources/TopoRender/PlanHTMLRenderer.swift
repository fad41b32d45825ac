import TopoModel
import TopoPlan

/// `plan --format html`: one page for a change board, self-contained (its
/// style inline, no script, nothing loaded from elsewhere). The topology
/// picture, the hosts, every firewall opening in one table for the network
/// team, then one section per host with its ports, connections,
/// certificate, `ssl.ini` (password as ********) and checklist. Every
/// value from the topology is escaped; the picture is handed in, drawn.
public enum PlanHTMLRenderer {
    public static func render(_ plan: Plan, picture: TopologyPicture, diagnostics: [Diagnostic] = []) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>Plan: " + HTML.text(plan.installation) + "</title>\n"
        out += "<style>\n" + PlanHTMLStyle.sheet + "</style>\n</head>\n<body>\n"
        out += "<header>\n<h1>Plan: " + HTML.text(plan.installation) + "</h1>\n"
        out += "<p class=\"summary\"><strong>Summary:</strong> " + HTML.text(plan.summaryFacts.joined(separator: "; ")) + ".</p>\n"
        out += contents(plan, diagnostics: diagnostics) + "</header>\n"
        out += section("topology", "Topology", figure(picture))
        out += section("hosts", "Hosts", hosts(plan))
        out += section("firewall", "Firewall openings (inbound TCP)", firewall(plan))
        for (i, server) in plan.servers.enumerated() { out += section(server, id: serverID(i)) }
        for (i, host) in plan.external.enumerated() { out += section(host, id: externalID(i)) }
        if !diagnostics.isEmpty { out += section("findings", "Findings", findings(diagnostics)) }
        return out + "</body>\n</html>\n"
    }

    /// Anchors made from positions, never from names: a host name is no id.
    static func serverID(_ index: Int) -> String { "server-\(index)" }
    static func externalID(_ index: Int) -> String { "external-\(index)" }

    static func section(_ id: String, _ title: String, _ body: String) -> String {
        "\n<section id=\"\(id)\">\n<h2>" + HTML.text(title) + "</h2>\n" + body + "</section>\n"
    }

    static func link(_ id: String, _ text: String) -> String {
        "<a href=\"#\(id)\">" + text + "</a>"
    }

    static func contents(_ plan: Plan, diagnostics: [Diagnostic]) -> String {
        var items = [link("topology", "Topology"), link("hosts", "Hosts"), link("firewall", "Firewall openings")]
        items += plan.servers.enumerated().map { link(serverID($0), HTML.code($1.host)) }
        items += plan.external.enumerated().map { link(externalID($0), HTML.code($1.host)) }
        if !diagnostics.isEmpty { items.append(link("findings", "Findings")) }
        return "<nav>\n" + HTML.list(items) + "</nav>\n"
    }

    static func figure(_ picture: TopologyPicture) -> String {
        if let svg = picture.inlineSVG {
            return "<figure>\n" + svg + "\n<figcaption>Hosts, components and every connection, "
                + "as <code>maestro-topo graph --format svg</code> draws them.</figcaption>\n</figure>\n"
        }
        let reason: String
        switch picture {
        case .unavailable(let why): reason = why
        case .svg: reason = "Graphviz's 'dot' printed no SVG picture."
        }
        return "<p class=\"note\"><strong>No picture:</strong> " + HTML.text(reason) + "</p>\n"
    }

    static func hosts(_ plan: Plan) -> String {
        var rows = plan.servers.enumerated().map { i, server in
            [link(serverID(i), HTML.code(server.host)), "Maestro server", HTML.text(server.os.rawValue),
             HTML.text(server.components.listed), ports(server.listens), HTML.code(server.installFolder),
             server.sslIni == nil ? "off" : "on"]
        }
        rows += plan.external.enumerated().map { i, host in
            [link(externalID(i), HTML.code(host.host)), "external host", HTML.text(host.os.rawValue),
             HTML.text(host.components.listed), ports(host.listens), "—", "—"]
        }
        return HTML.table(["host", "role", "OS", "components", "listens on (TCP)", "install folder", "component SSL"], rows)
    }

    static func ports(_ listens: [Listen]) -> String {
        HTML.cell(listens.map { "\($0.port)" }.joined(separator: ", "))
    }

    static func firewall(_ plan: Plan) -> String {
        let openings = plan.firewallOpenings
        guard !openings.isEmpty else { return "<p>Nothing to open: every connection stays on its own host.</p>\n" }
        return HTML.table(["host", "port", "from", "purpose"], openings.map { host, rule in
            [HTML.code(host), "\(rule.port)", HTML.cell(rule.from.joined(separator: ", ")), HTML.cell(rule.purpose)]
        })
    }

    static func findings(_ diagnostics: [Diagnostic]) -> String {
        HTML.list(diagnostics.map { diagnostic in
            var item = "<strong>\(HTML.text(diagnostic.severity.rawValue))</strong> " + HTML.code(diagnostic.rule)
                + " (line \(diagnostic.location.line), column \(diagnostic.location.column)): " + HTML.text(diagnostic.message)
            if !diagnostic.notes.isEmpty { item += "\n" + HTML.list(diagnostic.notes.map(HTML.text)) }
            return item
        })
    }
}
