import TopoPlan

/// `diff` for people, in the spirit of `terraform plan`: one summary line,
/// then `+ ~ - →` per host, what that forces, and the numbered runbook.
public struct DiffTextRenderer: Sendable {
    public var style: TextStyle

    public init(style: TextStyle) { self.style = style }

    public func render(_ report: DiffReport) -> String {
        let diff = report.diff
        guard !diff.isEmpty else {
            return "No changes: both files describe the same installation.\n"
        }
        var out = style.bold("\(diff.current.installation) → \(diff.target.installation): \(report.summary)") + "\n"
        if !diff.installationChanges.isEmpty {
            out += "\n"
            for change in diff.installationChanges {
                out += "  \(paint("~", .change)) \(change.field): \(change.before ?? "—") → \(change.after ?? "—")\n"
            }
        }
        out += "\n"
        for change in diff.changes {
            out += render(change)
        }
        out += "\n" + style.bold("Consequences") + "\n"
        out += consequences(report.consequences)
        out += "\n" + style.bold("Runbook") + "\n"
        var phase: RunbookStep.Phase?
        for step in report.steps {
            if step.phase != phase {
                phase = step.phase
                out += "  \(step.phase.rawValue.prefix(1).uppercased() + step.phase.rawValue.dropFirst())\n"
            }
            out += "  \(String(step.n).leftPadded(to: 3, with: " ")). [\(step.host)] \(step.action)\n"
            if let file = step.file {
                // The file's own text, indented: exactly what to type.
                for line in file.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).dropLast() {
                    out += "         \(line)\n"
                }
            }
        }
        return out
    }

    func render(_ change: HostChange) -> String {
        var out = "  \(paint(change.action.marker, change.action)) \(style.bold(change.host))"
        if let previous = change.previousName { out += " (was \(previous))" }
        out += "\n"
        for field in change.fields where field.field != "name" {
            switch change.action {
            case .add: out += "      \(field.field): \(field.after ?? "")\n"
            case .remove: out += "      \(field.field): \(field.before ?? "")\n"
            case .change, .rename: out += "      \(field.field): \(field.before ?? "—") → \(field.after ?? "—")\n"
            }
        }
        return out
    }

    func consequences(_ c: Consequences) -> String {
        func list(_ hosts: [String]) -> String { hosts.isEmpty ? "—" : hosts.joined(separator: ", ") }
        var out = ""
        let rows: [(String, [String])] = [
            ("certificates to issue", c.certificatesToIssue), ("certificates to retire", c.certificatesToRetire),
            ("ssl.ini to write", c.sslIniToWrite), ("ssl.ini to remove", c.sslIniToRemove),
            ("restart", c.restart), ("decommission", c.decommission),
        ]
        for (title, hosts) in rows {
            out += "  \((title + ":").padding(to: 24))\(list(hosts))\n"
        }
        out += "  firewall:\(c.firewall.isEmpty ? "               —" : "")\n"
        for change in c.firewall {
            var parts: [String] = []
            if !change.open.isEmpty { parts.append("open " + Runbook.describe(change.open)) }
            if !change.close.isEmpty { parts.append("close " + Runbook.describe(change.close)) }
            out += "    \(change.host): \(parts.joined(separator: "; "))\n"
        }
        out += "  data moves:\(c.dataMoves.isEmpty ? "             —" : "")\n"
        for move in c.dataMoves {
            out += "    \(move.component.rawValue): \(move.from) → \(move.to) (\(move.items.joined(separator: ", ")))\n"
        }
        return out
    }

    private func paint(_ text: String, _ action: ChangeAction) -> String {
        switch action {
        case .add: style.paint(text, "32")
        case .remove: style.paint(text, "31")
        case .change, .rename: style.paint(text, "33")
        }
    }
}
