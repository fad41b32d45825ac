import TopoSource
import TopoModel

extension Rules {
    /// Two host entries that name the same machine.
    public static let duplicateHost: Rule = Rule(
        id: "duplicate-host", severity: .error,
        summary: "Two hosts whose names differ only by letter case or a trailing dot.",
        documentation: """
            DNS names are case-insensitive, and `ui.acme.example.` (with the \
            trailing dot of a fully qualified name) is the same host as \
            `ui.acme.example`. Two such entries describe one machine twice, \
            with possibly different components and settings.

            ```yaml
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              UI.Acme.Example.: {components: [TRK]}
            ```

            Fix: keep one entry and merge the components into it.
            """,
        check: { context in
            let hosts = context.topology.hosts
            // Names already in canonical form can only clash by being equal,
            // and equal keys are duplicate-key's; so the usual file needs
            // one byte scan here, not a set of names.
            guard hosts.count > 1, hosts.contains(where: { !HostName.isCanonical($0.name.value) }) else { return [] }
            var first = FirstSeen<Located<String>>()
            var found: [Diagnostic] = []
            for host in hosts {
                if let earlier = first.insert(HostName.canonical(host.name.value), at: host.name) {
                    found.append(duplicateHost.diagnostic(
                        "'\(host.name.value)' names the same host as '\(earlier.value)'",
                        at: host.name.location, host: host.name.value,
                        notes: ["'\(earlier.value)' is declared at line \(earlier.location.line); host names ignore letter case and a trailing dot"]))
                }
            }
            return found
        })
}
