import TopoModel
import TopoPlan

/// The page's section per host: what the Markdown plan gives each host,
/// as HTML.
extension PlanHTMLRenderer {
    static func section(_ server: ServerPlan, id: String) -> String {
        var body = "<p>Install folder: " + HTML.code(server.installFolder) + "</p>\n"
        body += listens(server.listens)
        if !server.connects.isEmpty {
            body += "<h3>Connects to</h3>\n" + HTML.table(["host", "port", "purpose"], server.connects.map {
                [HTML.code($0.host), "\($0.port)", HTML.cell($0.purpose)]
            })
        }
        if let certificate = server.certificate {
            body += "<h3>Certificate</h3>\n" + HTML.table(
                ["subject", "keystore", "alias", "signed by", "trust roots", "trusted-root keystore"], [[
                    HTML.code(certificate.subject), HTML.code(certificate.keystore), HTML.code(certificate.alias),
                    HTML.cell(certificate.ca), HTML.cell(server.trustedRoots.joined(separator: "; ")),
                    HTML.code(certificate.trustedRootKeystore),
                ]])
        }
        if let ini = server.sslIni {
            body += "<h3>ssl.ini</h3>\n<p>" + HTML.code(ini.path) + " (password: " + HTML.text(ini.password.description) + ")</p>\n"
            body += "<pre class=\"ssl-ini\">" + HTML.text(ini.entries().joined(separator: "\n")) + "</pre>\n"
        } else {
            body += "<h3>ssl.ini</h3>\n<p>None: component SSL is off.</p>\n"
        }
        body += "<h3>Checklist</h3>\n" + HTML.list(server.checklist.map(HTML.text), ordered: true)
        if !server.expectedLogLines.isEmpty {
            body += "<h3>Expected log lines</h3>\n" + HTML.list(server.expectedLogLines.map(HTML.code))
        }
        return hostSection(id, host: server.host, role: "Maestro server", os: server.os, components: server.components, body)
    }

    static func section(_ host: ExternalHostPlan, id: String) -> String {
        let body = "<p>No Maestro software and no ssl.ini; the host must accept these connections.</p>\n"
            + listens(host.listens)
        return hostSection(id, host: host.host, role: "external host", os: host.os, components: host.components, body)
    }

    private static func hostSection(
        _ id: String, host: String, role: String, os: OperatingSystem, components: [Component], _ body: String
    ) -> String {
        "\n<section id=\"\(id)\" class=\"host\">\n<h2>" + HTML.code(host) + ": " + role
            + " (" + HTML.text(os.rawValue) + "), " + HTML.text(components.listed) + "</h2>\n" + body + "</section>\n"
    }

    private static func listens(_ listens: [Listen]) -> String {
        guard !listens.isEmpty else { return "" }
        return "<h3>Listens on</h3>\n" + HTML.table(["port", "from", "purpose"], listens.map {
            ["\($0.port)", HTML.cell($0.from.joined(separator: ", ")), HTML.cell($0.purpose)]
        })
    }
}
