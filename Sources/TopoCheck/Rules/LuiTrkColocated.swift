extension Rules {
    /// LUI and TRK on the same host.
    public static let luiTrkColocated: Rule = Rule(
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
            """,
        check: { context in
            context.topology.hosts.compactMap { host in
                guard host.runs(.lui), host.runs(.trk),
                      let trk = host.components?.value.first(where: { $0.value == .trk }) else { return nil }
                return luiTrkColocated.diagnostic(
                    "LUI and TRK both run on '\(host.name.value)'; every LUI restart stops the Tracker",
                    at: trk.location, host: host.name.value,
                    notes: ["tracking events that arrive while the Tracker is down are lost"])
            }
        })
}
