/// The hosts running each component, each group in file order. All groups
/// share one list, ordered by component: a file costs one allocation here
/// rather than one per component, and a lookup returns a slice of it.
struct ComponentIndex: Sendable {
    private let hosts: [ResolvedHost]
    /// Where each component's group starts in `hosts`, by `Component.rank`;
    /// the last entry is where the last group ends.
    private let starts: InlineArray<6, Int>

    init(_ resolved: [ResolvedHost]) {
        var hosts: [ResolvedHost] = []
        hosts.reserveCapacity(resolved.reduce(0) { $0 + $1.components.count })
        var starts = InlineArray<6, Int>(repeating: 0)
        // A pass per component (five in all) keeps each group in file order.
        for component in Component.allCases {
            starts[component.rank] = hosts.count
            for host in resolved where host.components.contains(component) { hosts.append(host) }
        }
        starts[Component.allCases.count] = hosts.count
        self.hosts = hosts
        self.starts = starts
    }

    @inline(__always)
    subscript(component: Component) -> ArraySlice<ResolvedHost> {
        hosts[starts[component.rank]..<starts[component.rank + 1]]
    }
}
