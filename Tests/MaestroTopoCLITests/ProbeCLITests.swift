import Foundation
import TopoCheck
import TopoReality
import TopoSource
import TopoTestSupport
import XCTest

/// `maestro-topo probe` against real Java TLS servers (one JVM, listeners
/// on 127.0.0.x, port 0, reached through --connect-to), with keystores made
/// by keytool and certificates from a throwaway CA.
final class ProbeCLITests: XCTestCase {
    static let password = "s3cret pw!"
    nonisolated(unsafe) static var stores: URL!
    nonisolated(unsafe) static var fixture: InstallationFixture!

    override class func setUp() {
        super.setUp()
        do {
            let directory = try Tool.temporaryDirectory()
            stores = directory
            let fixture = try InstallationFixture(in: directory)
            Self.fixture = fixture
            func store(_ name: String) -> URL { directory.appendingPathComponent(name) }
            try fixture.serverKeystore(host: "ui.acme.example", at: store("ui.jks"), password: password)
            try fixture.serverKeystore(host: "trk.acme.example", at: store("trk.jks"), password: password)
            try fixture.serverKeystore(host: "ui.acme.example", at: store("ui-wrong-cn.jks"), password: password,
                                       commonName: "intranet.acme.example")
            try fixture.serverKeystore(host: "ui.acme.example", at: store("ui-other-ca.jks"), password: password, otherCA: true)
            // The servers trust the CA alone, so a client certificate of the other CA is refused.
            try fixture.trustStore(at: store("trust.jks"), password: password, withOtherCA: false)
        } catch {
            stores = nil
            XCTFail("fixtures: \(error)")
        }
    }

    override class func tearDown() {
        if let stores { try? FileManager.default.removeItem(at: stores) }
        super.tearDown()
    }

    var directory: URL!
    var peers: TLSPeers?

