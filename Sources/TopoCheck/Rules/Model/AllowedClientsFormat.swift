import TopoSource
import TopoModel

/// An explicit `allowed_clients` that would make a broken `SSLAllowedClients`.
public struct AllowedClientsFormat: ModelRule {
    public static let descriptor = RuleDescriptor(
        id: "allowed-clients-format", severity: .error,
        summary: "An explicit `allowed_clients` contains spaces, empty items, names spelt unlike the certificates, a name twice, or hosts that are not Maestro servers.",
        documentation: """
            `SSLAllowedClients` is one line of host names separated by commas, \
            with no spaces and no line breaks, naming Maestro servers only. \
            Maestro compares each connecting host against the items exactly, so \
            `ui.acme.example, trk.acme.example` (with a space) does not match \
            `trk.acme.example`, and an empty item between two commas matches \
            nothing. Database and LISTSERV hosts never connect over the secured \
            component port and do not belong in the list.

            The vendor requires the names to be "the same host names as have \
            been used for the respective server certificates". A server's \
            certificate is issued for its name as written under `hosts`, \
            without a trailing dot (or for one of its `aliases`, exactly as \
            written), so an item that differs from it only by letter case or \
            a trailing dot (`UI.ACME.EXAMPLE`, `trk.acme.example.`) is \
            reported with the name to write. So is a name listed twice, in \
            either spelling.

            ```yaml
            ssl:
              allowed_clients: "ui.acme.example, TRK.acme.example,,db.acme.example"
            ```

            Fix: `ui.acme.example,trk.acme.example`, or a YAML list, or omit \
            the key to let maestro-topo derive it.
            """)

    public static func check(_ context: RuleContext, into sink: inout FindingSink) {
        let resolved = context.resolved
        // Explicit lists are rare; the names they may hold are indexed only then.
        guard resolved.maestroServers.contains(where: { $0.ssl.allowedClients != nil }) else { return }
        let known = KnownNames(resolved)
        for host in resolved.maestroServers {
            guard let clients = host.ssl.allowedClients else { continue }
            func report(_ message: String, _ location: SourceLocation, _ notes: [String]) {
                sink.emit(Self.self, message, at: location, host: host.name, notes: notes)
            }
            if let raw = clients.rawString, raw.contains(" ") {
                let at = clients.items.first { $0.value.contains(" ") }?.location ?? clients.location
                report("allowed_clients of '\(host.name)' contains spaces; SSLAllowedClients is comma-separated with no spaces",
                       at, ["write '\(clients.items.map(\.value.trimmingSpaces).filter { !$0.isEmpty }.joined(separator: ","))'"])
            }
            var listed = FirstSeen<SourceLocation>()
            for item in clients.items {
                let name = item.value.trimmingSpaces
                if name.isEmpty {
                    report("allowed_clients of '\(host.name)' has an empty item", item.location,
                           ["remove the doubled, leading or trailing comma"])
                    continue
                }
                if clients.rawString == nil, item.value.contains(" ") {
                    // Around the name or inside it ("a.example b.example"): either breaks the ssl.ini line.
                    let problem = name.contains(" ") ? "contains spaces" : "has spaces around it"
                    report("item '\(item.value)' of allowed_clients \(problem)", item.location,
                           ["each item is one host name; SSLAllowedClients is comma-separated with no spaces"])
                    continue
                }
                let canonical = HostName.canonical(name)
                guard let other = known.host(canonical) else { continue }  // undeclared: missing-host reports it
                if !other.isMaestroServer {
                    report("allowed_clients of '\(host.name)' names '\(name)', which runs no Maestro component",
                           item.location, ["only Maestro servers (LUI, HUB, TRK hosts) belong in SSLAllowedClients"])
                } else if let first = listed.insert(canonical, at: item.location) {
                    report("allowed_clients of '\(host.name)' lists '\(name)' twice", item.location,
                           [AllowedClientsText.firstAt(first, item.location)])
                } else if let certificate = AllowedClientsText.certificateName(of: other, for: canonical), name != certificate {
                    report("'\(name)' in allowed_clients of '\(host.name)' is not spelt like the certificate name '\(certificate)': it \(AllowedClientsText.difference(name, certificate))",
                           item.location, ["write '\(certificate)'; SSLAllowedClients must hold the names the server certificates are issued for"])
                }
            }
        }
    }

    /// The host each canonical name stands for: the first host of that
    /// name (the resolved topology's index), else the first Maestro server
    /// with that alias. Built once, so an item costs a lookup, not a walk
    /// over every host.
    private struct KnownNames {
        private let resolved: ResolvedTopology
        private var byAlias: [String: ResolvedHost] = [:]

        init(_ resolved: ResolvedTopology) {
            self.resolved = resolved
            for server in resolved.maestroServers {
                for alias in server.ssl.aliases {
                    let key = HostName.canonical(alias.value)
                    if byAlias[key] == nil { byAlias[key] = server }
                }
            }
        }

        func host(_ canonical: String) -> ResolvedHost? {
            resolved.host(canonicalName: canonical) ?? (byAlias.isEmpty ? nil : byAlias[canonical])
        }
    }
}

enum AllowedClientsText {
    /// The name `server` is known by that `canonical` stands for: its
    /// certificate name (its name without a trailing dot), or the alias as
    /// written. Nil when neither matches.
    static func certificateName(of server: ResolvedHost, for canonical: String) -> String? {
        if server.canonicalName == canonical { return server.name }
        return server.ssl.aliases.first { HostName.canonical($0.value) == canonical }?.value
    }

    /// How two spellings of one name differ: case, a trailing dot, or both.
    static func difference(_ written: String, _ certificate: String) -> String {
        let dot = written.hasSuffix(".") != certificate.hasSuffix(".")
        let strip = { (name: String) in name.hasSuffix(".") ? String(name.dropLast()) : name }
        let letterCase = strip(written) != strip(certificate)
        switch (letterCase, dot) {
        case (true, true): return "differs in letter case and a trailing dot"
        case (false, true): return written.hasSuffix(".") ? "has a trailing dot" : "lacks the trailing dot"
        default: return "differs in letter case"
        }
    }

    static func firstAt(_ first: SourceLocation, _ second: SourceLocation) -> String {
        // Items of a string whose columns are unknown all stand at the string.
        if first == second { return "it is listed earlier in the same string; remove one" }
        return first.line == second.line
            ? "first listed at column \(first.column); remove one"
            : "first listed at line \(first.line), column \(first.column); remove one"
    }
}
