internal import COpenSSL
#if canImport(Glibc)
import Glibc
#endif

/// What one port said to a TLS ClientHello.
public struct TLSProbeResult: Sendable, Equatable {
    public enum Transport: Sendable, Equatable {
        /// "TLSv1.2", "TLSv1.3"; "unknown" when the server answered in TLS
        /// but broke off before choosing a version (its alert is in
        /// `handshakeProblem`).
        case tls(version: String)
        /// Why the port is taken for plain text, worded to follow "it":
        /// "closed the connection on a TLS ClientHello", "sent no answer
        /// to a TLS ClientHello within 5 s", "answered with bytes that are
        /// no TLS record (0x…)".
        case plain(reason: String)
    }

    public enum ClientVerdict: Sendable, Equatable {
        /// No identity given, or the server asked for no client certificate.
        case notPresented
        /// guessed: TLS 1.3, and neither a refusal nor a sign of acceptance
        /// (a session ticket, data) arrived within the grace period.
        case accepted(guessed: Bool)
        /// The server's alert, e.g. "bad certificate", "certificate
        /// required", "unknown CA".
        case refused(String)
        /// The handshake broke for another reason.
        case unknown(String)
    }

    public var transport: Transport
    /// The chain the server sent, leaf first, DER — captured even when the
    /// server demands a client certificate we do not present (it arrives
    /// before client authentication).
    public var chain: [[UInt8]]
    public var client: ClientVerdict
    /// Why the TLS connection failed, short (e.g. "the server requires a
    /// client certificate"); nil when the handshake completed and the
    /// server did not end the connection within the grace period. Set
    /// also when it failed before the certificate arrived (`chain` empty).
    public var handshakeProblem: String?

    public init(transport: Transport, chain: [[UInt8]], client: ClientVerdict, handshakeProblem: String?) {
        self.transport = transport
        self.chain = chain
        self.client = client
        self.handshakeProblem = handshakeProblem
    }
}

/// A TLS client that only looks: it connects, says hello, records what
/// the server shows, and leaves without sending application data. It
/// trusts nothing and checks nothing: the caller judges the chain
/// (`ChainCheck`, `CertificateFacts`). Everything lives in one call, so
/// probes run on many threads at once.
public enum TLSClient {
    /// Connects to `address`:`port` (a name or an IP), sends a TLS
    /// ClientHello with SNI `serverName` (left out when it is an IP
    /// address), and reports. Sends nothing else: no application data.
    /// `timeout` bounds the connect (all addresses of the name together)
    /// and each wait for the server; the whole handshake takes at most
    /// three of them. `grace` is how long to wait after a TLS 1.3
    /// handshake for the server's verdict on our certificate.
    public static func probe(
        address: String, port: Int, serverName: String, timeout: Double, grace: Double = 0.4,
        identity: ClientIdentity? = nil
    ) throws(ConnectFailure) -> TLSProbeResult {
        let fd = try SocketConnect.connect(address: address, port: port, timeout: timeout)
        defer { close(fd) }
        // OpenSSL's error queue is per thread: start and leave it empty.
        ERR_clear_error()
        defer { ERR_clear_error() }
        let connection = ProbeConnection(fd: fd)
        return TLSSession.run(
            connection, serverName: serverName, timeout: max(0, timeout), grace: max(0, grace), identity: identity)
    }

    /// "5 s", "1.5 s".
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && value < 1e9 ? "\(Int(value)) s" : "\(value) s"
    }
}
