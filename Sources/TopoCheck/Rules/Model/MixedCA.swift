/// Secured servers whose certificates come from different CAs.
public struct MixedCA: ModelRule {
    public static let descriptor = RuleDescriptor(
        id: "mixed-ca", severity: .warning,
        summary: "Secured servers name different CAs, so several trusted roots must be installed everywhere.",
        documentation: """
            Every server must trust the CA that signed every other server's \
            certificate. With one CA, each keystore needs one trusted root; with \
            several, every keystore needs all of them, and forgetting one breaks \
            exactly the links to the servers it signed. This works, but it is a \
            common source of half-working installations, so it is a warning. \
            The plan lists all the roots each server must import.

            ```yaml
            component_ssl: {enabled: true, ca: Acme Issuing CA 2026, keystore_password: {env: KS_PW}}
            hosts:
              trk.acme.example:
                components: [TRK]
                ssl: {ca: Old Acme CA}
            ```

            Fix: have every server certificate signed by the same CA.
            """)

    public static func check(_ context: RuleContext, into sink: inout FindingSink) {
        // Looked at lazily: the usual file names one CA, and then no list is made.
        let secured = context.resolved.maestroServers.lazy.filter { $0.ssl.enabled && $0.ssl.ca.isSome }
        guard let first = secured.first, let firstCA = first.ssl.ca?.value else { return }
        guard secured.contains(where: { $0.ssl.ca?.value != firstCA }) else { return }
        let allCAs = Set(secured.compactMap { $0.ssl.ca?.value }).sorted()
        for server in secured.dropFirst() {
            guard let ca = server.ssl.ca, ca.value != firstCA else { continue }
            sink.emit(
                Self.self, "'\(server.name)' names CA '\(ca.value)' but '\(first.name)' names '\(firstCA)'",
                at: ca.location, host: server.name,
                notes: ["every server must then trust all of: \(allCAs.joined(separator: "; "))"])
        }
    }
}
