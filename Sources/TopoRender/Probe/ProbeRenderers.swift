import TopoCheck
import TopoModel

/// `probe`'s endpoint list for people: one line per planned port with what
/// answered there, then the totals. The findings print as `validate`'s do.
public struct ProbeTextRenderer: Sendable {
    public var style: TextStyle

    public init(style: TextStyle) {
        self.style = style
    }

    public func render(_ report: ProbeReport) -> String {
        var out = ""
        let width = report.endpoints.map { "\($0.host):\($0.port)".count }.max() ?? 0
        for endpoint in report.endpoints {
            let name = "\(endpoint.host):\(endpoint.port)"
            let state: String
            switch endpoint.tls {
            case true?: state = style.paint("TLS  ", "1;32")
            case false?: state = style.paint("plain", "1;33")
            case nil: state = style.paint("down ", "1;31")
            }
            var line = "  \(state)  \(name)\(String(repeating: " ", count: width - name.count))  \(endpoint.component)"
            if let via = endpoint.connectedTo { line += " via \(via)" }
            line += ": \(endpoint.detail)"
            if let leaf = endpoint.chain.first { line += "; \(leaf.subject), until \(leaf.notAfter.prefix(10))" }
            if endpoint.clientCertificate != .notPresented { line += "; client certificate \(endpoint.clientCertificate.rawValue)" }
            out += line.withVisibleControls + "\n"
        }
        return out + summary(report) + "\n"
    }

    public func summary(_ report: ProbeReport) -> String {
        let tls = report.endpoints.count { $0.tls == true }, plain = report.endpoints.count { $0.tls == false }
        let down = report.endpoints.count { !$0.reachable }
        let diagnostics = report.file.diagnostics
        var line = "probe: \(report.endpoints.count) \(report.endpoints.count == 1 ? "port" : "ports"): \(tls) TLS, \(plain) plain, \(down) not reached"
        var parts: [String] = []
        for (n, word) in [(diagnostics.errorCount, "error"), (diagnostics.warningCount, "warning")] where n > 0 {
            parts.append("\(n) \(word)\(n == 1 ? "" : "s")")
        }
        line += parts.isEmpty ? "; no problems found" : "; " + parts.joined(separator: ", ")
        return line
    }
}

/// `probe --format json`, as in SPEC §9.
public enum ProbeJSONRenderer {
    public static func render(_ report: ProbeReport) -> String {
        let diagnostics = report.file.diagnostics
        let endpoints: [JSONValue] = report.endpoints.map { endpoint in
            var members: [(String, JSONValue)] = [
                ("host", .string(endpoint.host)), ("port", .int(endpoint.port)), ("component", .string(endpoint.component)),
            ]
            if let via = endpoint.connectedTo { members.append(("connected_to", .string(via))) }
            members += [
                ("reachable", .bool(endpoint.reachable)),
                ("tls", endpoint.tls.map(JSONValue.bool) ?? .null),
                ("version", endpoint.version.map(JSONValue.string) ?? .null),
                ("detail", .string(endpoint.detail)),
                ("chain", .array(endpoint.chain.map { certificate in
                    .object([("subject", .string(certificate.subject)), ("issuer", .string(certificate.issuer)),
                             ("not_before", .string(certificate.notBefore)), ("not_after", .string(certificate.notAfter))])
                })),
                ("client_certificate", .string(endpoint.clientCertificate.rawValue)),
            ]
            return .object(members)
        }
        return JSONValue.object([
            ("format_version", .int(1)),
            ("endpoints", .array(endpoints)),
            ("diagnostics", .array(diagnostics.map(\.json))),
            ("summary", .object([
                ("endpoints", .int(report.endpoints.count)),
                ("tls", .int(report.endpoints.count { $0.tls == true })),
                ("plain", .int(report.endpoints.count { $0.tls == false })),
                ("unreachable", .int(report.endpoints.count { !$0.reachable })),
                ("errors", .int(diagnostics.errorCount)), ("warnings", .int(diagnostics.warningCount)),
                ("notes", .int(diagnostics.noteCount)),
            ])),
        ]).serialized()
    }
}

/// `probe --format sarif`: the SARIF log of `validate`, located in the topology.
public enum ProbeSARIFRenderer {
    public static func render(_ report: ProbeReport) -> String {
        let renderer = SARIFRenderer()
        var summary = BatchSummary()
        summary.add(report.file, strict: false)
        return renderer.opening(summary) + renderer.elements(for: report.file).joined(separator: renderer.separator)
            + renderer.closing(summary)
    }
}
