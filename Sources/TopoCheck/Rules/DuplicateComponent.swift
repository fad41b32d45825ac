import TopoModel

extension Rules {
    /// A single-instance component placed on more than one host.
    public static let duplicateComponent: Rule = Rule(
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
            """,
        check: { context in
            var found: [Diagnostic] = []
            for component in Component.allCases where component != .listserv {
                var firstHost: String?
                for host in context.topology.hosts {
                    guard let item = host.components?.value.first(where: { $0.value == component }) else { continue }
                    if let firstHost {
                        found.append(duplicateComponent.diagnostic(
                            "\(component.rawValue) is already placed on '\(firstHost)'; an installation has one \(component.longName)",
                            at: item.location, host: host.name.value,
                            notes: ["remove \(component.rawValue) from one of the two hosts"]))
                    } else {
                        firstHost = host.name.value
                    }
                }
            }
            return found
        })
}
