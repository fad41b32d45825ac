import TopoModel
import TopoCheck

/// The JSON form of one finding, shared by every command's JSON output.
extension Diagnostic {
    var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("rule", .string(rule)),
            ("severity", .string(severity.rawValue)),
            ("message", .string(message)),
            ("line", .int(location.line)),
            ("column", .int(location.column)),
        ]
        if let host { members.append(("host", .string(host))) }
        members.append(("notes", .strings(notes)))
        return .object(members)
    }
}

/// `validate --format json`, as in the JSON contract (format_version 1),
/// written file by file so a batch of any size streams out.
public struct ValidateJSONRenderer: ValidateRenderer {
    public init() {}

    public var stream: Int32 { 1 }
    // Each element starts on its own line, so an empty list stays `[]`.
    public var separator: String { "," }

    public func opening(_ summary: BatchSummary) -> String {
        "{\n  \"format_version\": 1,\n  \"files\": ["
    }

    /// One element of `files`, indented for its place in the document.
    public func elements(for report: FileReport) -> [String] {
        var members: [(String, JSONValue)] = [
            ("path", .string(report.path)),
            ("valid", .bool(report.isValid)),
            ("diagnostics", .array(report.diagnostics.map(\.json))),
        ]
        if let error = report.readError { members.append(("error", .string(error.description))) }
        return ["\n    " + JSONValue.object(members).serialized(indent: 4)]
    }

    public func closing(_ summary: BatchSummary) -> String {
        (summary.files == 0 ? "]" : "\n  ]") + ",\n  \"summary\": "
            + JSONValue.object([
                ("files", .int(summary.files)), ("errors", .int(summary.errors)),
                ("warnings", .int(summary.warnings)), ("notes", .int(summary.notes)),
                // Paths that could not be read: files in `files` with an
                // `error`, and paths that are no file (missing, an unreadable
                // folder, a folder without topology files).
                ("unreadable", .int(summary.unreadable)),
            ]).serialized(indent: 2) + "\n}\n"
    }
}
