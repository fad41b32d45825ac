import TopoModel

/// Component SSL on for some Maestro servers and off for others.
public struct PartialSSL: ModelRule {
    public static let descriptor = RuleDescriptor(
        id: "partial-ssl", severity: .error,
        summary: "Component SSL is on for some Maestro servers and off for others.",
        documentation: """
            Component SSL is all-or-nothing: either every Maestro server has a \
            certificate and an `ssl.ini`, or none has. A server without SSL \
            cannot talk to one with it, so a half-secured installation is an \
            outage. This usually happens when one server's `ssl.enabled` \
            overrides `component_ssl.enabled`, or when a file describes an \
            installation part-way through being secured.

            ```yaml
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              trk.acme.example:
                components: [TRK]
                ssl: {enabled: false}   # the only server without SSL
            ```

            Fix: secure every Maestro server (remove the per-host \
            `enabled: false`), or switch SSL off for all of them together.
            """)

    public static func check(_ context: RuleContext, into sink: inout FindingSink) {
        let servers = context.resolved.maestroServers
        // The usual file agrees: one look at each server, no lists.
        guard servers.contains(where: \.ssl.enabled), servers.contains(where: { !$0.ssl.enabled }) else { return }
        let on = servers.filter(\.ssl.enabled), off = servers.filter { !$0.ssl.enabled }
        let onNames = on.map(\.name).quotedList
        for server in off {
            sink.emit(
                Self.self,
                "component SSL is off on '\(server.name)' but on for \(onNames); it must be on for every Maestro server or for none",
                at: server.ssl.enabledLocation ?? server.nameLocation, host: server.name,
                notes: ["set 'enabled: true' for '\(server.name)' (or in component_ssl), or switch SSL off everywhere"])
        }
    }
}
