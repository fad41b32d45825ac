import Foundation
import TopoReality
import TopoTestSupport
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// `TLSClient.probe` against real peers: `openssl s_server` for TLS 1.2
/// and 1.3 with and without client authentication, and listeners of our
/// own for the ports that do not speak TLS. Nothing is mocked: the bytes
/// go through the loopback interface.
final class TLSClientTests: XCTestCase {
    private var servers: [OpenSSLServer] = []
    private var listeners: [PlainListener] = []

    override class func tearDown() {
        TLSMaterial.removeFolder()
        super.tearDown()
    }

    override func tearDown() {
        for server in servers { server.stop() }
        for listener in listeners { listener.stop() }
        servers = []
        listeners = []
        super.tearDown()
    }

    private func server(_ arguments: [String]) throws -> Int {
        let material = try TLSMaterial.shared()
        let server = try OpenSSLServer.start(material.openssl, arguments, in: material.folder)
        servers.append(server)
        return server.port
    }

    /// s_server with the server certificate (signed by the intermediate CA,
    /// which it sends along) demanding a client certificate from the CA
    /// (without -verify_return_error s_server only logs a bad one).
    private func demandingServer(_ version: String, _ extra: [String] = []) throws -> Int {
        let m = try TLSMaterial.shared()
        return try server(["-cert", m.path("server.pem"), "-key", m.path("server.key"), "-cert_chain", m.path("intermediate.pem"),
                           "-CAfile", m.path("ca.pem"), "-Verify", "1", "-verify_return_error", version] + extra)
    }

    private func probe(_ port: Int, identity: ClientIdentity? = nil, timeout: Double = 5, grace: Double = 0.4) throws -> TLSProbeResult {
        try TLSClient.probe(address: "127.0.0.1", port: port, serverName: "server.example.com", timeout: timeout, grace: grace,
                            identity: identity)
    }

    // MARK: Without a client certificate

    func testTLS13ServerDemandingACertificateShowsItsChainFirst() throws {
        let m = try TLSMaterial.shared()
        let result = try probe(try demandingServer("-tls1_3"))
        XCTAssertEqual(result.transport, .tls(version: "TLSv1.3"))
        XCTAssertEqual(result.chain, [m.server, m.intermediate])
        XCTAssertEqual(result.client, .notPresented)
        XCTAssertEqual(result.handshakeProblem, "the server requires a client certificate")
    }

    func testTLS12ServerDemandingACertificateShowsItsChainFirst() throws {
        let m = try TLSMaterial.shared()
        let result = try probe(try demandingServer("-tls1_2"))
        XCTAssertEqual(result.transport, .tls(version: "TLSv1.2"))
        XCTAssertEqual(result.chain, [m.server, m.intermediate])
        XCTAssertEqual(result.client, .notPresented)
        XCTAssertEqual(result.handshakeProblem, "the server requires a client certificate")
    }

    // MARK: With a client certificate

    func testTLS13AcceptsTheCAsClientCertificate() throws {
        let m = try TLSMaterial.shared()
        let port = try demandingServer("-tls1_3")
        for identity in [try m.identity(), try m.identity(jks: true)] {
            let result = try probe(port, identity: identity)
            XCTAssertEqual(result.transport, .tls(version: "TLSv1.3"))
            XCTAssertEqual(result.chain, [m.server, m.intermediate])
            // s_server sends session tickets once it has checked the certificate.
            XCTAssertEqual(result.client, .accepted(guessed: false))
            XCTAssertNil(result.handshakeProblem)
        }
    }

