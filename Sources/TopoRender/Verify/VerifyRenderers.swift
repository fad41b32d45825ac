import TopoCheck
import TopoModel

/// `verify`'s check list for people: one line per check with its outcome
/// and what was looked at, then the totals. The findings themselves print
/// as `validate` prints them (DiagnosticTextRenderer, on standard error).
public struct VerifyTextRenderer: Sendable {
    public var style: TextStyle

    public init(style: TextStyle) {
        self.style = style
    }

    public func render(_ report: InstallationReport) -> String {
        var out = style.bold("verify \(report.host)") + (report.root.map { " (a copy of its install folder: \($0))" } ?? " (on the server)") + "\n"
        let width = report.checks.map(\.id.count).max() ?? 0
        for check in report.checks {
            let status: String
            switch check.status {
            case .ok: status = style.paint("ok     ", "1;32")
            case .failed: status = style.paint("FAILED ", "1;31")
            case .skipped: status = style.paint("skipped", "1;33")
            }
            let padding = String(repeating: " ", count: width - check.id.count)
            out += "  \(status)  \(check.id)\(padding)  \(check.detail.withVisibleControls)\n"
        }
        return out + summary(report) + "\n"
    }

    /// `verify hub.example.com: 14 checks ok, 2 failed, 1 skipped; 2 errors, 1 warning`
    public func summary(_ report: InstallationReport) -> String {
        let count = { (status: InstallationCheck.Status) in report.checks.count { $0.status == status } }
        let diagnostics = report.diagnostics
        var line = "verify \(report.host): \(count(.ok)) checks ok, \(count(.failed)) failed, \(count(.skipped)) skipped"
        var parts: [String] = []
        for (n, word) in [(diagnostics.errorCount, "error"), (diagnostics.warningCount, "warning"), (diagnostics.noteCount, "note")]
        where n > 0 {
            parts.append("\(n) \(word)\(n == 1 ? "" : "s")")
        }
        line += parts.isEmpty ? "; no problems found" : "; " + parts.joined(separator: ", ")
        return line
    }
}

/// `verify --format json`: `{"format_version":1, "host", "root", "checks",
/// "diagnostics", "summary"}`, each finding with the file it points into.
public enum VerifyJSONRenderer {
    public static func render(_ report: InstallationReport) -> String {
        var diagnostics: [JSONValue] = []
        for file in report.files {
            for diagnostic in file.diagnostics {
                guard case var .object(members) = diagnostic.json else { continue }
                members.insert(("file", .string(file.path)), at: 0)
                diagnostics.append(.object(members))
            }
        }
        let all = report.diagnostics
        let count = { (status: InstallationCheck.Status) in report.checks.count { $0.status == status } }
        let document = JSONValue.object([
            ("format_version", .int(1)),
            ("host", .string(report.host)),
            ("root", report.root.map(JSONValue.string) ?? .null),
            ("checks", .array(report.checks.map { check in
                .object([("id", .string(check.id)), ("status", .string(check.status.rawValue)), ("detail", .string(check.detail))])
            })),
            ("diagnostics", .array(diagnostics)),
            ("summary", .object([
                ("ok", .int(count(.ok))), ("failed", .int(count(.failed))), ("skipped", .int(count(.skipped))),
                ("errors", .int(all.errorCount)), ("warnings", .int(all.warningCount)), ("notes", .int(all.noteCount)),
            ])),
        ])
        return document.serialized(indent: 0) + "\n"
    }
}

/// `verify --format sarif`: the SARIF log of `validate`, its results in
/// the topology and in `ssl.ini`.
public enum VerifySARIFRenderer {
    public static func render(_ report: InstallationReport) -> String {
        let renderer = SARIFRenderer()
        var summary = BatchSummary()
        for file in report.files { summary.add(file, strict: false) }
        let elements = report.files.flatMap { renderer.elements(for: $0) }.filter { !$0.isEmpty }
        return renderer.opening(summary) + elements.joined(separator: renderer.separator) + renderer.closing(summary)
    }
}
