import TopoSource
import TopoModel

/// A component every installation needs is placed on no host.
public struct MissingComponent: ModelRule {
    public static let descriptor = RuleDescriptor(
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

            A name that could not be read is reported once, where it stands, \
            and not again here:

            - a misspelt or other name of a component (`lui`, `TRACKER`, \
              `DB`) counts for the component it is suggested as;
            - so do the names under a misspelt `components` key \
              (`componets: [LUI, HUB]`, reported by unknown-key) and in a text \
              where a list belongs (`components: LUI, HUB`);
            - a name with no suggestion (`FOO`, or an item that is not text) \
              could be any component, so while one is in the file no \
              component is reported missing. The run fails on that name \
              already, and this rule speaks again once it is fixed.

            Fix: add the missing component to the `components` of the host \
            that runs it.
            """)

    public static func check(_ context: RuleContext, into sink: inout FindingSink) {
        let hosts = context.topology.hosts
        guard !hosts.isEmpty else { return }
        let missing = Component.allCases.filter { context.resolved.hosts(running: $0).isEmpty }
        guard !missing.isEmpty else { return }
        // Names the loader could not place, already reported where they stand.
        guard let meant = UnreadComponents.meant(by: hosts.lazy.flatMap(\.unrecognizedComponents))
        else { return }
        for component in missing where !meant.contains(component) {
            sink.emit(
                Self.self, MissingComponentText.message(component), at: context.topology.hostsLocation,
                notes: [MissingComponentText.note(component)])
        }
    }
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

/// Component names the loader could not place (`HostEntry.unrecognizedComponents`).
enum UnreadComponents {
    /// The components they stand for; nil when one of them could be any.
    static func meant(by names: some Sequence<Located<String>>) -> Set<Component>? {
        var meant = Set<Component>()
        for name in names {
            guard let component = Suggestion.component(for: name.value) else { return nil }
            meant.insert(component)
        }
        return meant
    }

    /// Whether the host's unread names may stand for a component matching `test`.
    static func mayMean(_ host: HostEntry, _ test: (Component) -> Bool) -> Bool {
        guard !host.unrecognizedComponents.isEmpty else { return false }
        return meant(by: host.unrecognizedComponents).map { $0.contains(where: test) } ?? true
    }
}
