/// Derives the plan from a topology with defaults applied. The planner trusts
/// its input: run the rules first and plan only a topology without errors.
public enum Planner {
    public static func plan(_ topology: Topology) -> Plan {
        plan(ResolvedTopology(topology))
    }

    static func plan(_ resolved: ResolvedTopology) -> Plan {
        let links = ConnectionModel.links.filter { $0.applies(resolved.trackerDirection) }
        let secured = resolved.maestroServers.filter(\.ssl.enabled)
        let roots = secured.compactMap { $0.ssl.ca?.value }.uniqued()
        let servers = resolved.maestroServers.map { host in
            serverPlan(host, in: resolved, links: links, roots: roots)
        }
        let external = resolved.externalHosts.map { host in
            let listens = self.listens(of: host, in: resolved, links: links)
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
        _ host: ResolvedHost, in resolved: ResolvedTopology, links: [ConnectionModel.Link], roots: [String]
    ) -> ServerPlan {
        let listens = listens(of: host, in: resolved, links: links)
        let firewall = firewall(for: host.name, listens)
        var certificate: CertificatePlan?
        var sslIni: SSLIniPlan?
        if host.ssl.enabled, let password = host.ssl.password {
            let alias = ResolvedSSL.certificateAlias(for: host.name)
            certificate = CertificatePlan(
                subject: "CN=\(host.name)", keystore: host.ssl.keystore.value, alias: alias,
                ca: host.ssl.ca?.value ?? "")
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
            connects: connections(of: host, in: resolved, links: links), firewall: firewall,
            certificate: certificate, trustedRoots: certificate == nil ? [] : roots, sslIni: sslIni,
            checklist: [], expectedLogLines: logLines)
        plan.checklist = Checklist.steps(for: plan, host: host)
        return plan
    }

    /// Every port `host` listens on, one entry per port, with who uses it.
    static func listens(of host: ResolvedHost, in resolved: ResolvedTopology, links: [ConnectionModel.Link]) -> [Listen] {
        var byPort: [Int: Listen] = [:]
        var order: [Int] = []
        for link in links where host.components.contains(link.to) {
            let port = ConnectionModel.port(link.port, on: host)
            let peers: [String]
            switch link.from {
            case let .component(component): peers = resolved.hosts(running: component).map(\.name)
            case .anyone: peers = ["any"]
            }
            guard !peers.isEmpty else { continue }
            if byPort[port] == nil {
                byPort[port] = Listen(port: port, purposes: [], from: [])
                order.append(port)
            }
            byPort[port]!.purposes.append(link.purpose)
            byPort[port]!.from = (byPort[port]!.from + peers).uniqued()
        }
        return order.sorted().map { byPort[$0]! }
    }

    static func connections(of host: ResolvedHost, in resolved: ResolvedTopology, links: [ConnectionModel.Link]) -> [Connection] {
        var result: [Connection] = []
        for link in links {
            guard case let .component(component) = link.from, host.components.contains(component) else { continue }
            for target in resolved.hosts(running: link.to) {
                let connection = Connection(
                    host: target.name, port: ConnectionModel.port(link.port, on: target), purpose: link.purpose)
                if !result.contains(connection) { result.append(connection) }
            }
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
