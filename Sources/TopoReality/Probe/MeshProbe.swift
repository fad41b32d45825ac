import Dispatch
import Foundation
import Synchronization
import TopoCheck
import TopoModel
import TopoPlan
import TopoSource

/// What `probe` is asked to do, as the command line gives it.
public struct ProbeRequest: Sendable {
    public var caCertificates: [[UInt8]]
    public var identity: ClientIdentity?
    public var connectTo: [ConnectTo]
    public var timeout: Double
    /// How long to wait for a TLS 1.3 server's verdict on our certificate.
    public var grace: Double
    public var jobs: Int
    public var now: Date
    public var expiryWarningDays: Int

    public init(
        caCertificates: [[UInt8]] = [], identity: ClientIdentity? = nil, connectTo: [ConnectTo] = [], timeout: Double = 5,
        grace: Double = 0.4, jobs: Int = 16, now: Date = Date(), expiryWarningDays: Int = 30
    ) {
        self.caCertificates = caCertificates
        self.identity = identity
        self.connectTo = connectTo
        self.timeout = timeout
        self.grace = grace
        self.jobs = jobs
        self.now = now
        self.expiryWarningDays = expiryWarningDays
    }
}

/// `--connect-to HOST:PORT=ADDR:PORT`: a planned endpoint reached at
/// another address, as curl's option of that name does. The certificate
/// is still judged against the planned name, which is also sent as SNI.
public struct ConnectTo: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var address: String
    public var addressPort: Int

    public init?(argument: String) {
        let sides = argument.split(separator: "=", maxSplits: 1).map(String.init)
        guard sides.count == 2, let from = Self.hostPort(sides[0]), let to = Self.hostPort(sides[1]) else { return nil }
        (host, port, address, addressPort) = (from.0, from.1, to.0, to.1)
    }

    /// `name:port`, `1.2.3.4:port` or `[::1]:port`.
    static func hostPort(_ text: String) -> (String, Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (1...65535).contains(port) else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }
}

/// `probe`: every planned component port of every Maestro server, reached
/// over the network and compared with the plan.
public enum MeshProbe {
    /// One port to probe: the host listening, the port, the components
    /// that listen there (the internal port on the HUB host, the Tracker
    /// port on the TRK host).
    struct Target {
        var host: ResolvedHost
        var port: Int
        var components: [Component]
    }

    /// The component ports the plan has partners connect to, in plan order;
    /// the HTTP port never (browsers use it, and component SSL is not on it).
    static func targets(_ resolved: ResolvedTopology) -> [Target] {
        var found: [Target] = []
        for link in ConnectionModel.resolvedLinks(in: resolved) where link.isComponentLink {
            guard let host = resolved.host(named: link.toHost), link.port != host.httpPort.value else { continue }
            if let index = found.firstIndex(where: { $0.host.name == host.name && $0.port == link.port }) {
                if !found[index].components.contains(link.to) { found[index].components.append(link.to) }
            } else {
                found.append(Target(host: host, port: link.port, components: [link.to]))
            }
        }
        let order = Dictionary(uniqueKeysWithValues: resolved.hosts.enumerated().map { ($1.name, $0) })
        return found.sorted { (order[$0.host.name] ?? 0, $0.port) < (order[$1.host.name] ?? 0, $1.port) }
    }

    public static func probe(_ resolved: ResolvedTopology, source: SourceFile, request: ProbeRequest) -> ProbeReport {
        let targets = targets(resolved)
        let results = Mutex<[Int: Result<TLSProbeResult, ConnectFailure>]>([:])
        let slots = DispatchSemaphore(value: max(1, request.jobs))
        let group = DispatchGroup()
        for (index, target) in targets.enumerated() {
            slots.wait()
            group.enter()
            let address = Self.address(of: target, in: request)
            DispatchQueue.global().async {
                defer {
                    slots.signal()
                    group.leave()
                }
                let outcome: Result<TLSProbeResult, ConnectFailure>
                do {
                    outcome = .success(try TLSClient.probe(
                        address: address.host, port: address.port, serverName: target.host.name, timeout: request.timeout,
                        grace: request.grace, identity: request.identity))
                } catch let failure as ConnectFailure {
                    outcome = .failure(failure)
                } catch {
                    outcome = .failure(.unreachable("\(error)"))
                }
                results.withLock { $0[index] = outcome }
            }
        }
        group.wait()
        let outcomes = results.withLock { $0 }
        var judge = ProbeJudge(resolved: resolved, request: request)
        var endpoints: [ProbeReport.Endpoint] = []
        for (index, target) in targets.enumerated() {
            endpoints.append(judge.endpoint(target, address: Self.address(of: target, in: request), outcome: outcomes[index]!))
        }
        judge.checkAllOrNothing(endpoints)
        return ProbeReport(
            endpoints: endpoints, file: FileReport(source: source, diagnostics: judge.findings.sortedForOutput()))
    }

    static func address(of target: Target, in request: ProbeRequest) -> (host: String, port: Int, mapped: Bool) {
        let name = HostName.canonical(target.host.name)
        if let map = request.connectTo.first(where: { HostName.canonical($0.host) == name && $0.port == target.port }) {
            return (map.address, map.addressPort, true)
        }
        return (target.host.name, target.port, false)
    }
}
