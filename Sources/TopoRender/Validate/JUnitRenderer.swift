import TopoModel
import TopoCheck

/// `validate --format junit`: JUnit XML as CI servers read it. One test
/// case per file; each finding that fails the run (errors, and warnings
/// with `--strict`) is a failure of its own; a file that could not be read
/// is an error. The opening carries the totals, so the run holds the test
/// cases until every file is checked.
public struct JUnitRenderer: ValidateRenderer {
    public var strict: Bool

    public init(strict: Bool) { self.strict = strict }

    public var stream: Int32 { 1 }
    public var needsTotalsFirst: Bool { true }

    public func opening(_ summary: BatchSummary) -> String {
        let cases = summary.files + summary.problems.count
        let errors = summary.problems.count + summary.readErrors.count
        let counts = "tests=\"\(cases)\" failures=\"\(failures(summary))\" errors=\"\(errors)\""
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(ToolInfo.name) validate\" \(counts)>\n"
        out += "  <testsuite name=\"\(ToolInfo.name) validate\" \(counts) skipped=\"0\">\n"
        out += "    <properties>\n      <property name=\"version\" value=\"\(ToolInfo.version)\"/>\n"
        out += "      <property name=\"strict\" value=\"\(strict)\"/>\n    </properties>\n"
        // Paths given that could not be used have no file of their own.
        for problem in summary.problems {
            out += testCase(name: problem.path ?? "arguments", body: "      <error message=\"\(Markup.escape(problem.description))\"/>\n")
        }
        return out
    }

    func failures(_ summary: BatchSummary) -> Int {
        summary.errors + (strict ? summary.warnings : 0)
    }

    public func elements(for report: FileReport) -> [String] {
        var body = ""
        if let error = report.readError {
            body += "      <error message=\"\(Markup.escape(error.description))\"/>\n"
        }
        var other: [String] = []
        for diagnostic in report.diagnostics {
            let line = "\(report.path):\(diagnostic.location.line):\(diagnostic.location.column): "
                + "\(diagnostic.severity.rawValue)[\(diagnostic.rule)]: \(diagnostic.message)"
            guard [diagnostic].fails(strict: strict) else {
                other.append(line)
                continue
            }
            let details = ([line] + diagnostic.notes.map { "note: \($0)" }).joined(separator: "\n")
            body += "      <failure type=\"\(Markup.escape(diagnostic.rule))\" message=\"\(Markup.escape(line))\">"
                + Markup.escape(details, attribute: false) + "</failure>\n"
        }
        if !other.isEmpty {
            body += "      <system-out>" + Markup.escape(other.joined(separator: "\n"), attribute: false) + "</system-out>\n"
        }
        return [testCase(name: report.path, body: body)]
    }

    func testCase(name: String, body: String) -> String {
        let open = "    <testcase classname=\"\(ToolInfo.name).validate\" name=\"\(Markup.escape(name))\" file=\"\(Markup.escape(name))\""
        return body.isEmpty ? open + "/>\n" : open + ">\n" + body + "    </testcase>\n"
    }

    public func closing(_ summary: BatchSummary) -> String {
        "  </testsuite>\n</testsuites>\n"
    }
}
