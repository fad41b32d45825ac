extension Rules {
    /// Two servers that would share one certificate or keystore.
    public static let sharedCertificate: Rule = Rule(
        id: "shared-certificate", severity: .error,
        summary: "Two servers declare the same keystore, or one server's alias is another server's name.",
        documentation: """
            Each Maestro server gets its own certificate, issued for its own \
            host name and kept in its own keystore. Sharing one (a copied \
            keystore, a certificate with several names) means one compromised \
            server exposes the others, and a certificate renewed for one breaks \
            the rest. This rule reports:

            - two servers whose explicit `keystore` is the same path (a sign \
              the file was copied between them),
            - an `aliases` entry of one server that is another server's name or \
              alias (its certificate would claim the other server's identity).

            ```yaml
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                ssl: {keystore: /etc/maestro/acme.jks}
              trk.acme.example:
                components: [TRK]
                ssl: {keystore: /etc/maestro/acme.jks}
            ```

            Fix: give every server its own keystore (omit `keystore` to derive \
            one per host) and its own certificate.
            """,
        check: { context in
            // Derived keystores are per host by construction; only explicit
            // keystores and aliases can clash.
            guard context.resolved.maestroServers.contains(where: { $0.ssl.keystoreIsExplicit || !$0.ssl.aliases.isEmpty })
            else { return [] }
            var found: [Diagnostic] = []
            var keystores: [String: String] = [:]
            var identities: [String: String] = [:]
            for server in context.resolved.maestroServers {
                identities[HostName.canonical(server.name)] = server.name
            }
            for server in context.resolved.maestroServers {
                if server.ssl.keystoreIsExplicit, !server.ssl.keystore.value.isEmpty {
                    let path = server.ssl.keystore.value
                    // On Windows letter case does not matter, and '/' separates like '\'.
                    let key = server.os.value == .windows
                        ? String(path.lowercased().map { $0 == "/" ? "\\" : $0 }) : path
                    if let other = keystores[key] {
                        found.append(sharedCertificate.diagnostic(
                            "'\(server.name)' uses the same keystore '\(path)' as '\(other)'; every server needs its own certificate",
                            at: server.ssl.keystore.location, host: server.name,
                            notes: ["omit 'keystore' to derive a separate one per host"]))
                    } else {
                        keystores[key] = server.name
                    }
                }
                for alias in server.ssl.aliases {
                    let key = HostName.canonical(alias.value)
                    if let owner = identities[key], owner != server.name {
                        found.append(sharedCertificate.diagnostic(
                            "alias '\(alias.value)' of '\(server.name)' is already the name of '\(owner)'; its certificate would claim another server's identity",
                            at: alias.location, host: server.name))
                    } else {
                        identities[key] = server.name
                    }
                }
            }
            return found
        })
}
