import TopoModel

/// `allowed_clients` names an undeclared host, or leaves out a Maestro server.
public struct MissingHost: ModelRule {
    public static let descriptor = RuleDescriptor(
        id: "missing-host", severity: .error,
        summary: "`allowed_clients` names a host that is not declared, or leaves out a Maestro server (the server itself included).",
        documentation: """
            With component SSL on, a Maestro server accepts connections only \
            from the hosts in its `SSLAllowedClients`. The list must hold every \
            Maestro server, the server itself included (components on one host \
            talk to each other over the same secured port). A server left out \
            cannot reach the others: LUI cannot log in to HUB, or tracking \
            events stop arriving.

            maestro-topo derives the list itself; an explicit `allowed_clients` \
            is for describing an existing installation, and this rule checks it. \
            A name that is not declared under `hosts` is reported too: it is a \
            typo or a server the topology forgot.

            ```yaml
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                ssl: {allowed_clients: [trk.acme.example]}  # itself missing
              trk.acme.example:
                components: [TRK]
            ```

            Fix: remove `allowed_clients` to let maestro-topo derive it, or list \
            every Maestro server.
            """)

    public static func check(_ context: RuleContext, into sink: inout FindingSink) {
        let resolved = context.resolved
        // Derived lists are complete by construction; only explicit ones are checked.
        guard resolved.maestroServers.contains(where: { $0.ssl.allowedClients != nil }) else { return }
        // Host names are indexed by the resolved topology already; aliases
        // are a host's own, never inherited: read from its entry, a host
        // that is no Maestro server never has its SSL worked out.
        var declaredAliases = Set<String>()
        for host in resolved.hosts {
            for alias in host.entry.ssl?.aliases?.value ?? [] { declaredAliases.insert(HostName.canonical(alias.value)) }
        }
        func isDeclared(_ canonical: String) -> Bool {
            resolved.host(canonicalName: canonical) != nil
                || (!declaredAliases.isEmpty && declaredAliases.contains(canonical))
        }
        // Each server's names as compared, worked out once for every list.
        let serverNames = resolved.maestroServers.map { server in
            (server: server, aliases: server.ssl.aliases.map { HostName.canonical($0.value) })
        }
        for host in resolved.maestroServers {
            guard let clients = host.ssl.allowedClients else { continue }
            var listed = Set<String>()
            for item in clients.items {
                let name = item.value.trimmingSpaces
                guard !name.isEmpty else { continue }  // allowed-clients-format reports it
                let canonical = HostName.canonical(name)
                listed.insert(canonical)
                if !isDeclared(canonical) {
                    sink.emit(
                        Self.self, "allowed_clients of '\(host.name)' names '\(name)', which is not declared under 'hosts'",
                        at: item.location, host: host.name,
                        notes: ["declare the host, or correct the name"])
                }
            }
            let missing = serverNames.filter { server, aliases in
                !listed.contains(server.canonicalName) && !aliases.contains(where: listed.contains)
            }
            if !missing.isEmpty {
                let names = missing.map(\.server.name)
                let ownNote = names.contains(host.name)
                    ? ["a server must list itself: its own components connect to it too"] : []
                sink.emit(
                    Self.self, "allowed_clients of '\(host.name)' leaves out \(names.quotedList)",
                    at: clients.location, host: host.name,
                    notes: ownNote + ["every Maestro server belongs in the list; remove 'allowed_clients' to derive it"])
            }
        }
    }
}

extension String {
    public var trimmingSpaces: String {
        // The usual text has no space at either end: one look at its bytes.
        guard utf8.first == UInt8(ascii: " ") || utf8.last == UInt8(ascii: " ") else { return self }
        var scalars = Substring(self)
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}

extension Array where Element == String {
    /// `'a'`, `'a' and 'b'`, `'a', 'b' and 'c'`.
    public var quotedList: String { map { "'\($0)'" }.quotedAnd }

    /// `a`, `a and b`, `a, b and c`.
    public var quotedAnd: String {
        guard count > 1 else { return first ?? "" }
        return dropLast().joined(separator: ", ") + " and " + last!
    }
}
