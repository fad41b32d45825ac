import TopoModel

/// A host section that does not fit the components the host runs.
public struct MisplacedSetting: ModelRule {
    public static let descriptor = RuleDescriptor(
        id: "misplaced-setting", severity: .error,
        summary: "`database` on a host without DATABASE, or `ssl` on a host that is not a Maestro server.",
        documentation: """
            Some host keys only mean something for certain components:

            - `database` describes the system database, so it belongs to the \
              host that runs `DATABASE`;
            - `ssl` configures component SSL, which only Maestro servers (hosts \
              running LUI, HUB or TRK) have. Database and LISTSERV hosts get no \
              `ssl.ini`.

            A misplaced section is usually a sign that components were moved \
            and the settings were left behind.

            ```yaml
            hosts:
              lsv.acme.example:
                components: [LISTSERV]
                ssl: {enabled: true}   # LISTSERV hosts have no ssl.ini
            ```

            A host whose `components` could not all be read (reported \
            already) is left alone when the unread names may include the \
            component the section belongs to.

            Fix: move the section to the host it belongs to, or remove it.
            """)

    public static func check(_ context: RuleContext, into sink: inout FindingSink) {
        for host in context.resolved.hosts {
            // A host whose components could not all be read may run what
            // its section belongs to; that name has been reported already.
            if let database = host.entry.database, !host.components.contains(.database),
               !UnreadComponents.mayMean(host.entry, { $0 == .database }) {
                sink.emit(
                    Self.self, "'database' is set on '\(host.name)', which does not run DATABASE",
                    at: database.location, host: host.name,
                    notes: ["move it to the host running DATABASE, or add DATABASE to this host's components"])
            }
            if let ssl = host.entry.ssl, !host.isMaestroServer, host.entry.components.isSome,
               !UnreadComponents.mayMean(host.entry, \.isMaestro) {
                sink.emit(
                    Self.self, "'ssl' is set on '\(host.name)', which runs no Maestro component (LUI, HUB, TRK)",
                    at: ssl.location, host: host.name,
                    notes: ["database and LISTSERV hosts get no ssl.ini; remove this section"])
            }
        }
    }
}