    func testTLS13AcceptanceWithoutATicketIsAGuessAfterTheGracePeriod() throws {
        let port = try demandingServer("-tls1_3", ["-num_tickets", "0"])
        let start = Date()
        let result = try probe(port, identity: try TLSMaterial.shared().identity(), grace: 0.5)
        XCTAssertEqual(result.client, .accepted(guessed: true))
        XCTAssertNil(result.handshakeProblem)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(start), 0.5)
    }

    func testTLS12AcceptsTheCAsClientCertificate() throws {
        let m = try TLSMaterial.shared()
        let result = try probe(try demandingServer("-tls1_2"), identity: try m.identity(jks: true))
        XCTAssertEqual(result.transport, .tls(version: "TLSv1.2"))
        XCTAssertEqual(result.chain, [m.server, m.intermediate])
        XCTAssertEqual(result.client, .accepted(guessed: false))
        XCTAssertNil(result.handshakeProblem)
    }

    func testTLS13RefusesAClientCertificateOfAnotherCA() throws {
        let m = try TLSMaterial.shared()
        let result = try probe(try demandingServer("-tls1_3"), identity: try m.identity(stranger: true))
        XCTAssertEqual(result.transport, .tls(version: "TLSv1.3"))
        XCTAssertEqual(result.chain, [m.server, m.intermediate])
        XCTAssertEqual(result.client, .refused("unknown CA"))
        XCTAssertEqual(result.handshakeProblem, "the server refused the client certificate (unknown CA)")
    }

    func testTLS12RefusesAClientCertificateOfAnotherCA() throws {
        let m = try TLSMaterial.shared()
        let result = try probe(try demandingServer("-tls1_2"), identity: try m.identity(stranger: true))
        XCTAssertEqual(result.transport, .tls(version: "TLSv1.2"))
        XCTAssertEqual(result.chain, [m.server, m.intermediate])
        XCTAssertEqual(result.client, .refused("unknown CA"))
    }

    /// A server that asks for no certificate never sees ours.
    func testAServerWithoutClientAuthenticationIsNotShownTheCertificate() throws {
        let m = try TLSMaterial.shared()
        let port = try server(["-cert", m.path("hub.pem"), "-key", m.path("hub.key"), "-tls1_3"])
        let result = try probe(port, identity: try m.identity())
        XCTAssertEqual(result, TLSProbeResult(transport: .tls(version: "TLSv1.3"), chain: [m.hub], client: .notPresented,
                                              handshakeProblem: nil))
    }

    // MARK: Server name

    /// s_server answers the name hub.example.com with the second
    /// certificate; any other name, or none, with the first.
    func testTheServerNameIsSentAsSNIButNeverAnAddress() throws {
        let m = try TLSMaterial.shared()
        let port = try server(["-cert", m.path("server.pem"), "-key", m.path("server.key"), "-cert_chain", m.path("intermediate.pem"),
                               "-servername", "hub.example.com", "-cert2", m.path("hub.pem"), "-key2", m.path("hub.key")])
        func leaf(_ name: String, address: String = "127.0.0.1") throws -> [UInt8]? {
            try TLSClient.probe(address: address, port: port, serverName: name, timeout: 5).chain.first
        }
        XCTAssertEqual(try leaf("hub.example.com"), m.hub)
        XCTAssertEqual(try leaf("HUB.example.com", address: "localhost"), m.hub)
        XCTAssertEqual(try leaf("server.example.com"), m.server)
        XCTAssertEqual(try leaf("127.0.0.1"), m.server)
    }

    /// TLS, but no version this client speaks: the server's alert comes
    /// before any ServerHello, so there is no version to name.
    func testAServerWithOnlyTLS11IsTLSWithoutAVersion() throws {
        let m = try TLSMaterial.shared()
        let port = try server(["-cert", m.path("hub.pem"), "-key", m.path("hub.key"), "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0"])
        XCTAssertEqual(try probe(port), TLSProbeResult(
            transport: .tls(version: "unknown"), chain: [], client: .notPresented,
            handshakeProblem: "the server offers no TLS version from 1.2 up (alert 'protocol version')"))
    }

    // MARK: Ports that do not speak TLS

    func testAListenerThatClosesIsPlain() throws {
        let listener = try PlainListener(.close)
        listeners.append(listener)
        let result = try probe(listener.port)
        XCTAssertEqual(result.transport, .plain(reason: "closed the connection on a TLS ClientHello"))
        XCTAssertEqual(result.chain, [])
        XCTAssertNil(result.handshakeProblem)
    }

    /// A reset may hit our ClientHello as it is written (EPIPE, which with
    /// `write` would be SIGPIPE and the end of the test process) or
    /// arrive as the answer: the same either way.
    func testAListenerThatResetsIsPlain() throws {
        let listener = try PlainListener(.reset)
        listeners.append(listener)
        for _ in 0..<5 {
            XCTAssertEqual(try probe(listener.port).transport, .plain(reason: "reset the connection on a TLS ClientHello"))
        }
    }

    func testASilentListenerIsPlainAfterTheTimeout() throws {
        let listener = try PlainListener(.silent)
        listeners.append(listener)
        let start = Date()
        let result = try probe(listener.port, timeout: 1)
        XCTAssertEqual(result.transport, .plain(reason: "sent no answer to a TLS ClientHello within 1 s"))
        XCTAssertEqual(Date().timeIntervalSince(start), 1, accuracy: 0.5)
    }

    func testAListenerAnsweringInPlainTextIsPlain() throws {
        let listener = try PlainListener(.answer(Array("HTTP/1.1 400 Bad Request\r\n\r\n".utf8)))
        listeners.append(listener)
        let result = try probe(listener.port)
        XCTAssertEqual(result.transport, .plain(reason: "answered with bytes that are no TLS record (0x485454502f)"))
    }

    // MARK: No connection

    func testAClosedPortIsRefused() throws {
        let port = try PlainListener.freePort()
        XCTAssertThrowsError(try probe(port)) { XCTAssertEqual($0 as? ConnectFailure, .refused) }
    }

    func testAnUnknownNameDoesNotResolve() {
        XCTAssertThrowsError(try TLSClient.probe(address: "nonexistent.invalid", port: 443, serverName: "nonexistent.invalid",
                                                 timeout: 5)) { error in
            guard case let .unresolved(message)? = error as? ConnectFailure else { return XCTFail("\(error)") }
            XCTAssertFalse(message.isEmpty)
        }
    }

    /// A listener whose accept queue is full drops further SYNs (Linux),
    /// as a firewall that drops packets does.
    func testAPortThatDropsTheConnectionTimesOut() throws {
        let listener = try PlainListener(.full)
        listeners.append(listener)
        let start = Date()
        XCTAssertThrowsError(try probe(listener.port, timeout: 0.5)) { XCTAssertEqual($0 as? ConnectFailure, .timeout) }
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
    }

    // MARK: Many threads

    func testProbesOnManyThreadsAtOnceKeepTheirOwnResults() throws {
        let m = try TLSMaterial.shared()
        let tls = try server(["-cert", m.path("hub.pem"), "-key", m.path("hub.key")])
        let closing = try PlainListener(.close)
        listeners.append(closing)
        let ports = (0..<12).map { $0.isMultiple(of: 2) ? tls : closing.port }
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var found: [Int: TLSProbeResult] = [:]
        }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: ports.count) { index in
            let result = try? TLSClient.probe(address: "127.0.0.1", port: ports[index], serverName: "hub.example.com", timeout: 10)
            results.lock.lock()
            results.found[index] = result
            results.lock.unlock()
        }
        let found = results.found
        for index in ports.indices {
            if index.isMultiple(of: 2) {
                XCTAssertEqual(found[index]?.chain, [m.hub], "probe \(index)")
            } else {
                XCTAssertEqual(found[index]?.transport, .plain(reason: "closed the connection on a TLS ClientHello"), "probe \(index)")
            }
        }
    }

    // MARK: Loading the identity

    func testTheIdentityLoadsFromPKCS12AndJKSAlike() throws {
        let m = try TLSMaterial.shared()
        let pkcs12 = try m.identity(), jks = try m.identity(jks: true)
        XCTAssertEqual(pkcs12.chain.first, m.client)
        XCTAssertEqual(jks.chain, pkcs12.chain)
        let named = try ClientIdentity.load(bytes: m.clientJKS, password: Array(TLSMaterial.password.utf8), alias: "CLIENT")
        XCTAssertEqual(named.chain, jks.chain)
    }

    func testTheIdentityRefusesAWrongPasswordAndAnUnknownAlias() throws {
        let m = try TLSMaterial.shared()
        for store in [m.clientPKCS12, m.clientJKS] {
            XCTAssertThrowsError(try ClientIdentity.load(bytes: store, password: Array("wrong".utf8), alias: nil)) {
                XCTAssertEqual($0 as? Keystore.Failure, .wrongPassword)
            }
            XCTAssertThrowsError(try ClientIdentity.load(bytes: store, password: Array(TLSMaterial.password.utf8), alias: "nobody")) {
                guard case let .unusable(reason)? = $0 as? Keystore.Failure else { return XCTFail("\($0)") }
                XCTAssertTrue(reason.contains("no private-key entry 'nobody'"), reason)
                XCTAssertFalse(reason.contains(TLSMaterial.password))
            }
        }
    }
}

