import TopoModel

/// Derives the plan from a topology with defaults applied: every listen,
/// connection and firewall rule comes from `ConnectionModel.resolvedLinks`,
/// the same derivation `graph` draws. The planner trusts
/// its input: run the rules first and plan only a topology without errors.
public enum Planner {
    public static func plan(_ resolved: ResolvedTopology) -> Plan {
        let links = ConnectionModel.resolvedLinks(in: resolved)
        let secured = resolved.maestroServers.filter(\.ssl.enabled)
        let roots = secured.compactMap { $0.ssl.ca?.value }.uniqued()
        let servers = resolved.maestroServers.map { host in
            serverPlan(host, in: resolved, links: links, roots: roots)
        }
        let external = resolved.externalHosts.map { host in
            let listens = self.listens(of: host, links: links)
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
        _ host: ResolvedHost, in resolved: ResolvedTopology, links: [ConnectionModel.ResolvedLink], roots: [String]
    ) -> ServerPlan {
        let listens = listens(of: host, links: links)
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
            connects: connections(of: host, links: links), firewall: firewall,
            certificate: certificate, trustedRoots: certificate == nil ? [] : roots, sslIni: sslIni,
            checklist: [], expectedLogLines: logLines)
        plan.checklist = Checklist.steps(for: plan, host: host)
        return plan
    }

    /// Every port `host` listens on, one entry per port, with who uses it.
    static func listens(of host: ResolvedHost, links: [ConnectionModel.ResolvedLink]) -> [Listen] {
        var byPort: [Int: Listen] = [:]
        for link in links where link.toHost == host.name {
            let peer: String
            switch link.from {
            case let .component(from, _): peer = from
            case .anyone: peer = "any"
            }
            var listen = byPort[link.port] ?? Listen(port: link.port, purposes: [], from: [])
            if !listen.purposes.contains(link.purpose) { listen.purposes.append(link.purpose) }
            if !listen.from.contains(peer) { listen.from.append(peer) }
            byPort[link.port] = listen
        }
        return byPort.keys.sorted().map { byPort[$0]! }
    }

    /// Where `host` connects to: every link it opens, once each.
    static func connections(of host: ResolvedHost, links: [ConnectionModel.ResolvedLink]) -> [Connection] {
        var result: [Connection] = []
        for link in links {
            guard case let .component(from, _) = link.from, from == host.name else { continue }
            let connection = Connection(host: link.toHost, port: link.port, purpose: link.purpose)
            if !result.contains(connection) { result.append(connection) }
        }
        return result
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
