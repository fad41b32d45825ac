import TopoModel

/// SSL on, but a server lacks what its certificate and ssl.ini need.
public struct SSLIncomplete: ModelRule {
    public static let descriptor = RuleDescriptor(
        id: "ssl-incomplete", severity: .error,
        summary: "SSL is on, but a server lacks a keystore path, a password source or a CA.",
        documentation: """
            A secured server needs three things the topology must name:

            - a keystore path (derived from the install folder when omitted, so \
              this only fires for an explicitly empty one),
            - where the keystore password comes from (`keystore_password`, in \
              `component_ssl` or the host's `ssl`),
            - the CA that signs its certificate (`ca`), so the other servers \
              know which root to trust.

            ```yaml
            component_ssl:
              enabled: true
              keystore_password: {env: MAESTRO_KEYSTORE_PASSWORD}
              # no 'ca'
            ```

            Fix: add the missing item to `component_ssl` (for all servers) or to \
            the host's `ssl` section.
            """)

    public static func check(_ context: RuleContext, into sink: inout FindingSink) {
        for server in context.resolved.maestroServers where server.ssl.enabled {
            let ssl = server.ssl
            var at = ssl.enabledLocation ?? server.nameLocation
            // An explicitly empty value is the place to fix.
            if let ca = ssl.ca, ca.value.isEmpty { at = ca.location }
            if ssl.keystoreIsExplicit, ssl.keystore.value.isEmpty { at = ssl.keystore.location }
            var missing: [String] = []
            // A derived keystore path is never empty; only an explicit one can be.
            if ssl.keystoreIsExplicit, ssl.keystore.value.isEmpty {
                missing.append("a keystore path ('keystore')")
            }
            // A source that was given but refused has its own finding.
            if ssl.password.isNone, !ssl.passwordRefused { missing.append("a password source ('keystore_password')") }
            if ssl.ca?.value.isEmpty ?? true { missing.append("a CA ('ca')") }
            guard !missing.isEmpty else { continue }
            sink.emit(
                Self.self, "SSL is on for '\(server.name)' but it lacks \(missing.quotedAnd)",
                at: at, host: server.name,
                notes: ["add it under component_ssl for every server, or under this host's 'ssl'"])
        }
    }
}