/// The certificates the peers and the client use, made with openssl (and
/// keytool for the JKS store) once per test run, in a folder that stays
/// while the servers read from it.
final class TLSMaterial: @unchecked Sendable {
    static let password = "client-pass-1"

    let folder: URL
    let openssl: String
    /// DER: server.example.com (signed by the intermediate CA), the
    /// intermediate CA, hub.example.com (signed by the CA), and the
    /// client's certificate (signed by the CA).
    private(set) var server: [UInt8] = [], intermediate: [UInt8] = [], hub: [UInt8] = [], client: [UInt8] = []
    /// The client's key and chain as `openssl pkcs12 -export` and keytool
    /// (JKS) write them; the stranger's is signed by another CA.
    private(set) var clientPKCS12: [UInt8] = [], clientJKS: [UInt8] = [], strangerPKCS12: [UInt8] = []

    nonisolated(unsafe) private static var made: Result<TLSMaterial, any Error>?
    private static let lock = NSLock()

    static func shared() throws -> TLSMaterial {
        lock.lock()
        defer { lock.unlock() }
        if made == nil { made = Result { try TLSMaterial() } }
        return try made!.get()
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// After the last test of the class: no server reads the files any more.
    static func removeFolder() {
        lock.lock()
        defer { lock.unlock() }
        if case let .success(material)? = made { try? FileManager.default.removeItem(at: material.folder) }
        made = nil
    }

    func identity(jks: Bool = false, stranger: Bool = false) throws -> ClientIdentity {
        try ClientIdentity.load(bytes: stranger ? strangerPKCS12 : jks ? clientJKS : clientPKCS12,
                                password: Array(Self.password.utf8), alias: nil)
    }

    private init() throws {
        openssl = try Tool.require("openssl")
        let keytool = try Tool.require("keytool")
        folder = try Tool.temporaryDirectory()
        try ca("ca", "TLS Test CA")
        try ca("other-ca", "Other Test CA")
        try leaf("intermediate", "TLS Test Intermediate CA", signer: "ca", isCA: true)
        try leaf("server", "server.example.com", signer: "intermediate")
        try leaf("hub", "hub.example.com", signer: "ca")
        try leaf("client", "client.example.com", signer: "ca", rsa: true)
        try leaf("stranger", "stranger.example.com", signer: "other-ca", rsa: true)
        let env = ["TLS_PW": Self.password]
        for (name, ca) in [("client", "ca"), ("stranger", "other-ca")] {
            try run(openssl, ["pkcs12", "-export", "-in", path("\(name).pem"), "-inkey", path("\(name).key"), "-certfile",
                              path("\(ca).pem"), "-name", name, "-out", path("\(name).p12"), "-passout", "env:TLS_PW"], env)
        }
        try run(keytool, ["-importkeystore", "-noprompt", "-srckeystore", path("client.p12"), "-srcstoretype", "PKCS12",
                          "-srcstorepass:env", "TLS_PW", "-destkeystore", path("client.jks"), "-deststoretype", "JKS",
                          "-deststorepass:env", "TLS_PW"], env)
        func der(_ name: String) throws -> [UInt8] {
            let pem = try String(contentsOfFile: path("\(name).pem"), encoding: .utf8)
            return try XCTUnwrap(PEM.derCertificates(pem: pem).first)
        }
        server = try der("server")
        intermediate = try der("intermediate")
        hub = try der("hub")
        client = try der("client")
        clientPKCS12 = try [UInt8](Data(contentsOf: folder.appendingPathComponent("client.p12")))
        strangerPKCS12 = try [UInt8](Data(contentsOf: folder.appendingPathComponent("stranger.p12")))
        clientJKS = try [UInt8](Data(contentsOf: folder.appendingPathComponent("client.jks")))
    }

    private func ca(_ file: String, _ name: String) throws {
        try run(openssl, ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                          "-keyout", path("\(file).key"), "-out", path("\(file).pem"), "-days", "30", "-subj", "/CN=\(name)",
                          "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
    }

    private func leaf(_ file: String, _ name: String, signer: String, isCA: Bool = false, rsa: Bool = false) throws {
        let key = rsa ? ["-newkey", "rsa:2048"] : ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"]
        try run(openssl, ["req"] + key + ["-nodes", "-keyout", path("\(file).key"), "-out", path("\(file).csr"),
                                          "-subj", "/CN=\(name)"])
        let extensions = isCA
            ? "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n"
            : "subjectAltName=DNS:\(name)\nbasicConstraints=CA:FALSE\n"
        try Data(extensions.utf8).write(to: folder.appendingPathComponent("\(file).ext"))
        try run(openssl, ["x509", "-req", "-in", path("\(file).csr"), "-CA", path("\(signer).pem"), "-CAkey",
                          path("\(signer).key"), "-CAcreateserial", "-out", path("\(file).pem"), "-days", "30",
                          "-extfile", path("\(file).ext")])
    }

    private func run(_ program: String, _ arguments: [String], _ environment: [String: String] = [:]) throws {
        let result = try Tool.runProgram(program, arguments, environment: environment, in: folder)
        guard result.status == 0 else {
            throw NSError(domain: "TLSMaterial", code: Int(result.status), userInfo: [
                NSLocalizedDescriptionKey: "\(program) \(arguments.prefix(3).joined(separator: " ")) failed: \(result.stderr)",
            ])
        }
    }
}

/// `openssl s_server` on a free loopback port, until `stop()`. Its stdin is
/// a pipe kept open (at end of input it would close its connections); its
/// output is drained so it never blocks on a full pipe.
final class OpenSSLServer: @unchecked Sendable {
    let port: Int
    private let process: Process
    private let input: Pipe
    private let output: Pipe
    private let lock = NSLock()
    private var text = ""

    private init(port: Int, process: Process, input: Pipe, output: Pipe) {
        self.port = port
        self.process = process
        self.input = input
        self.output = output
    }

    /// Starts it and waits for its "ACCEPT"; another port when the one
    /// found free was taken in between.
    static func start(_ openssl: String, _ arguments: [String], in folder: URL) throws -> OpenSSLServer {
        var failure = ""
        for _ in 0..<5 {
            let port = try PlainListener.freePort()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: openssl)
            process.arguments = ["s_server", "-accept", "127.0.0.1:\(port)"] + arguments
            process.currentDirectoryURL = folder
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = output
            let server = OpenSSLServer(port: port, process: process, input: input, output: output)
            output.fileHandleForReading.readabilityHandler = { [weak server] handle in
                let data = handle.availableData
                if data.isEmpty { handle.readabilityHandler = nil }
                server?.append(String(decoding: data, as: UTF8.self))
            }
            try process.run()
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline && process.isRunning && !server.said("ACCEPT") { usleep(20_000) }
            if server.said("ACCEPT") && process.isRunning { return server }
            server.stop()
            failure = server.log
        }
        throw NSError(domain: "OpenSSLServer", code: 1, userInfo: [NSLocalizedDescriptionKey: "s_server did not start: \(failure)"])
    }

    private func append(_ more: String) {
        lock.lock()
        text += more
        lock.unlock()
    }

    var log: String {
        lock.lock()
        defer { lock.unlock() }
        return text
    }

    func said(_ word: String) -> Bool { log.contains(word) }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
    }
}

