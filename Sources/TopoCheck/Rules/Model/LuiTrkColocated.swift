/// LUI and TRK on the same host.
public struct LuiTrkColocated: ModelRule {
    public static let descriptor = RuleDescriptor(
        id: "lui-trk-colocated", severity: .warning,
        summary: "LUI and TRK share a host, so restarting LUI takes the Tracker down.",
        documentation: """
            The Tracker receives the opens and clicks of every mail already \
            sent and needs near-100% uptime; events arriving while it is down \
            are lost. Components on one host share one application server, so \
            every LUI restart (a new database driver, a port change, an update) \
            stops the Tracker too. Small installations accept this; for \
            anything busier put TRK on a host of its own.

            ```yaml
            hosts:
              maestro.acme.example:
                components: [LUI, HUB, TRK]
            ```

            Fix: move TRK to its own host (`maestro-topo diff` plans the move; \
            the Tracker's host name must stay reachable for links already sent).
            """)

    public static func check(_ context: RuleContext, into sink: inout FindingSink) {
        for host in context.resolved.hosts(running: .trk) where host.components.contains(.lui) {
            guard let trk = host.entry.components?.value.first(where: { $0.value == .trk }) else { continue }
            let name = host.entry.name.value
            sink.emit(
                Self.self, "LUI and TRK both run on '\(name)'; every LUI restart stops the Tracker",
                at: trk.location, host: name,
                notes: ["tracking events that arrive while the Tracker is down are lost"])
        }
    }
}
