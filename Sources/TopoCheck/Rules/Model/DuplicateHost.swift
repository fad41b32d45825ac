import TopoSource
import TopoModel

/// Two host entries that name the same machine.
public struct DuplicateHost: ModelRule {
    public static let descriptor = RuleDescriptor(
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
            """)

    public static func check(_ context: RuleContext, into sink: inout FindingSink) {
        let hosts = context.resolved.hosts
        // Names already in canonical form can only clash by being equal,
        // and equal keys are duplicate-key's; so the usual file needs one
        // look at each host here, not a set of names. A name is canonical
        // when it is its own canonical form (worked out once, when resolved).
        guard hosts.count > 1, hosts.contains(where: { $0.canonicalName != $0.entry.name.value }) else { return }
        var first = FirstSeen<Located<String>>()
        for host in hosts {
            let name = host.entry.name
            // A name written with two trailing dots (invalid) would lose both
            // in `canonicalName`; one trailing dot is all this rule ignores.
            let key = host.name.utf8.last == UInt8(ascii: ".") ? HostName.canonical(name.value) : host.canonicalName
            if let earlier = first.insert(key, at: name) {
                sink.emit(
                    Self.self, "'\(name.value)' names the same host as '\(earlier.value)'",
                    at: name.location, host: name.value,
                    notes: ["'\(earlier.value)' is declared at line \(earlier.location.line); host names ignore letter case and a trailing dot"])
            }
        }
    }
}
