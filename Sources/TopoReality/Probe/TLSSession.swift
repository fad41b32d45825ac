internal import COpenSSL
#if canImport(Glibc)
import Glibc
#endif

/// The TLS side of one probe, on a connected non-blocking socket: the
/// handshake, what the first bytes say about the port, and what the
/// server thinks of our certificate.
enum TLSSession {
    static let requiresCertificate = "the server requires a client certificate"

    static func run(
        _ connection: ProbeConnection, serverName: String, timeout: Double, grace: Double, identity: ClientIdentity?
    ) -> TLSProbeResult {
        guard let context = connection.makeContext() else { return unusable("no TLS context") }
        defer { SSL_CTX_free(context) }
        guard let ssl = SSL_new(context) else { return unusable("no TLS connection object") }
        defer { SSL_free(ssl) }
        guard let bio = SocketBIO.make(for: connection) else { return unusable("no I/O for the socket") }
        SSL_set_bio(ssl, bio, bio)
        _ = SSL_set_ex_data(ssl, ProbeConnection.slot, connection.pointer)
        if isHostName(serverName) {
            _ = serverName.withCString { name in
                SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, Int(TLSEXT_NAMETYPE_host_name), UnsafeMutableRawPointer(mutating: name))
            }
        }
        var identityProblem: String?
        if let identity { identityProblem = identity.install(on: ssl) }
        let presenting = identity != nil && identityProblem == nil

        switch handshake(ssl, connection, timeout: timeout) {
        case let .plain(reason):
            return TLSProbeResult(transport: .plain(reason: reason), chain: [], client: .notPresented, handshakeProblem: nil)
        case let .failed(reason):
            let requested = connection.certificateRequested
            var client = TLSProbeResult.ClientVerdict.notPresented
            var problem = reason
            if let identityProblem {
                client = .unknown(identityProblem)
            } else if presenting && requested {
                if let alert = connection.alert {
                    client = .refused(ProbeConnection.alertText(alert))
                    problem = "the server refused the client certificate (\(ProbeConnection.alertText(alert)))"
                } else {
                    client = .unknown(reason)
                }
            } else if requested && connection.alert.map(Self.isCertificateAlert) ?? true {
                problem = requiresCertificate
            }
            return TLSProbeResult(
                transport: .tls(version: connection.version(ssl)), chain: chain(ssl, connection),
                client: client, handshakeProblem: problem)
        case .done:
            return completed(ssl, connection, grace: grace, presenting: presenting, identityProblem: identityProblem)
        }
    }

    /// After a handshake that went through: in TLS 1.3 the server has not
    /// yet judged our certificate, so its verdict is awaited.
    private static func completed(
        _ ssl: OpaquePointer, _ connection: ProbeConnection, grace: Double, presenting: Bool, identityProblem: String?
    ) -> TLSProbeResult {
        var result = TLSProbeResult(
            transport: .tls(version: connection.version(ssl)), chain: chain(ssl, connection),
            client: identityProblem.map { .unknown($0) } ?? .notPresented, handshakeProblem: nil)
        var intact = true
        if connection.certificateRequested && SSL_version(ssl) != TLS1_3_VERSION {
            // TLS 1.2: the server checked our certificate before its Finished.
            if presenting { result.client = .accepted(guessed: false) }
        } else if connection.certificateRequested {
            switch aftermath(ssl, connection, grace: grace) {
            case let .alert(alert):
                intact = false
                let text = ProbeConnection.alertText(alert)
                if presenting {
                    result.client = .refused(text)
                    result.handshakeProblem = "the server refused the client certificate (\(text))"
                } else {
                    result.handshakeProblem = isCertificateAlert(alert) ? requiresCertificate : "the server sent the alert '\(text)'"
                }
            case let .closed(reason):
                intact = false
                if presenting { result.client = .unknown(reason) }
                result.handshakeProblem = reason
            case .acknowledged:
                if presenting { result.client = .accepted(guessed: false) }
            case .silent:
                if presenting { result.client = .accepted(guessed: true) }
            }
        }
        // A close_notify, once; never after a fatal error.
        if intact { _ = SSL_shutdown(ssl) }
        return result
    }

    /// For the few ways OpenSSL itself can fail to set up.
    private static func unusable(_ what: String) -> TLSProbeResult {
        let reason = OpenSSLError.take().reason("OpenSSL could not make \(what)")
        return TLSProbeResult(transport: .tls(version: "unknown"), chain: [], client: .unknown(reason), handshakeProblem: reason)
    }

    /// Alerts that say "your certificate" (or its absence) is the problem.
    static func isCertificateAlert(_ alert: Int32) -> Bool {
        [SSL_AD_HANDSHAKE_FAILURE, SSL_AD_BAD_CERTIFICATE, SSL_AD_CERTIFICATE_UNKNOWN, SSL_AD_UNKNOWN_CA,
         SSL_AD_ACCESS_DENIED, SSL_AD_CERTIFICATE_REQUIRED, SSL_AD_UNSUPPORTED_CERTIFICATE].contains(alert)
    }

    /// SNI takes a host name, never an address (RFC 6066).
    static func isHostName(_ name: String) -> Bool {
        guard !name.isEmpty else { return false }
        var buffer = [UInt8](repeating: 0, count: 16)
        return inet_pton(AF_INET, name, &buffer) != 1 && inet_pton(AF_INET6, name, &buffer) != 1
    }

    /// The chain from the verify callback, else what OpenSSL kept.
    private static func chain(_ ssl: OpaquePointer, _ connection: ProbeConnection) -> [[UInt8]] {
        if connection.chain.isEmpty { connection.record(SSL_get_peer_cert_chain(ssl)) }
        return connection.chain
    }
}
