import Foundation
import TopoTestSupport
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// The harness of real Java TLS peers checks itself with real clients:
/// openssl s_client for the TLS listeners, plain sockets for the silent and
/// closing ones.
final class TLSPeersTests: XCTestCase {
    static let password = "peer store pw!"
    static let trustPassword = "peer trust pw"
    /// Stores made once for the class (keytool is slow) and one JVM for
    /// the checks that share it.
    nonisolated(unsafe) static var directory: URL!
    nonisolated(unsafe) static var fixture: InstallationFixture!
    nonisolated(unsafe) static var peers: TLSPeers?
    nonisolated(unsafe) static var setUpError: (any Error)?

    static func file(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// 0: TLSv1.3 needing a client certificate (JKS), 1: TLSv1.2 without
    /// (PKCS12), 2: silent, 3: closing.
    override class func setUp() {
        super.setUp()
        do {
            directory = try Tool.temporaryDirectory()
            let fixture = try InstallationFixture(in: directory)
            Self.fixture = fixture
            try fixture.serverKeystore(host: "hub.example.com", at: file("hub.jks"), password: password)
            try fixture.serverKeystore(host: "hub.example.com", at: file("hub.p12"), type: "PKCS12", password: password)
            try fixture.trustStore(at: file("trust.jks"), password: trustPassword)
            try makeClientCertificate("client", name: "Probe Client", signer: fixture.ca)
            // Both of the fixture's CAs are in the truststore: the stranger's is a third.
            let unknownCA = (key: file("unknown-ca.key"), certificate: file("unknown-ca.pem"))
            let made = try Tool.runProgram(fixture.openssl, [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", unknownCA.key.path,
                "-out", unknownCA.certificate.path, "-days", "30", "-subj", "/CN=Unknown CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign",
            ], in: directory)
            guard made.status == 0 else { throw TLSPeersError(message: "openssl req: \(made.stderr)") }
            try makeClientCertificate("stranger", name: "Stranger", signer: unknownCA)
            peers = try TLSPeers([
                .tls(address: "127.0.0.2", keystore: file("hub.jks"), truststore: file("trust.jks")),
                .tls(address: "127.0.0.2", keystore: file("hub.p12"), type: "PKCS12", truststore: nil,
                     protocolVersion: "TLSv1.2", needClientAuth: false),
                .silent(address: "127.0.0.3"),
                .closing(address: "127.0.0.4"),
            ], keystorePassword: password, truststorePassword: trustPassword, lifetime: 120, in: directory)
        } catch {
            setUpError = error
        }
    }

    override class func tearDown() {
        peers?.stop()
        peers = nil
        if let directory { try? FileManager.default.removeItem(at: directory) }
        super.tearDown()
    }

    /// `NAME.pem` and `NAME.key`: a client certificate signed by `signer`.
    static func makeClientCertificate(_ name: String, name subject: String, signer: (key: URL, certificate: URL)) throws {
        let openssl = fixture.openssl
        let key = file("\(name).key"), request = file("\(name).csr"), ext = file("\(name).cnf")
        try Data("basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n".utf8).write(to: ext)
        for arguments in [
            ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.path, "-out", request.path, "-subj", "/CN=\(subject)"],
            ["x509", "-req", "-in", request.path, "-CA", signer.certificate.path, "-CAkey", signer.key.path,
             "-CAcreateserial", "-days", "30", "-extfile", ext.path, "-out", file("\(name).pem").path],
        ] {
            let run = try Tool.runProgram(openssl, arguments, in: directory)
            guard run.status == 0 else { throw TLSPeersError(message: "openssl \(arguments[0]): \(run.stderr)") }
        }
    }

    func shared() throws -> TLSPeers {
        if let error = Self.setUpError { throw error }
        return try XCTUnwrap(Self.peers)
    }

    /// openssl s_client with an empty stdin: it prints what it got and closes.
    func sClient(_ endpoint: String, _ extra: [String]) throws -> String {
        let run = try Bounded.run(
            Self.fixture.openssl, ["s_client", "-connect", endpoint, "-servername", "hub.example.com"] + extra,
            in: Self.directory, seconds: 15)
        return run.stdout + run.stderr
    }

