extension Rules {
    /// An explicit `allowed_clients` that would make a broken `SSLAllowedClients`.
    public static let allowedClientsFormat: Rule = Rule(
        id: "allowed-clients-format", severity: .error,
        summary: "An explicit `allowed_clients` contains spaces, empty items or hosts that are not Maestro servers.",
        documentation: """
            `SSLAllowedClients` is one line of host names separated by commas, \
            with no spaces and no line breaks, naming Maestro servers only. \
            Maestro compares each connecting host against the items exactly, so \
            `ui.acme.example, trk.acme.example` (with a space) does not match \
            `trk.acme.example`, and an empty item between two commas matches \
            nothing. Database and LISTSERV hosts never connect over the secured \
            component port and do not belong in the list.

            ```yaml
            ssl:
              allowed_clients: "ui.acme.example, trk.acme.example,,db.acme.example"
            ```

            Fix: `ui.acme.example,trk.acme.example`, or a YAML list, or omit \
            the key to let maestro-topo derive it.
            """,
        check: { context in
            var found: [Diagnostic] = []
            let resolved = context.resolved
            for host in resolved.maestroServers {
                guard let clients = host.ssl.allowedClients else { continue }
                if let raw = clients.rawString, raw.contains(" ") {
                    found.append(allowedClientsFormat.diagnostic(
                        "allowed_clients of '\(host.name)' contains spaces; SSLAllowedClients is comma-separated with no spaces",
                        at: clients.location, host: host.name,
                        notes: ["write '\(clients.items.map(\.value.trimmingSpaces).filter { !$0.isEmpty }.joined(separator: ","))'"]))
                }
                for item in clients.items {
                    let name = item.value.trimmingSpaces
                    if name.isEmpty {
                        found.append(allowedClientsFormat.diagnostic(
                            "allowed_clients of '\(host.name)' has an empty item", at: item.location, host: host.name,
                            notes: ["remove the doubled, leading or trailing comma"]))
                    } else if clients.rawString == nil, item.value.contains(" ") {
                        // Around the name or inside it ("a.example b.example"): either breaks the ssl.ini line.
                        let problem = name.contains(" ") ? "contains spaces" : "has spaces around it"
                        found.append(allowedClientsFormat.diagnostic(
                            "item '\(item.value)' of allowed_clients \(problem)", at: item.location, host: host.name,
                            notes: ["each item is one host name; SSLAllowedClients is comma-separated with no spaces"]))
                    } else if let other = resolved.hosts.first(where: { HostName.canonical($0.name) == HostName.canonical(name) }),
                              !other.isMaestroServer {
                        found.append(allowedClientsFormat.diagnostic(
                            "allowed_clients of '\(host.name)' names '\(name)', which runs no Maestro component",
                            at: item.location, host: host.name,
                            notes: ["only Maestro servers (LUI, HUB, TRK hosts) belong in SSLAllowedClients"]))
                    }
                }
            }
            return found
        })
}
