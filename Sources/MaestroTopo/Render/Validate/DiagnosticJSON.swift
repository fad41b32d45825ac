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
public enum ValidateJSONRenderer {
    public static let header = "{\n  \"format_version\": 1,\n  \"files\": ["

    /// One element of `files`, indented for its place in the document.
    public static func file(_ report: FileReport) -> String {
        var members: [(String, JSONValue)] = [
            ("path", .string(report.path)),
            ("valid", .bool(report.isValid)),
            ("diagnostics", .array(report.diagnostics.map(\.json))),
        ]
        if let error = report.readError { members.append(("error", .string(error.description))) }
        return "    " + JSONValue.object(members).serialized(indent: 4)
    }

    /// Everything after the last file; `files` is the number written.
    public static func footer(files: Int, errors: Int, warnings: Int, notes: Int) -> String {
        (files == 0 ? "]" : "\n  ]") + ",\n  \"summary\": "
            + JSONValue.object([
                ("files", .int(files)), ("errors", .int(errors)), ("warnings", .int(warnings)), ("notes", .int(notes)),
            ]).serialized(indent: 2) + "\n}\n"
    }
}
