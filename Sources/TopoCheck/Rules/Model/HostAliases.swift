/// A Maestro server known under several names.
public struct HostAliases: ModelRule {
    public static let descriptor = RuleDescriptor(
        id: "host-aliases", severity: .warning,
        summary: "A Maestro server has several names (one certificate per name; not tested by the vendor).",
        documentation: """
            Components talk to each other by the servers' internal host names, \
            and a server certificate is issued for exactly one of them. A server \
            reached under several names needs a certificate (or a subject \
            alternative name) for each, and every name in `SSLAllowedClients`. \
            This set-up is not described by the vendor, so it is flagged for a \
            careful test.

            ```yaml
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                ssl: {aliases: [maestro.acme.example]}
            ```

            Fix: have the components use one internal name per server; keep \
            other names for browsers (they are only URLs).
            """)

    public static func check(_ context: RuleContext, into sink: inout FindingSink) {
        for server in context.resolved.maestroServers {
            guard let aliases = server.entry.ssl?.aliases, !aliases.value.isEmpty else { continue }
            sink.emit(
                Self.self,
                "'\(server.name)' is also known as \(aliases.value.map(\.value).quotedList); each name needs its own certificate",
                at: aliases.location, host: server.name,
                notes: ["the vendor does not describe this set-up; test it before production"])
        }
    }
}
