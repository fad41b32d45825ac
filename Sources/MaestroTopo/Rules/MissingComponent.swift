extension Rules {
    /// A component every installation needs is placed on no host.
    public static let missingComponent: Rule = Rule(
        id: "missing-component", severity: .error,
        summary: "LUI, HUB, TRK, the system database or LISTSERV is placed on no host.",
        documentation: """
            Every Maestro installation runs all three of its own components \
            (LUI, HUB, TRK) and uses a system database and at least one \
            LISTSERV. The planner needs to know where each one runs to derive \
            ports, firewall rules and `SSLAllowedClients`. A component with an \
            internal database still needs `DATABASE` on the host it runs on.

            ```yaml
            hosts:
              ui.acme.example:
                components: [LUI, HUB]   # TRK, DATABASE and LISTSERV missing
            ```

            Fix: add the missing component to the `components` of the host \
            that runs it.
            """,
        check: { context in
            let topology = context.topology
            guard !topology.hosts.isEmpty else { return [] }
            return Component.allCases.compactMap { component in
                guard !topology.hosts.contains(where: { $0.runs(component) }) else { return nil }
                // A misspelt component ('lui') was reported by invalid-value
                // with this one as the suggestion; do not report it twice.
                let misspelt = topology.hosts.flatMap(\.unrecognizedComponents).contains {
                    Suggestion.nearest(to: $0.value, in: Component.allCases.map(\.rawValue)) == component.rawValue
                }
                guard !misspelt else { return nil }
                return missingComponent.diagnostic(
                    MissingComponentText.message(component), at: topology.hostsLocation,
                    notes: [MissingComponentText.note(component)])
            }
        })
}

enum MissingComponentText {
    static func message(_ component: Component) -> String {
        component.longName == component.rawValue
            ? "no host runs \(component.rawValue)"
            : "no host runs \(component.rawValue) (\(component.longName))"
    }

    static func note(_ component: Component) -> String {
        switch component {
        case .database:
            "add DATABASE to the host of the system database (with 'database: {engine: internal}' for Maestro's own MySQL)"
        case .listserv:
            "add LISTSERV to the host (or hosts) running LISTSERV"
        default:
            "add \(component.rawValue) to the 'components' of the host that runs it"
        }
    }
}
