import TopoModel

/// Derives the plan from a topology with defaults applied: every listen,
/// connection and firewall rule comes from `ConnectionModel.resolvedLinks`,
/// the same derivation `graph` draws. The planner trusts
/// its input: run the rules first and plan only a topology without errors.
public enum Planner {
    public static func plan(_ resolved: ResolvedTopology) -> Plan {
        let links = LinkIndex(ConnectionModel.resolvedLinks(in: resolved))
        let secured = resolved.maestroServers.filter(\.ssl.enabled)
        let roots = secured.compactMap { $0.ssl.ca?.value }.uniqued()
        let servers = resolved.maestroServers.map { host in
            serverPlan(host, in: resolved, links: links, roots: roots)
        }
        let external = resolved.externalHosts.map { host in
            let listens = links.listens(of: host.name)
            return ExternalHostPlan(
                host: host.name, os: host.os.value, components: host.components, listens: listens,
                firewall: firewall(for: host.name, listens))
        }
        return Plan(
            installation: resolved.installation, maestroVersion: resolved.maestroVersion,
            componentSSL: resolved.componentSSL, trackerDirection: resolved.trackerDirection,
            servers: servers, external: external)
    }

    static func serverPlan(
        _ host: ResolvedHost, in resolved: ResolvedTopology, links: LinkIndex, roots: [String]
    ) -> ServerPlan {
        let listens = links.listens(of: host.name)
        let firewall = firewall(for: host.name, listens)
        var certificate: CertificatePlan?
        var sslIni: SSLIniPlan?
        if host.ssl.enabled, let password = host.ssl.password {
            let alias = ResolvedSSL.certificateAlias(for: host.name)
            certificate = CertificatePlan(
                subject: "CN=\(host.name)", hostName: host.name, keystore: host.ssl.keystore.value, alias: alias,
                ca: host.ssl.ca?.value ?? "", trustedRootKeystore: host.ssl.trustedRootKeystore.value)
            let clients = host.ssl.allowedClients.map { $0.items.map(\.value.trimmingSpaces) }
                ?? resolved.maestroServers.map(\.name)
            sslIni = SSLIniPlan(
                path: host.sslIniPath, allowedClients: clients, keystorePath: host.ssl.keystore.value,
                password: password.value, lineEnding: host.os.value == .windows ? "\r\n" : "\n")
        }
        let logLines = certificate == nil ? [] : host.maestroComponents.map(Checklist.sslLogLine)
        var plan = ServerPlan(
            host: host.name, os: host.os.value, installFolder: host.installFolder.value,
            components: host.components, listens: listens,
            connects: links.connections(of: host.name), firewall: firewall,
            certificate: certificate, trustedRoots: certificate == nil ? [] : roots, sslIni: sslIni,
            checklist: [], expectedLogLines: logLines)
        plan.checklist = Checklist.steps(for: plan, host: host)
        return plan
    }

    /// The topology's links grouped once by the host that listens and by the
    /// host that connects, so each host's share is found without scanning
    /// every link: planning stays linear in the number of hosts.
    struct LinkIndex {
        private var byTarget: [String: [ConnectionModel.ResolvedLink]] = [:]
        private var byInitiator: [String: [ConnectionModel.ResolvedLink]] = [:]

        init(_ links: [ConnectionModel.ResolvedLink]) {
            for link in links {
                byTarget[link.toHost, default: []].append(link)
                if case let .component(from, _) = link.from { byInitiator[from, default: []].append(link) }
            }
        }

        /// Every port `host` listens on, one entry per port, with who uses
        /// it (purposes and peers in table order, each once).
        func listens(of host: String) -> [Listen] {
            var byPort: [Int: Listen] = [:]
            var seenPeers: [Int: Set<String>] = [:]
            for link in byTarget[host] ?? [] {
                let peer: String
                switch link.from {
                case let .component(from, _): peer = from
                case .anyone: peer = "any"
                }
                var listen = byPort[link.port] ?? Listen(port: link.port, purposes: [], from: [])
                if !listen.purposes.contains(link.purpose) { listen.purposes.append(link.purpose) }
                if seenPeers[link.port, default: []].insert(peer).inserted { listen.from.append(peer) }
                byPort[link.port] = listen
            }
            return byPort.keys.sorted().map { byPort[$0]! }
        }

        /// Where `host` connects to: every link it opens, once each.
        func connections(of host: String) -> [Connection] {
            var result: [Connection] = []
            var seen = Set<Connection>()
            for link in byInitiator[host] ?? [] {
                let connection = Connection(host: link.toHost, port: link.port, purpose: link.purpose)
                if seen.insert(connection).inserted { result.append(connection) }
            }
            return result
        }
    }

    /// Inbound rules: each listening port that someone on another host uses.
    static func firewall(for host: String, _ listens: [Listen]) -> [FirewallRule] {
        listens.compactMap { listen in
            let peers = listen.remotePeers(of: host)
            return peers.isEmpty ? nil : FirewallRule(port: listen.port, from: peers, purpose: listen.purpose)
        }
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