    func testTLS13ListenerPresentsItsChainAndNeedsATrustedClientCertificate() throws {
        let peers = try shared()
        let before = peers.events(0).count
        // No client certificate: the chain is still shown, the handshake then fails.
        let anonymous = try sClient(peers.endpoint(0), ["-tls1_3", "-showcerts"])
        XCTAssertTrue(anonymous.contains("s:CN = hub.example.com"), anonymous)
        XCTAssertTrue(anonymous.contains("i:CN = Maestro Test CA"), anonymous)
        XCTAssertTrue(anonymous.contains("TLSv1.3"), anonymous)
        var events = peers.waitForEvents(0, count: before + 1)
        XCTAssertEqual(events.count, before + 1, peers.log)
        XCTAssertEqual(events.last, "handshake-failed\tSSLHandshakeException: Empty client certificate chain", peers.log)

        // A certificate the CA signed: the handshake succeeds, the log names it.
        let client = Self.file("client.pem").path, key = Self.file("client.key").path
        _ = try sClient(peers.endpoint(0), ["-tls1_3", "-cert", client, "-key", key])
        events = peers.waitForEvents(0, count: before + 2)
        XCTAssertEqual(events.last, "handshake-ok\tCN=Probe Client", peers.log)

        // The server's own PKCS12 keystore as the client's, as a Maestro component presents it.
        let exported = Self.file("hub-client.pem")
        let export = try Tool.runProgram(Self.fixture.openssl, [
            "pkcs12", "-in", Self.file("hub.p12").path, "-nodes", "-clcerts", "-passin", "env:P12_PW", "-out", exported.path,
        ], environment: ["P12_PW": Self.password], in: Self.directory)
        XCTAssertEqual(export.status, 0, export.stderr)
        _ = try sClient(peers.endpoint(0), ["-tls1_3", "-cert", exported.path, "-key", exported.path])
        events = peers.waitForEvents(0, count: before + 3)
        XCTAssertEqual(events.last, "handshake-ok\tCN=hub.example.com", peers.log)

        // Signed by a CA the truststore does not hold: refused.
        _ = try sClient(peers.endpoint(0), ["-tls1_3", "-cert", Self.file("stranger.pem").path,
                                            "-key", Self.file("stranger.key").path])
        events = peers.waitForEvents(0, count: before + 4)
        XCTAssertTrue(events.last?.hasPrefix("handshake-failed\t") == true, peers.log)
        XCTAssertTrue(events.last?.contains("unable to find valid certification path") == true, peers.log)

        // Only TLSv1.3 is enabled.
        let old = try sClient(peers.endpoint(0), ["-tls1_2"])
        XCTAssertFalse(old.contains("s:CN = hub.example.com"), old)
        events = peers.waitForEvents(0, count: before + 5)
        XCTAssertTrue(events.last?.hasPrefix("handshake-failed\t") == true, peers.log)
        XCTAssertTrue(events.last?.contains("TLSv1.2 is not enabled") == true, peers.log)
        XCTAssertFalse(peers.log.contains(Self.password), "a password in the log")
    }

    func testTLS12ListenerWithoutClientAuthentication() throws {
        let peers = try shared()
        let before = peers.events(1).count
        let output = try sClient(peers.endpoint(1), ["-tls1_2"])
        XCTAssertTrue(output.contains("s:CN = hub.example.com"), output)
        XCTAssertTrue(output.contains("Protocol  : TLSv1.2"), output)
        var events = peers.waitForEvents(1, count: before + 1)
        XCTAssertEqual(events.last, "handshake-ok\t-", peers.log)

        let newer = try sClient(peers.endpoint(1), ["-tls1_3"])
        XCTAssertFalse(newer.contains("s:CN = hub.example.com"), newer)
        events = peers.waitForEvents(1, count: before + 2)
        XCTAssertTrue(events.last?.hasPrefix("handshake-failed\t") == true, peers.log)
    }

    func testSilentListenerSendsNothingAndKeepsTheConnection() throws {
        let peers = try shared()
        let socket = try PlainSocket(address: peers.addresses[2], port: peers.ports[2])
        defer { socket.close() }
        socket.send("\u{16}\u{03}\u{01}hello")
        XCTAssertFalse(socket.readable(within: 1), "the silent listener sent something or closed")
        XCTAssertTrue(peers.waitForEvents(2).contains("silent"), peers.log)
    }

    func testClosingListenerClosesWithoutWriting() throws {
        let peers = try shared()
        let before = peers.events(3).count
        let socket = try PlainSocket(address: peers.addresses[3], port: peers.ports[3])
        defer { socket.close() }
        let start = Date()
        socket.send("garbage")
        XCTAssertTrue(socket.readable(within: 4), "the closing listener kept the connection")
        XCTAssertEqual(socket.receive(), 0, "the closing listener wrote something")
        XCTAssertLessThan(Date().timeIntervalSince(start), 3)
        XCTAssertEqual(peers.waitForEvents(3, count: before + 1).last, "closed\t7", peers.log)
    }

