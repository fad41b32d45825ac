import TopoSource
import TopoModel
import TopoCheck

/// `validate --format sarif`: a SARIF 2.1.0 log with one run. The rules come
/// from the registry with their summary and documentation; each finding is a
/// result located by file, line and column; a file that could not be read is
/// a tool execution notification.
public struct SARIFRenderer: ValidateRenderer {
    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    public init() {}

    public var stream: Int32 { 1 }
    // Each result starts on its own line, so no results stay `[]`.
    public var separator: String { "," }

    static let ruleIndex: [String: Int] = Dictionary(
        uniqueKeysWithValues: RuleRegistry.descriptors.enumerated().map { ($0.element.id, $0.offset) })

    public func opening(_ summary: BatchSummary) -> String {
        let driver = JSONValue.object([
            ("name", .string(ToolInfo.name)),
            ("version", .string(ToolInfo.version)),
            ("semanticVersion", .string(ToolInfo.version)),
            ("rules", .array(RuleRegistry.descriptors.map(Self.descriptor))),
        ])
        return """
            {
              "$schema": "\(Self.schema)",
              "version": "2.1.0",
              "runs": [
                {
                  "tool": {
                    "driver": \(driver.serialized(indent: 8))
                  },
                  "columnKind": "unicodeCodePoints",
                  "results": [
            """
    }

    static func descriptor(_ rule: RuleDescriptor) -> JSONValue {
        .object([
            ("id", .string(rule.id)),
            ("name", .string(rule.id)),
            ("shortDescription", .object([("text", .string(rule.summary))])),
            ("fullDescription", .object([("text", .string(rule.summary))])),
            ("help", .object([("text", .string(rule.documentation)), ("markdown", .string(rule.documentation))])),
            ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
        ])
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    public func elements(for report: FileReport) -> [String] {
        let uri = Self.uri(report.path)
        return report.diagnostics.map { diagnostic in
            var members: [(String, JSONValue)] = [("ruleId", .string(diagnostic.rule))]
            if let index = Self.ruleIndex[diagnostic.rule] { members.append(("ruleIndex", .int(index))) }
            let text = ([diagnostic.message] + diagnostic.notes.map { "note: \($0)" }).joined(separator: "\n")
            members += [
                ("level", .string(Self.level(diagnostic.severity))),
                ("message", .object([("text", .string(text))])),
                ("locations", .array([Self.location(uri, diagnostic.location)])),
            ]
            if let host = diagnostic.host { members.append(("properties", .object([("host", .string(host))]))) }
            return "\n        " + JSONValue.object(members).serialized(indent: 8)
        }
    }

    static func location(_ uri: String, _ position: SourceLocation?) -> JSONValue {
        var physical: [(String, JSONValue)] = [("artifactLocation", .object([("uri", .string(uri))]))]
        if let position {
            physical.append(("region", .object([
                ("startLine", .int(max(1, position.line))), ("startColumn", .int(max(1, position.column))),
            ])))
        }
        return .object([("physicalLocation", .object(physical))])
    }

    public func closing(_ summary: BatchSummary) -> String {
        let notifications: [JSONValue] = (summary.problems + summary.readErrors).map { problem in
            var members: [(String, JSONValue)] = [
                ("level", .string("error")),
                ("message", .object([("text", .string(problem.description))])),
            ]
            if let path = problem.path { members.append(("locations", .array([Self.location(Self.uri(path), nil)]))) }
            return .object(members)
        }
        let invocation = JSONValue.object([
            ("executionSuccessful", .bool(summary.problems.isEmpty && summary.readErrors.isEmpty)),
            ("toolExecutionNotifications", .array(notifications)),
        ])
        return (summary.errors + summary.warnings + summary.notes == 0 ? "" : "\n      ")
            + "],\n      \"invocations\": [\n        " + invocation.serialized(indent: 8) + "\n      ]\n    }\n  ]\n}\n"
    }

    /// A path as a URI reference: relative paths stay relative (to the
    /// folder the run started in, as code-scanning services expect),
    /// absolute ones become `file://` URIs; every byte outside the
    /// unreserved set and `/` is percent-encoded.
    static func uri(_ path: String) -> String {
        var out = path.hasPrefix("/") ? "file://" : ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}