    override func setUpWithError() throws {
        _ = try XCTUnwrap(Self.stores, "the keystores could not be made")
        directory = try Tool.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        peers?.stop()
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    func store(_ name: String) -> URL { Self.stores.appendingPathComponent(name) }

    /// The four-server example, its CA the fixture's.
    func topology(ssl: Bool = true) throws -> URL {
        var text = try String(contentsOf: Tool.packageRoot.appendingPathComponent("topologies/four-server.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "ca: Acme Issuing CA 2026", with: "ca: Maestro Test CA")
        if !ssl { text = text.replacingOccurrences(of: "enabled: true", with: "enabled: false") }
        let url = directory.appendingPathComponent("acme.yaml")
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Starts the listeners for ui (HUB, 1099) and trk (TRK, 7000).
    func start(ui: TLSPeers.Listener, trk: TLSPeers.Listener) throws -> [String] {
        let started = try TLSPeers([ui, trk], keystorePassword: Self.password, truststorePassword: Self.password,
                                   lifetime: 60, in: directory)
        peers = started
        return ["--connect-to", "ui.acme.example:1099=\(started.endpoint(0))",
                "--connect-to", "trk.acme.example:7000=\(started.endpoint(1))"]
    }

    func tls(_ keystore: String, address: String, version: String = "TLSv1.3") -> TLSPeers.Listener {
        .tls(address: address, keystore: store(keystore), truststore: store("trust.jks"), protocolVersion: version,
             needClientAuth: true)
    }

    func probe(_ topology: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> ToolRun {
        try Tool.run(["probe", topology.path, "--no-color", "--timeout", "3"] + arguments, environment: environment)
    }

    func json(_ run: ToolRun) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], run.stdout + run.stderr)
    }

    func endpoints(_ document: [String: Any]) -> [[String: Any]] { document["endpoints"] as? [[String: Any]] ?? [] }

    func rules(_ document: [String: Any]) -> Set<String> {
        Set((document["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String })
    }

    // MARK: all TLS

    func testAllTLSWithTheChainCapturedThoughAClientCertificateIsDemanded() throws {
        let connect = try start(ui: tls("ui.jks", address: "127.0.0.2"), trk: tls("trk.jks", address: "127.0.0.3", version: "TLSv1.2"))
        let run = try probe(try topology(), connect + ["--ca-file", Self.fixture.ca.certificate.path, "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let document = try json(run)
        XCTAssertEqual(rules(document), [])
        let found = endpoints(document)
        XCTAssertEqual(found.map { $0["host"] as? String }, ["ui.acme.example", "trk.acme.example"])
        XCTAssertEqual(found.map { $0["port"] as? Int }, [1099, 7000])
        XCTAssertEqual(found.map { $0["tls"] as? Bool }, [true, true])
        XCTAssertEqual(found.map { $0["version"] as? String }, ["TLSv1.3", "TLSv1.2"])
        XCTAssertEqual(found.map { $0["client_certificate"] as? String }, ["not-presented", "not-presented"])
        let chain = try XCTUnwrap(found[0]["chain"] as? [[String: Any]])
        XCTAssertEqual(chain.first?["subject"] as? String, "CN=ui.acme.example")
        XCTAssertEqual(chain.first?["issuer"] as? String, "CN=Maestro Test CA")
        XCTAssertFalse(run.stdout.contains(Self.password))
        // The text form lists both ports.
        let text = try probe(try topology(), connect)
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("TLS    ui.acme.example:1099"), text.stdout)
        XCTAssertTrue(text.stdout.contains("probe: 2 ports: 2 TLS, 0 plain, 0 not reached; no problems found"), text.stdout)
    }

    func testAClientCertificateAcceptedOrRefused() throws {
        let connect = try start(ui: tls("ui.jks", address: "127.0.0.2"), trk: tls("trk.jks", address: "127.0.0.3", version: "TLSv1.2"))
        let env = ["MAESTRO_KEYSTORE_PASSWORD": Self.password]
        let accepted = try probe(try topology(), connect + ["--client-keystore", store("trk.jks").path, "--format", "json"],
                                 environment: env)
        XCTAssertEqual(accepted.status, 0, accepted.stdout + accepted.stderr)
        XCTAssertEqual(endpoints(try json(accepted)).map { $0["client_certificate"] as? String }, ["accepted", "accepted"])
        let refused = try probe(try topology(), connect + ["--client-keystore", store("ui-other-ca.jks").path, "--format", "json"],
                                environment: env)
        XCTAssertEqual(refused.status, 1)
        let document = try json(refused)
        XCTAssertEqual(endpoints(document).map { $0["client_certificate"] as? String }, ["refused", "refused"])
        XCTAssertEqual(rules(document), ["client-certificate-refused"])
        let noPassword = try probe(try topology(), connect + ["--client-keystore", store("ui.jks").path],
                                   environment: ["MAESTRO_KEYSTORE_PASSWORD": ""])
        XCTAssertEqual(noPassword.status, 2, noPassword.stderr)
    }

    // MARK: the plan against the wire

    func testLivePartialSSLNamesBothSides() throws {
        let connect = try start(ui: tls("ui.jks", address: "127.0.0.2"), trk: .closing(address: "127.0.0.3"))
        let run = try probe(try topology(), connect)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("error[partial-ssl-live]: component SSL is half on: ui.acme.example:1099 speaks TLS, trk.acme.example:7000 speaks plain text"), run.stderr)
        XCTAssertTrue(run.stderr.contains("error[ssl-live-mismatch]: trk.acme.example:7000"), run.stderr)
    }

    func testASilentPortIsPlainAfterTheTimeout() throws {
        let connect = try start(ui: .silent(address: "127.0.0.2"), trk: .silent(address: "127.0.0.3"))
        let run = try probe(try topology(), connect + ["--timeout", "1", "--format", "json"])
        XCTAssertEqual(run.status, 1)
        let document = try json(run)
        XCTAssertEqual(endpoints(document).map { $0["tls"] as? Bool }, [false, false])
        XCTAssertEqual(rules(document), ["ssl-live-mismatch"], "all plain: no partial SSL, but SSL is planned on")
        // Planned off, all plain: clean.
        let off = try probe(try topology(ssl: false), connect + ["--timeout", "1"])
        XCTAssertEqual(off.status, 0, off.stderr)
    }

    func testTLSWherePlannedOff() throws {
        let connect = try start(ui: tls("ui.jks", address: "127.0.0.2"), trk: tls("trk.jks", address: "127.0.0.3"))
        let run = try probe(try topology(ssl: false), connect + ["--format", "json"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(rules(try json(run)), ["ssl-live-mismatch"])
    }

    func testAWrongNameAndAnotherCA() throws {
        let connect = try start(ui: tls("ui-wrong-cn.jks", address: "127.0.0.2"), trk: tls("trk.jks", address: "127.0.0.3"))
        let wrong = try probe(try topology(), connect + ["--format", "json"])
        XCTAssertEqual(rules(try json(wrong)), ["certificate-name"])
        peers?.stop()
        let other = try start(ui: tls("ui-other-ca.jks", address: "127.0.0.2"), trk: tls("trk.jks", address: "127.0.0.3"))
        let run = try probe(try topology(), other + ["--ca-file", Self.fixture.ca.certificate.path, "--format", "json"])
        XCTAssertEqual(rules(try json(run)), ["certificate-chain"])
    }

    func testRefusedAndUnresolvedAreTold() throws {
        let run = try probe(try topology(), [
            "--connect-to", "ui.acme.example:1099=127.0.0.2:1", "--connect-to", "trk.acme.example:7000=nonexistent.invalid:7000",
            "--format", "json",
        ])
        XCTAssertEqual(run.status, 1)
        let document = try json(run)
        XCTAssertEqual(endpoints(document).map { $0["reachable"] as? Bool }, [false, false])
        let details = endpoints(document).map { $0["detail"] as? String ?? "" }
        XCTAssertTrue(details[0].contains("refused"), details[0])
        XCTAssertTrue(details[1].contains("resolve"), details[1])
        XCTAssertEqual(rules(document), ["endpoint-unreachable"])
        let bad = try Tool.run(["probe", try topology().path, "--connect-to", "nonsense"])
        XCTAssertEqual(bad.status, 2)
    }

    // MARK: end to end

    /// bundle → certificate.sh with the throwaway CA → Java servers on
    /// those keystores → probe is clean; then the Tracker's server left
    /// without ssl.ini (plain) → partial-ssl-live.
    func testWhatTheBundleMadeProbesClean() throws {
        let topology = try topology()
        let sh = try Tool.require("sh")
        let fixture = try XCTUnwrap(Self.fixture)
        let bundle = directory.appendingPathComponent("bundle")
        let built = try Tool.run(["bundle", topology.path, "--out", bundle.path], environment: ["MAESTRO_KEYSTORE_PASSWORD": Self.password])
        XCTAssertEqual(built.status, 0, built.stderr)
        var keystores: [URL] = []
        for host in ["ui.acme.example", "trk.acme.example"] {
            let folder = bundle.appendingPathComponent("hosts/\(host)")
            let script = folder.appendingPathComponent("certificate.sh").path
            let keystore = directory.appendingPathComponent("\(host).jks")
            let env = ["MAESTRO_KEYSTORE_PASSWORD": Self.password, "KEYTOOL": fixture.keytool, "KEYSTORE": keystore.path]
            let request = try Tool.runProgram(sh, [script, "request"], environment: env, in: folder)
            XCTAssertEqual(request.status, 0, request.stderr)
            let signed = directory.appendingPathComponent("\(host).pem"), ext = directory.appendingPathComponent("\(host).cnf")
            try Data("subjectAltName=DNS:\(host)\n".utf8).write(to: ext)
            let sign = try Tool.runProgram(fixture.openssl, [
                "x509", "-req", "-in", folder.appendingPathComponent("\(host).csr").path, "-CA", fixture.ca.certificate.path,
                "-CAkey", fixture.ca.key.path, "-CAcreateserial", "-days", "365", "-extfile", ext.path, "-out", signed.path,
            ], in: directory)
            XCTAssertEqual(sign.status, 0, sign.stderr)
            let install = try Tool.runProgram(sh, [script, "install", fixture.ca.certificate.path, signed.path], environment: env, in: folder)
            XCTAssertEqual(install.status, 0, install.stderr)
            keystores.append(keystore)
        }
        let servers = try start(
            ui: .tls(address: "127.0.0.2", keystore: keystores[0], truststore: store("trust.jks"), needClientAuth: true),
            trk: .tls(address: "127.0.0.3", keystore: keystores[1], truststore: store("trust.jks"), protocolVersion: "TLSv1.2",
                      needClientAuth: true))
        let clean = try probe(topology, servers + ["--ca-file", fixture.ca.certificate.path, "--client-keystore", keystores[0].path],
                              environment: ["MAESTRO_KEYSTORE_PASSWORD": Self.password])
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
        XCTAssertTrue(clean.stdout.contains("2 TLS, 0 plain"), clean.stdout)
        XCTAssertTrue(clean.stdout.contains("client certificate accepted"), clean.stdout)
        XCTAssertFalse((clean.stdout + clean.stderr).contains(Self.password))
        // The Tracker's server restarted without its ssl.ini: it speaks plain (Java RMI closes on a ClientHello).
        peers?.stop()
        let half = try start(
            ui: .tls(address: "127.0.0.2", keystore: keystores[0], truststore: store("trust.jks"), needClientAuth: true),
            trk: .closing(address: "127.0.0.3"))
        let run = try probe(topology, half + ["--format", "json"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(rules(try json(run)), ["partial-ssl-live", "ssl-live-mismatch"])
    }

    /// The certificate's dates, judged at another time (in-process: the
    /// command line has no clock to set).
    func testAnExpiredServerCertificate() throws {
        let connect = try start(ui: tls("ui.jks", address: "127.0.0.2"), trk: tls("trk.jks", address: "127.0.0.3"))
        let bytes = Array(try Data(contentsOf: try topology()))
        let checked = TopologyCheck.check(bytes: bytes)
        let resolved = try XCTUnwrap(checked.resolved)
        var request = ProbeRequest(connectTo: [connect[1], connect[3]].compactMap(ConnectTo.init(argument:)), timeout: 3)
        request.now = Date().addingTimeInterval(400 * 86_400)
        let later = MeshProbe.probe(resolved, source: SourceFile(path: "acme.yaml", bytes: bytes), request: request)
        XCTAssertEqual(Set(later.file.diagnostics.map(\.rule)), ["certificate-validity"])
        XCTAssertTrue(later.file.diagnostics.contains { $0.message.hasPrefix("ui.acme.example:1099: 'CN=ui.acme.example' expired on") },
                      "\(later.file.diagnostics.map(\.message))")
        request.now = Date().addingTimeInterval(350 * 86_400)
        let soon = MeshProbe.probe(resolved, source: SourceFile(path: "acme.yaml", bytes: bytes), request: request)
        XCTAssertEqual(Set(soon.file.diagnostics.map(\.rule)), ["certificate-expiring"])
    }
}
