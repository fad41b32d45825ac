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

/// `validate --format json`, as in the JSON contract (format_version 1).
public enum ValidateJSONRenderer {
    public static func render(_ reports: [FileReport]) -> String {
        let all = reports.flatMap(\.diagnostics)
        let files: [JSONValue] = reports.map { report in
            var members: [(String, JSONValue)] = [
                ("path", .string(report.path)),
                ("valid", .bool(report.isValid)),
                ("diagnostics", .array(report.diagnostics.map(\.json))),
            ]
            if let error = report.readError { members.append(("error", .string(error.description))) }
            return .object(members)
        }
        return JSONValue.object([
            ("format_version", .int(1)),
            ("files", .array(files)),
            ("summary", .object([
                ("files", .int(reports.count)),
                ("errors", .int(all.errorCount)),
                ("warnings", .int(all.warningCount)),
                ("notes", .int(all.noteCount)),
            ])),
        ]).serialized()
    }
}
