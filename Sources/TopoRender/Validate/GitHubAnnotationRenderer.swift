import TopoModel
import TopoCheck

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

    /// A command's message: `%`, CR and LF encoded, as the runner decodes
    /// them; any other control, line-break or bidi character written out
    /// (`\u{1b}`), as in the terminal, so none reaches the log or the page.
    static func data(_ text: String) -> String {
        text.escaped { scalar in
            switch scalar {
            case "%": "%25"
            case "\r": "%0D"
            case "\n": "%0A"
            default: scalar.isDeceptive ? "\\u{\(String(scalar.value, radix: 16))}" : nil
            }
        }
    }

    /// A property value (a file path, a title): percent-encoded like `data`,
    /// `:` and `,` too, which separate properties, and every other control,
    /// line-break or bidi character as its UTF-8 bytes (`%1B`, `%E2%80%AE`),
    /// so that decoding the value gives back the path exactly.
    static func property(_ text: String) -> String {
        text.escaped { scalar in
            switch scalar {
            case "%": "%25"
            case ":": "%3A"
            case ",": "%2C"
            default: scalar.isDeceptive ? String(scalar).utf8.map { "%" + String($0, radix: 16, uppercase: true).leftPadded(to: 2) }.joined() : nil
            }
        }
    }
}
