/// `validate --format github`: GitHub Actions workflow commands, one line
/// per finding (`::error file=…,line=…,col=…,title=…::message`), which the
/// runner turns into annotations on the pull request. Notes become
/// `::notice`. The summary line goes to standard error for the log.
public struct GitHubAnnotationRenderer: ValidateRenderer {
    public init() {}

    public var stream: Int32 { 1 }

    public func elements(for report: FileReport) -> [String] {
        if let error = report.readError {
            return ["::error file=\(Self.property(report.path)),title=\(ToolInfo.name)::\(Self.data(error.description))\n"]
        }
        return report.diagnostics.map { diagnostic in
            let command = switch diagnostic.severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "notice"
            }
            let properties = [
                "file=" + Self.property(report.path),
                "line=\(diagnostic.location.line)",
                "col=\(diagnostic.location.column)",
                "title=" + Self.property("\(diagnostic.rule) (\(ToolInfo.name))"),
            ].joined(separator: ",")
            let text = ([diagnostic.message] + diagnostic.notes.map { "note: \($0)" }).joined(separator: "\n")
            return "::\(command) \(properties)::\(Self.data(text))\n"
        }
    }

    public func closing(_ summary: BatchSummary) -> String {
        summary.problems.map { "::error title=\(ToolInfo.name)::\(Self.data($0.description))\n" }.joined()
    }

    /// A command's message: `%`, CR and LF encoded, as the runner decodes them.
    static func data(_ text: String) -> String {
        text.escaped { scalar in
            switch scalar {
            case "%": "%25"
            case "\r": "%0D"
            case "\n": "%0A"
            default: nil
            }
        }
    }

    /// A property value: as `data`, and `:` and `,` too, which separate properties.
    static func property(_ text: String) -> String {
        data(text).escaped { $0 == ":" ? "%3A" : $0 == "," ? "%2C" : nil }
    }
}