/// A loopback listener that does not speak TLS: it reads the ClientHello
/// and closes, resets the connection at once, holds the connection without a word, answers in plain
/// text, or (`full`) never accepts and has its queue full, so that the
/// kernel drops further connection attempts.
final class PlainListener: @unchecked Sendable {
    enum Mode: Sendable {
        case close, reset, silent, answer([UInt8]), full
    }

    let port: Int
    private let fd: Int32
    private let mode: Mode
    private let lock = NSLock()
    private var held: [Int32] = []

    init(_ mode: Mode) throws {
        self.mode = mode
        let (fd, port) = try Self.bound()
        self.fd = fd
        self.port = port
        guard listen(fd, { if case .full = mode { return 0 } else { return 16 } }()) == 0 else {
            close(fd)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        if case .full = mode {
            // Backlog 0: one finished connection fills the queue.
            for _ in 0..<2 {
                let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
                var address = Self.loopback(port)
                _ = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
                }
                held.append(client)
            }
            usleep(100_000)
        } else {
            Thread.detachNewThread { self.serve() }
        }
    }

    /// A port nothing listens on just now.
    static func freePort() throws -> Int {
        let (fd, port) = try bound()
        close(fd)
        return port
    }

    private static func loopback(_ port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private static func bound() throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = loopback(0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard fd >= 0, ok else {
            let error = errno
            close(fd)
            throw POSIXError(POSIXErrorCode(rawValue: error) ?? .EIO)
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// Accepts until `stop()` shuts the socket down, then closes it (here,
    /// so that no other thread's socket can get its number while this one
    /// still calls accept on it).
    private func serve() {
        while true {
            let connection = accept(fd, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                break
            }
            Thread.detachNewThread { self.handle(connection) }
        }
        close(fd)
    }

    private func handle(_ connection: Int32) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 1 << 14)
        switch mode {
        case .silent, .full:
            lock.lock()
            held.append(connection)
            lock.unlock()
            return
        case .close:
            _ = recv(connection, &buffer, buffer.count, 0)
        case .reset:
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(connection, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
            close(connection)
            return
        case let .answer(bytes):
            _ = recv(connection, &buffer, buffer.count, 0)
            _ = send(connection, bytes, bytes.count, Int32(MSG_NOSIGNAL))
        }
        // A FIN, not a reset: end our side, read until the client closes.
        shutdown(connection, Int32(SHUT_WR))
        while recv(connection, &buffer, buffer.count, 0) > 0 {}
        close(connection)
    }

    func stop() {
        if case .full = mode { close(fd) } else { shutdown(fd, Int32(SHUT_RDWR)) }
        lock.lock()
        for connection in held { close(connection) }
        held = []
        lock.unlock()
    }
}
