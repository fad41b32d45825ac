import TopoModel

/// A high-volume profile without the recommended four-server layout.
public struct FourServerLayout: ModelRule {
    public static let descriptor = RuleDescriptor(
        id: "four-server-layout", severity: .note,
        summary: "The profile is high-volume but the layout is not the recommended four-server one.",
        documentation: """
            For high volumes the recommended layout is four servers: LUI and \
            HUB together, TRK alone, the system database alone, LISTSERV alone \
            (several LISTSERV hosts are fine). Then heavy tracking traffic, \
            database load and mail delivery do not compete for one machine, and \
            LUI restarts never stop the Tracker.

            ```yaml
            profile: high-volume
            hosts:
              ui.acme.example:  {components: [LUI, HUB, TRK]}
              db.acme.example:  {components: [DATABASE, LISTSERV]}
            ```

            Fix: `maestro-topo init --preset four-server` prints the layout; or \
            drop `profile: high-volume` if the installation is small.
            """)

    public static func check(_ context: RuleContext, into sink: inout FindingSink) {
        guard let profile = context.topology.profile, profile.value == .highVolume else { return }
        let hosts = context.resolved.hosts
        let isFourServer = hosts.allSatisfy { host in
            runsExactly(host, [.lui, .hub]) || runsExactly(host, [.trk]) || runsExactly(host, [.database])
                || runsExactly(host, [.listserv])
        } && Component.allCases.allSatisfy { !context.resolved.hosts(running: $0).isEmpty }
        guard !isFourServer else { return }
        sink.emit(
            Self.self, "profile is high-volume, but the layout is not the recommended four servers",
            at: profile.location,
            notes: ["recommended: LUI+HUB on one host, TRK alone, DATABASE alone, LISTSERV alone"])
    }

    /// Whether `host` runs these components and no others (compared as
    /// sets; no `Set` is built for a host's handful of components).
    private static func runsExactly(_ host: ResolvedHost, _ components: [Component]) -> Bool {
        host.components.allSatisfy(components.contains) && components.allSatisfy(host.components.contains)
    }
}
