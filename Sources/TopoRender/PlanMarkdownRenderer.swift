import TopoModel
import TopoPlan

/// `plan --format markdown`: the plan as a change ticket takes it. An
/// overview of the hosts, every firewall opening in one table for the
/// network team, then one section per host with its ports, connections,
/// certificate, `ssl.ini` and checklist.
public enum PlanMarkdownRenderer {
    public static func render(_ plan: Plan, diagnostics: [Diagnostic] = []) -> String {
        let code = Markdown.codeCell
        var out = "# Plan: \(plan.installation)\n\n"
        out += "**Summary:** " + plan.summaryFacts.joined(separator: "; ") + ".\n\n## Hosts\n\n"
        var hostRows = plan.servers.map { server in
            [code(server.host), "Maestro server", server.os.rawValue, components(server.components), code(server.installFolder)]
        }
        hostRows += plan.external.map { host in
            [code(host.host), "external host", host.os.rawValue, components(host.components), "—"]
        }
        out += Markdown.table(["host", "role", "OS", "components", "install folder"], hostRows)

        out += "\n## Firewall openings (inbound TCP)\n\n"
        let firewallRows = plan.firewallOpenings.map { host, rule in
            [code(host), "\(rule.port)", Markdown.cell(rule.from.joined(separator: ", ")), Markdown.cell(rule.purpose)]
        }
        out += firewallRows.isEmpty
            ? "Nothing to open: every connection stays on its own host.\n"
            : Markdown.table(["host", "port", "from", "purpose"], firewallRows)

        for server in plan.servers { out += "\n" + section(server) }
        for host in plan.external { out += "\n" + section(host) }
        if !diagnostics.isEmpty {
            out += "\n## Findings\n\n"
            for diagnostic in diagnostics {
                out += "- **\(diagnostic.severity.rawValue)** `\(diagnostic.rule)` "
                    + "(line \(diagnostic.location.line), column \(diagnostic.location.column)): \(Markdown.text(diagnostic.message))\n"
                for note in diagnostic.notes { out += "  - \(Markdown.text(note))\n" }
            }
        }
        return out
    }

    static func components(_ components: [Component]) -> String { components.listed }

    static func section(_ server: ServerPlan) -> String {
        let code = Markdown.codeCell
        var out = "## \(Quoting.code(server.host)): Maestro server (\(server.os.rawValue)), \(components(server.components))\n\n"
        out += "Install folder: \(Quoting.code(server.installFolder))\n"
        out += listens(server.listens)
        if !server.connects.isEmpty {
            out += "\n### Connects to\n\n" + Markdown.table(["host", "port", "purpose"], server.connects.map {
                [code($0.host), "\($0.port)", Markdown.cell($0.purpose)]
            })
        }
        if let certificate = server.certificate {
            out += "\n### Certificate\n\n" + Markdown.table(
                ["subject", "keystore", "alias", "signed by", "trust roots", "trusted-root keystore"], [[
                    code(certificate.subject), code(certificate.keystore), code(certificate.alias),
                    Markdown.cell(certificate.ca), Markdown.cell(server.trustedRoots.joined(separator: "; ")),
                    code(certificate.trustedRootKeystore),
                ]])
        }
        if let ini = server.sslIni {
            out += "\n### ssl.ini\n\n\(Quoting.code(ini.path)) (password: \(ini.password.description))\n\n"
            out += "```properties\n" + ini.entries().joined(separator: "\n") + "\n```\n"
        }
        out += "\n### Checklist\n\n"
        for (i, step) in server.checklist.enumerated() { out += "\(i + 1). \(Markdown.text(step))\n" }
        if !server.expectedLogLines.isEmpty {
            out += "\n### Expected log lines\n\n"
            for line in server.expectedLogLines { out += "- \(Quoting.code(line))\n" }
        }
        return out
    }

    static func section(_ host: ExternalHostPlan) -> String {
        var out = "## \(Quoting.code(host.host)): external host (\(host.os.rawValue)), \(components(host.components))\n\n"
        out += "No Maestro software and no ssl.ini; the host must accept these connections.\n"
        return out + listens(host.listens)
    }

    static func listens(_ listens: [Listen]) -> String {
        guard !listens.isEmpty else { return "" }
        return "\n### Listens on\n\n" + Markdown.table(["port", "from", "purpose"], listens.map {
            ["\($0.port)", Markdown.cell($0.from.joined(separator: ", ")), Markdown.cell($0.purpose)]
        })
    }
}
