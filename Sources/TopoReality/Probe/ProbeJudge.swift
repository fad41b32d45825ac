import Foundation
import TopoCheck
import TopoModel
import TopoSource

/// What one probe run makes of each endpoint's answer: the endpoint as
/// reported, and the findings, which point at the topology line of the
/// listening host (or the line that decides its SSL).
struct ProbeJudge {
    let resolved: ResolvedTopology
    let request: ProbeRequest
    private(set) var findings: [Diagnostic] = []

    init(resolved: ResolvedTopology, request: ProbeRequest) {
        self.resolved = resolved
        self.request = request
    }

    mutating func endpoint(
        _ target: MeshProbe.Target, address: (host: String, port: Int, mapped: Bool),
        outcome: Result<TLSProbeResult, ConnectFailure>
    ) -> ProbeReport.Endpoint {
        let host = target.host
        let name = "\(host.name):\(target.port)"
        let components = target.components.map(\.rawValue).joined(separator: ", ")
        let via = address.mapped ? "\(address.host):\(address.port)" : nil
        let shownVia = via.map { " (reached at \($0))" } ?? ""
        var endpoint = ProbeReport.Endpoint(
            host: host.name, port: target.port, component: components, connectedTo: via, reachable: false, tls: nil,
            detail: "", version: nil, chain: [], clientCertificate: request.identity == nil ? .notPresented : .unknown)
        let result: TLSProbeResult
        switch outcome {
        case let .failure(failure):
            endpoint.detail = failure.description
            findings.append(EndpointUnreachable.diagnostic(
                "\(name) (\(components))\(shownVia): \(failure.description)", at: host.nameLocation, host: host.name,
                notes: [Self.advice(failure, port: target.port)]))
            return endpoint
        case let .success(success):
            result = success
        }
        endpoint.reachable = true
        let planned = host.ssl.enabled
        let sslAt = host.ssl.enabledLocation ?? host.nameLocation
        switch result.transport {
        case let .plain(reason):
            endpoint.tls = false
            endpoint.detail = reason
            if planned {
                findings.append(SSLLiveMismatch.diagnostic(
                    "\(name) (\(components))\(shownVia) speaks plain text (it \(reason)), but component SSL is planned on",
                    at: sslAt, host: host.name,
                    notes: ["the server runs without ssl.ini in effect: write it and restart (maestro-topo verify on \(host.name) says what is missing)"]))
            }
            return endpoint
        case let .tls(version):
            endpoint.tls = true
            endpoint.version = version
            endpoint.detail = version
            if let problem = result.handshakeProblem, result.client == .notPresented || request.identity == nil {
                endpoint.detail += "; \(problem)"
            }
        }
        endpoint.chain = result.chain.compactMap { der in
            guard let facts = try? CertificateFacts(der: der) else { return nil }
            return .init(subject: facts.subject, issuer: facts.issuer, notBefore: Self.iso(facts.notBefore),
                         notAfter: Self.iso(facts.notAfter))
        }
        guard planned else {
            findings.append(SSLLiveMismatch.diagnostic(
                "\(name) (\(components))\(shownVia) speaks \(endpoint.version ?? "TLS"), but component SSL is planned off",
                at: sslAt, host: host.name,
                notes: ["the server reads an ssl.ini the plan does not know: remove it and restart, or plan SSL on"]))
            return endpoint
        }
        // The chain, judged as verify judges the keystore's.
        let outcomes = CertificateJudgement.judge(
            chain: result.chain, name: host.name, ca: host.ssl.ca?.value ?? "", caCertificates: request.caCertificates,
            now: request.now, expiryWarningDays: request.expiryWarningDays)
        for outcome in outcomes where !outcome.passed {
            findings.append(Diagnostic(
                rule: outcome.rule.id, severity: outcome.rule.descriptor.severity, message: "\(name): \(outcome.message)",
                location: host.nameLocation, host: host.name, notes: outcome.notes))
        }
        switch result.client {
        case .notPresented:
            endpoint.clientCertificate = .notPresented
        case let .accepted(guessed):
            endpoint.clientCertificate = .accepted
            if guessed { endpoint.detail += "; client certificate: no refusal within \(request.grace) s (TLS 1.3), taken as accepted" }
        case let .refused(reason):
            endpoint.clientCertificate = .refused
            findings.append(ClientCertificateRefused.diagnostic(
                "\(name) refused the client certificate of --client-keystore: \(reason)", at: host.nameLocation, host: host.name,
                notes: ["its partners presenting that certificate are refused too: check its SSLAllowedClients and trusted roots"]))
        case let .unknown(reason):
            endpoint.clientCertificate = .unknown
            endpoint.detail += "; client certificate: \(reason)"
        }
        return endpoint
    }

    /// All or nothing on the wire: TLS on some planned ports and plain on
    /// others is the outage component SSL's rule is about.
    mutating func checkAllOrNothing(_ endpoints: [ProbeReport.Endpoint]) {
        let tls = endpoints.filter { $0.tls == true }.map { "\($0.host):\($0.port)" }
        let plain = endpoints.filter { $0.tls == false }.map { "\($0.host):\($0.port)" }
        guard !tls.isEmpty, !plain.isEmpty else { return }
        let at = resolved.topology.componentSSL?.enabled?.location ?? resolved.topology.hostsLocation
        findings.append(PartialSSLLive.diagnostic(
            "component SSL is half on: \(tls.joined(separator: ", ")) \(tls.count == 1 ? "speaks" : "speak") TLS, \(plain.joined(separator: ", ")) \(plain.count == 1 ? "speaks" : "speak") plain text",
            at: at, notes: ["the components on the two sides cannot reach each other; every Maestro server needs ssl.ini (or none does), then a restart of all"]))
    }

    static func advice(_ failure: ConnectFailure, port: Int) -> String {
        switch failure {
        case .unresolved: "the name does not resolve from here: check DNS, or reach the port with --connect-to HOST:PORT=ADDR:PORT"
        case .refused: "nothing listens on \(port): is the component running, and on the planned port?"
        case .unreachable: "no route to the host from here: check the network between this machine and the server"
        case .timeout: "no answer in time: a firewall may drop the packets (maestro-topo plan lists the rules to open)"
        }
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
