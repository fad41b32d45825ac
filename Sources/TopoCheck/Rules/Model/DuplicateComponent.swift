import TopoModel

/// A single-instance component placed on more than one host.
public struct DuplicateComponent: ModelRule {
    public static let descriptor = RuleDescriptor(
        id: "duplicate-component", severity: .error,
        summary: "LUI, HUB, TRK or the system database is placed on more than one host.",
        documentation: """
            An installation has exactly one LUI, one HUB, one TRK and one system \
            database. Running a component on two hosts with the same data is \
            cloning, which Maestro does not support: the two would overwrite \
            each other's state. Only LISTSERV may run on several hosts.

            ```yaml
            hosts:
              ui1.acme.example: {components: [LUI, HUB]}
              ui2.acme.example: {components: [LUI]}     # second LUI
            ```

            Fix: keep the component on one host. Moving it to another host is a \
            migration: see `maestro-topo diff`.
            """)

    public static func check(_ context: RuleContext, into sink: inout FindingSink) {
        for component in Component.allCases where component != .listserv {
            let hosts = context.resolved.hosts(running: component)
            guard let first = hosts.first, hosts.count > 1 else { continue }
            // Named as written (with a trailing dot, say), as the file has them.
            let firstHost = first.entry.name.value
            for host in hosts.dropFirst() {
                guard let item = host.entry.components?.value.first(where: { $0.value == component }) else { continue }
                sink.emit(
                    Self.self,
                    "\(component.rawValue) is already placed on '\(firstHost)'; an installation has one \(component.longName)",
                    at: item.location, host: host.entry.name.value,
                    notes: ["remove \(component.rawValue) from one of the two hosts"])
            }
        }
    }
}
