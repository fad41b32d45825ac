import TopoModel

/// A host name or alias that is not a valid DNS host name.
public struct InvalidHostname: ModelRule {
    public static let descriptor = RuleDescriptor(
        id: "invalid-hostname", severity: .error,
        summary: "A host name or alias is not a valid DNS host name (RFC 1123).",
        documentation: """
            Host names end up in three places where a stray character breaks \
            things: the certificate subject `CN=<host>`, the comma-separated \
            `SSLAllowedClients` list of every `ssl.ini`, and file names in the \
            bundle. A name is therefore checked against RFC 1123: labels of \
            letters, digits and `-`, each 1–63 characters, not starting or \
            ending with `-`, separated by single dots, 253 characters in all; \
            one trailing dot is allowed. Spaces, commas, `=`, `_`, `/`, `\\`, \
            line breaks and other control characters are refused. The name \
            `any` is reserved: plans and firewall rules use it for anyone on \
            the network, so a host called `any` would open its peers' ports \
            to everyone.

            ```yaml
            hosts:
              "ui acme example":      # spaces
                components: [LUI, HUB]
              trk_1.acme.example:     # underscore
                components: [TRK]
            ```

            Fix: use the name the server has in DNS, the one its certificate \
            will be issued for.
            """)

    public static func check(_ context: RuleContext, into sink: inout FindingSink) {
        for host in context.topology.hosts {
            if let problem = HostName.problem(in: host.name.value) {
                sink.emit(
                    Self.self, InvalidHostnameText.host(host.name.value, problem), at: host.name.location,
                    host: host.name.value)
            }
            for alias in host.ssl?.aliases?.value ?? [] {
                if let problem = HostName.problem(in: alias.value) {
                    sink.emit(
                        Self.self, InvalidHostnameText.alias(alias.value, problem), at: alias.location,
                        host: host.name.value)
                }
            }
        }
    }
}

enum InvalidHostnameText {
    static func host(_ name: String, _ problem: String) -> String {
        "'\(printable(name))' is not a valid host name: \(problem)"
    }

    static func alias(_ name: String, _ problem: String) -> String {
        "alias '\(printable(name))' is not a valid host name: \(problem)"
    }

    /// Control characters shown escaped so a message stays on one line.
    static func printable(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars.prefix(80) {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.properties.generalCategory == .control {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return text.unicodeScalars.count > 80 ? result + "…" : result
    }
}
