import TopoModel
import TopoPlan

/// `diff --format markdown`: a change ticket's body, tables and a numbered
/// runbook that paste as they are.
public enum DiffMarkdownRenderer {
    public static func render(_ report: DiffReport, diagnostics: [(path: String, diagnostic: Diagnostic)]) -> String {
        let diff = report.diff
        let code = Quoting.code
        var out = "# Change: \(diff.current.installation)"
        if diff.target.installation != diff.current.installation { out += " → \(diff.target.installation)" }
        out += "\n\n"
        guard !diff.isEmpty else { return out + "No changes: both files describe the same installation.\n" }
        out += "**Summary:** \(report.summary).\n\n## Changes\n\n| | host | setting | before | after |\n|---|---|---|---|---|\n"
        for change in diff.installationChanges {
            out += "| ~ | *installation* | \(change.field) | \(cell(change.before)) | \(cell(change.after)) |\n"
        }
        for change in diff.changes {
            switch change.action {
            case .add, .remove:
                // A whole host comes or goes: its settings in one row.
                let settings = change.fields.map { "\($0.field): \(($0.after ?? $0.before) ?? "")" }.joined(separator: "; ")
                let (before, after) = change.action == .add ? (nil, settings) : (settings, nil)
                out += "| \(change.action.marker) | \(code(change.host)) | \(change.action == .add ? "new host" : "removed host") | \(cell(before)) | \(cell(after)) |\n"
            case .change, .rename:
                for field in change.fields {
                    out += "| \(change.action.marker) | \(code(change.host)) | \(field.field) | \(cell(field.before)) | \(cell(field.after)) |\n"
                }
            }
        }
        let c = report.consequences
        out += "\n## Consequences\n\n"
        let rows: [(String, [String])] = [
            ("Certificates to issue", c.certificatesToIssue), ("Certificates to retire", c.certificatesToRetire),
            ("ssl.ini to write", c.sslIniToWrite), ("ssl.ini to remove", c.sslIniToRemove),
            ("Restart", c.restart), ("Decommission", c.decommission),
        ]
        for (title, hosts) in rows {
            out += "- **\(title):** \(hosts.isEmpty ? "none" : hosts.map(code).joined(separator: ", "))\n"
        }
        for change in c.firewall {
            var parts: [String] = []
            if !change.open.isEmpty { parts.append("open " + Runbook.describe(change.open)) }
            if !change.close.isEmpty { parts.append("close " + Runbook.describe(change.close)) }
            out += "- **Firewall on \(code(change.host)):** \(parts.joined(separator: "; "))\n"
        }
        for move in c.dataMoves {
            out += "- **Data move:** \(move.component.rawValue) from \(code(move.from)) to \(code(move.to)): \(Markdown.text(move.items.joined(separator: ", ")))\n"
        }
        if !diagnostics.isEmpty {
            out += "\n## Risks and findings\n\n"
            for (path, diagnostic) in diagnostics {
                out += "- **\(diagnostic.severity.rawValue)** `\(diagnostic.rule)` (\(Markdown.text(path)):\(diagnostic.location.line):\(diagnostic.location.column)): \(Markdown.text(diagnostic.message))\n"
                for note in diagnostic.notes { out += "  - \(Markdown.text(note))\n" }
            }
        }
        out += "\n## Runbook\n"
        var phase: RunbookStep.Phase?
        for step in report.steps {
            if step.phase != phase {
                phase = step.phase
                out += "\n### \(step.phase.rawValue.prefix(1).uppercased() + step.phase.rawValue.dropFirst())\n\n"
            }
            out += "\(step.n). **\(Markdown.text(step.host))**: " + Markdown.text(step.action) + "\n"
            if let file = step.file {
                // Indented as far as the item's text, so the block stays inside it.
                let indent = String(repeating: " ", count: "\(step.n). ".count)
                out += "\n" + Markdown.fence(file.text, language: "properties", indent: indent) + "\n"
            }
        }
        return out
    }

    static func cell(_ value: String?) -> String { Markdown.cell(value) }
}