    func testStopEndsTheJVMAndALifetimeEndsItByItself() throws {
        if let error = Self.setUpError { throw error }
        let directory = Self.directory!
        // Both JVMs start together: each takes seconds to compile the source.
        final class Started: @unchecked Sendable {
            let lock = NSLock()
            var peers: [Int: Result<TLSPeers, any Error>] = [:]
        }
        let started = Started()
        let start = Date()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let result = Result {
                try TLSPeers([.silent(address: "127.0.0.5")], keystorePassword: "", truststorePassword: "",
                             lifetime: index == 0 ? 120 : 3, in: directory)
            }
            started.lock.withLock { started.peers[index] = result }
        }
        let stopped = try XCTUnwrap(started.peers[0]).get(), expiring = try XCTUnwrap(started.peers[1]).get()

        let pid = stopped.processIdentifier
        XCTAssertEqual(kill(pid, 0), 0)
        stopped.stop()
        XCTAssertFalse(stopped.isRunning)
        let alive = kill(pid, 0), error = errno
        XCTAssertEqual(alive, -1)
        XCTAssertEqual(error, ESRCH)
        stopped.stop()  // idempotent
        XCTAssertThrowsError(try PlainSocket(address: "127.0.0.5", port: stopped.ports[0]))
        // Closing its stdin was enough: no signal was needed.
        XCTAssertTrue(stopped.log.contains("exit\tstdin-closed"), stopped.log)

        XCTAssertTrue(expiring.waitUntilExit(timeout: 10), "a JVM with a 3 s lifetime still runs")
        XCTAssertLessThan(Date().timeIntervalSince(start), 15)
        let expired = kill(expiring.processIdentifier, 0), expiredError = errno
        XCTAssertEqual(expired, -1)
        XCTAssertEqual(expiredError, ESRCH)
        XCTAssertTrue(expiring.log.contains("exit\tlifetime"), expiring.log)
    }

    func testKeyPasswordOtherThanTheKeystores() throws {
        if let error = Self.setUpError { throw error }
        let store = Self.file("key-password.jks")
        try Self.fixture.serverKeystore(host: "hub.example.com", at: store, password: Self.password, keyPassword: "key pw")
        let peers = try TLSPeers([.tls(address: "127.0.0.2", keystore: store, truststore: nil, needClientAuth: false)],
                                 keystorePassword: Self.password, truststorePassword: "", keyPassword: "key pw",
                                 lifetime: 30, in: Self.directory)
        defer { peers.stop() }
        let output = try sClient(peers.endpoint(0), ["-tls1_3"])
        XCTAssertTrue(output.contains("s:CN = hub.example.com"), output)
        XCTAssertEqual(peers.waitForEvents(0).last, "handshake-ok\t-", peers.log)
        // Without it, the keystore's password does not open the key.
        XCTAssertThrowsError(try TLSPeers([.tls(address: "127.0.0.2", keystore: store, truststore: nil)],
                                          keystorePassword: Self.password, truststorePassword: "", lifetime: 10,
                                          in: Self.directory)) { error in
            XCTAssertTrue("\(error)".contains("error\tlistener 0 (tls)"), "\(error)")
        }
    }

    func testRefusesAnAddressOtherThanLoopback() throws {
        if let error = Self.setUpError { throw error }
        XCTAssertThrowsError(try TLSPeers([.silent(address: "127.0.0.6"), .closing(address: "0.0.0.0")],
                                          keystorePassword: "", truststorePassword: "", lifetime: 10,
                                          in: Self.directory)) { error in
            XCTAssertTrue("\(error)".contains("refusing address 0.0.0.0"), "\(error)")
        }
    }
}

/// A plain TCP connection, for the listeners that are not TLS.
private final class PlainSocket {
    let fd: Int32

    init(address: String, port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TLSPeersError(message: "socket: \(errno)") }
        var peer = sockaddr_in()
        peer.sin_family = sa_family_t(AF_INET)
        peer.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, address, &peer.sin_addr) == 1 else {
            Glibc.close(fd)
            throw TLSPeersError(message: "bad address \(address)")
        }
        let result = withUnsafePointer(to: &peer) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let error = errno
            Glibc.close(fd)
            throw TLSPeersError(message: "connect to \(address):\(port): errno \(error)")
        }
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Whether data or the end of the connection arrives within `seconds`.
    func readable(within seconds: Double) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, Int32(seconds * 1000)) == 1
    }

    /// The bytes one recv returns: 0 at the end of the connection.
    func receive() -> Int {
        var buffer = [UInt8](repeating: 0, count: 256)
        return buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
    }

    func close() { Glibc.close(fd) }
}
