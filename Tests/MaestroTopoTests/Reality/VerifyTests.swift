import Foundation
import TopoBundle
import TopoCheck
import TopoModel
import TopoPlan
import TopoReality
import TopoSource
import TopoTestSupport
import XCTest

/// `verify` against server folders built for real (openssl, keytool): a
/// clean server, then one fault at a time, each found by its rule where
/// the administrator has to look.
final class VerifyTests: XCTestCase {
    static let password = "s3cret pw!"
    static let trustPassword = "trust-pw"
    /// Keystores made once for the class (keytool is slow), copied per test.
    nonisolated(unsafe) static var stores: URL!
    nonisolated(unsafe) static var fixture: InstallationFixture!

    var root: URL!

    static let topology = """
        version: 1
        installation: verify-test
        defaults:
          os: linux
          install_folder: /opt/lsoft/maestro
        component_ssl:
          enabled: true
          ca: Maestro Test CA
          keystore_password: {env: VERIFY_TEST_PASSWORD}
        hosts:
          hub.example.com:
            components: [HUB]
          lui.example.com:
            components: [LUI]
          trk.example.com:
            components: [TRK]
          db.example.com:
            components: [DATABASE]
          lsv.example.com:
            components: [LISTSERV]

        """

    override class func setUp() {
        super.setUp()
        do {
            let directory = try Tool.temporaryDirectory()
            stores = directory
            let fixture = try InstallationFixture(in: directory)
            Self.fixture = fixture
            func store(_ name: String) -> URL { directory.appendingPathComponent(name) }
            try fixture.serverKeystore(host: "hub.example.com", at: store("good.jks"), password: password)
            try fixture.serverKeystore(host: "hub.example.com", at: store("good.p12"), type: "PKCS12", password: password)
            try fixture.serverKeystore(host: "hub.example.com", at: store("wrong-cn.jks"), password: password,
                                       commonName: "intranet.example.com")
            try fixture.serverKeystore(host: "hub.example.com", at: store("other-ca.jks"), password: password, otherCA: true)
            try fixture.serverKeystore(host: "hub.example.com", at: store("key-password.jks"), password: password,
                                       keyPassword: "another one")
            try fixture.serverKeystore(host: "lui.example.com", at: store("lui.jks"), password: password)
            // A type only keytool reads.
            let convert = try Tool.runProgram(fixture.keytool, [
                "-importkeystore", "-srckeystore", store("good.jks").path, "-srcstoretype", "JKS", "-srcstorepass:env", "P",
                "-destkeystore", store("good.jceks").path, "-deststoretype", "JCEKS", "-deststorepass:env", "P",
                "-destkeypass:env", "P", "-noprompt",
            ], environment: ["P": password], in: directory)
            XCTAssertEqual(convert.status, 0, convert.stderr)
            try fixture.trustStore(at: store("trust.jks"), password: trustPassword)
            try fixture.trustStore(at: store("trust-default.jks"), password: "changeit")
            try fixture.trustStore(at: store("trust-without-ca.jks"), password: trustPassword, withCA: false)
        } catch {
            stores = nil
            XCTFail("fixtures: \(error)")
        }
    }

    override class func tearDown() {
        if let stores { try? FileManager.default.removeItem(at: stores) }
        super.tearDown()
    }

    override func setUpWithError() throws {
        let stores = try XCTUnwrap(Self.stores, "the keystores could not be made")
        root = try Tool.temporaryDirectory()
        // The hub server as the bundle plans it: hub/, ssl.ini, keystore,
        // trusted roots, a log showing the SSL line.
        try makeFolder("hub")
        try write("commands/ssl.ini", try plannedSSLIni(), mode: 0o600)
        try copy(stores.appendingPathComponent("good.jks"), to: "keystore/hub.example.com.jks")
        try copy(stores.appendingPathComponent("trust.jks"), to: "jre/lib/security/cacerts")
        try write("HUB/log/hub-2026-12-01.log", "2026-12-01 10:00:00 HUB: Starting\n2026-12-01 10:00:01 HUB: Initializing Secure Sockets Layer (SSL) for component communication\n")
    }

    override func tearDownWithError() throws {
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    // MARK: helpers

    struct FixedSecret: SecretProvider {
        var password: String
        func resolve(_ source: SecretSource, host: String) throws(ToolError) -> ResolvedSecret {
            ResolvedSecret(bytes: SecretBytes(copying: password.utf8), isPlaceholder: false)
        }
    }

    func resolved(_ yaml: String = VerifyTests.topology) throws -> (ResolvedTopology, SourceFile) {
        let bytes = Array(yaml.utf8)
        let result = TopologyCheck.check(bytes: bytes)
        XCTAssertFalse(result.diagnostics.fails(strict: false), "\(result.diagnostics)")
        return (try XCTUnwrap(result.resolved), SourceFile(path: "acme.yaml", bytes: bytes, secrets: result.secretSpans))
    }

    func plannedSSLIni(host: String = "hub.example.com", yaml: String = VerifyTests.topology) throws -> String {
        let (resolved, _) = try resolved(yaml)
        let server = try XCTUnwrap(Planner.plan(resolved).servers.first { $0.host == host })
        return try XCTUnwrap(server.sslIni).text(password: Self.password)
    }

    func verify(
        _ yaml: String = VerifyTests.topology, host: String = "hub.example.com", secret: String? = VerifyTests.password,
        configure: (inout VerifyRequest) -> Void = { _ in }
    ) throws -> InstallationReport {
        let (resolved, source) = try resolved(yaml)
        var request = VerifyRequest(host: host, root: root.path)
        configure(&request)
        return try InstallationVerifier.verify(
            resolved, source: source, request: request, secrets: secret.map { FixedSecret(password: $0) })
    }

    func file(_ path: String) -> URL { root.appendingPathComponent(path) }

    func makeFolder(_ path: String) throws {
        try FileManager.default.createDirectory(at: file(path), withIntermediateDirectories: true)
    }

    func write(_ path: String, _ text: String, mode: Int = 0o600) throws {
        try makeFolder((path as NSString).deletingLastPathComponent)
        try Data(text.utf8).write(to: file(path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file(path).path)
    }

    func copy(_ source: URL, to path: String) throws {
        try makeFolder((path as NSString).deletingLastPathComponent)
        try? FileManager.default.removeItem(at: file(path))
        try FileManager.default.copyItem(at: source, to: file(path))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file(path).path)
    }

    func store(_ name: String) -> URL { Self.stores.appendingPathComponent(name) }

    func findings(_ report: InstallationReport, _ rule: String) -> [Diagnostic] {
        report.diagnostics.filter { $0.rule == rule }
    }

    func status(_ report: InstallationReport, _ rule: String) -> InstallationCheck.Status? {
        report.checks.first { $0.id == rule }?.status
    }

    func assertOnly(_ report: InstallationReport, _ rules: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(Set(report.diagnostics.map(\.rule)), Set(rules),
                       report.diagnostics.map { "\($0.rule): \($0.message)" }.joined(separator: "\n"), file: file, line: line)
        for rule in rules {
            XCTAssertEqual(status(report, rule), .failed, rule, file: file, line: line)
        }
    }

    // MARK: the clean server

    func testTheServerAsPlannedIsClean() throws {
        let report = try verify()
        XCTAssertEqual(report.diagnostics, [], report.diagnostics.map(\.message).joined(separator: "\n"))
        let ok = Set(report.checks.filter { $0.status == .ok }.map(\.id))
        for rule in ["ssl-ini-missing", "ssl-ini-unexpected", "ssl-ini-syntax", "ssl-ini-keys", "ssl-ini-drift",
                     "ssl-ini-backslash", "file-permissions", "keystore-unreadable", "keystore-alias", "key-password",
                     "certificate-name", "certificate-chain", "certificate-validity", "certificate-expiring",
                     "trusted-root-missing", "trusted-root-password", "ssl-log-line", "component-folder-missing",
                     "component-unplanned"] {
            XCTAssertTrue(ok.contains(rule), "\(rule) is not ok: \(report.checks.first { $0.id == rule }?.detail ?? "not run")")
        }
        XCTAssertEqual(status(report, "host-name-mismatch"), .skipped, "with --root the machine is not the server")
    }

    func testAPKCS12KeystoreIsReadToo() throws {
        try copy(store("good.p12"), to: "keystore/hub.example.com.jks")
        let report = try verify()
        XCTAssertEqual(report.diagnostics, [])
        XCTAssertTrue(report.checks.contains { $0.id == "keystore-unreadable" && $0.detail.contains("PKCS12") })
    }

    func testAJCEKSKeystoreIsReadThroughKeytool() throws {
        try copy(store("good.jceks"), to: "keystore/hub.example.com.jks")
        let report = try verify()
        XCTAssertEqual(report.diagnostics, [], report.diagnostics.map(\.message).joined(separator: "\n"))
        XCTAssertTrue(report.checks.contains { $0.id == "keystore-unreadable" && $0.detail.contains("JCEKS") })
    }

    func testTheCAFileVerifiesTheChain() throws {
        let report = try verify { $0.caFile = Self.fixture.ca.certificate.path }
        XCTAssertEqual(report.diagnostics, [])
        XCTAssertTrue(report.checks.contains { $0.id == "certificate-chain" && $0.detail.contains("--ca-file") })
    }

    // MARK: ssl.ini

    func testAMissingSSLIniIsFoundAtTheTopologysSSLSwitch() throws {
        try FileManager.default.removeItem(at: file("commands/ssl.ini"))
        let report = try verify()
        let finding = try XCTUnwrap(findings(report, "ssl-ini-missing").first)
        XCTAssertEqual(finding.location, SourceLocation(line: 7, column: 12), "component_ssl.enabled")
        XCTAssertEqual(report.files.count, 1, "no ssl.ini to point into")
    }

    func testAnSSLIniWhereSSLIsPlannedOffIsAnError() throws {
        let off = Self.topology.replacingOccurrences(of: "enabled: true", with: "enabled: false")
        try write("HUB/log/hub-2026-12-01.log", "HUB: Starting\n")
        let report = try verify(off)
        assertOnly(report, ["ssl-ini-unexpected"])
        XCTAssertEqual(findings(report, "ssl-ini-unexpected").first?.location, .start)
        XCTAssertEqual(report.files.last?.path, file("commands/ssl.ini").path)
    }

    func testUnknownDuplicateAndMissingKeys() throws {
        try write("commands/ssl.ini", """
            SSLAllowedClients=hub.example.com,lui.example.com,trk.example.com
            sslKeystorePath=/opt/lsoft/maestro/keystore/hub.example.com.jks
            SSLKeystorePassword=\(Self.password)
            SSLAllowedClients=hub.example.com,lui.example.com,trk.example.com

            """)
        let report = try verify()
        let keys = findings(report, "ssl-ini-keys")
        XCTAssertEqual(keys.count, 3, keys.map(\.message).joined(separator: "\n"))
        XCTAssertTrue(keys.contains { $0.message.contains("unknown key 'sslKeystorePath'") && $0.location == SourceLocation(line: 2, column: 1)
            && $0.notes.contains { $0.contains("did you mean 'SSLKeystorePath'") } })
        XCTAssertTrue(keys.contains { $0.message.contains("set again (first on line 1)") && $0.location.line == 4 })
        XCTAssertTrue(keys.contains { $0.message == "ssl.ini has no SSLKeystorePath" })
    }

    func testAMalformedEscapeIsASyntaxError() throws {
        try write("commands/ssl.ini", "SSLAllowedClients=hub.example.com\\u00zz\n")
        let report = try verify()
        let finding = try XCTUnwrap(findings(report, "ssl-ini-syntax").first)
        XCTAssertEqual(finding.location.line, 1)
    }

    func testAllowedClientsAreComparedAsASetOfExactNames() throws {
        var text = try plannedSSLIni()
        text = text.replacingOccurrences(of: "SSLAllowedClients=hub.example.com,lui.example.com,trk.example.com",
                                         with: "SSLAllowedClients=trk.example.com, hub.example.com,LUI.example.com")
        try write("commands/ssl.ini", text)
        let report = try verify()
        let drift = try XCTUnwrap(findings(report, "ssl-ini-drift").first)
        XCTAssertTrue(drift.message.contains("spaces around 'hub.example.com'"), drift.message)
        XCTAssertTrue(drift.message.contains("missing 'lui.example.com'"), drift.message)
        XCTAssertTrue(drift.message.contains("not in the plan: 'LUI.example.com'"), drift.message)
        // Order alone is no drift.
        try write("commands/ssl.ini", try plannedSSLIni().replacingOccurrences(
            of: "hub.example.com,lui.example.com,trk.example.com", with: "trk.example.com,hub.example.com,lui.example.com"))
        XCTAssertEqual(try verify().diagnostics, [])
    }

    func testAPasswordOtherThanTheTopologysIsReportedWithoutShowingEither() throws {
        let report = try verify(secret: "the topology's own")
        let drift = try XCTUnwrap(findings(report, "ssl-ini-drift").first)
        XCTAssertTrue(drift.message.contains("SSLKeystorePassword is not the password the topology names"))
        let everything = report.diagnostics.map { $0.message + $0.notes.joined() }.joined() + report.checks.map(\.detail).joined()
        XCTAssertFalse(everything.contains(Self.password))
        XCTAssertFalse(everything.contains("the topology's own"))
        // Unreadable source: skipped, not failed.
        let skipped = try verify(secret: nil)
        XCTAssertEqual(skipped.diagnostics, [])
        XCTAssertTrue(skipped.checks.contains { $0.id == "ssl-ini-drift" && $0.detail.contains("not compared") })
    }

    func testTheSSLIniSourceLineMasksThePassword() throws {
        try write("commands/ssl.ini", try plannedSSLIni(), mode: 0o644)
        let report = try verify()
        let sslIni = try XCTUnwrap(report.files.last)
        let shown = try XCTUnwrap(sslIni.source.displayLine(4, column: 1))
        XCTAssertEqual(shown.text, "SSLKeystorePassword=********")
    }

    func testASingleBackslashInAWindowsPathIsShownAsJavaReadsIt() throws {
        let windows = Self.topology.replacingOccurrences(of: "os: linux", with: "os: windows")
            .replacingOccurrences(of: "/opt/lsoft/maestro", with: "'C:\\Program Files\\L-Soft\\Maestro'")
        try write("commands/ssl.ini", """
            SSLAllowedClients=hub.example.com,lui.example.com,trk.example.com
            SSLKeystorePath=C:\\Program Files\\L-Soft\\Maestro\\keystore\\hub.example.com.jks
            SSLKeystorePassword=\(Self.password)

            """)
        let report = try verify(windows)
        let finding = try XCTUnwrap(findings(report, "ssl-ini-backslash").first)
        XCTAssertTrue(finding.message.contains("'C:Program FilesL-SoftMaestrokeystorehub.example.com.jks'"), finding.message)
        XCTAssertEqual(finding.location, SourceLocation(line: 2, column: 17))
        XCTAssertTrue(finding.notes.contains("write: SSLKeystorePath=C:\\\\Program Files\\\\L-Soft\\\\Maestro\\\\keystore\\\\hub.example.com.jks"),
                      "\(finding.notes)")
        XCTAssertTrue(report.checks.contains { $0.id == "file-permissions" && $0.status == .skipped })
    }

    func testAWindowsServersPlannedSSLIniIsClean() throws {
        let windows = Self.topology.replacingOccurrences(of: "os: linux", with: "os: windows")
            .replacingOccurrences(of: "/opt/lsoft/maestro", with: "'C:\\Program Files\\L-Soft\\Maestro'")
        try write("commands/ssl.ini", try plannedSSLIni(yaml: windows))
        let report = try verify(windows)
        XCTAssertEqual(report.diagnostics, [], report.diagnostics.map(\.message).joined(separator: "\n"))
    }

    func testFilesOthersCanReadAreReported() throws {
        try write("commands/ssl.ini", try plannedSSLIni(), mode: 0o644)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file("keystore/hub.example.com.jks").path)
        let report = try verify()
        let permissions = findings(report, "file-permissions")
        XCTAssertEqual(permissions.count, 2, permissions.map(\.message).joined(separator: "\n"))
        XCTAssertTrue(permissions[0].message.contains("mode 644"), permissions[0].message)
        XCTAssertTrue(permissions.contains { $0.message.contains("mode 640") })
    }

    func testAFileOwnedByAnotherUserThanTheInstallFolder() throws {
        guard getuid() == 0 else {
            // CI runs as root: there the test must run, not skip.
            if ProcessInfo.processInfo.environment["CI"] == "true" { return XCTFail("CI must run this test as root") }
            throw XCTSkip("giving a file to another user needs root")
        }
        XCTAssertEqual(chown(file("commands/ssl.ini").path, 65534, 65534), 0)
        let report = try verify()
        assertOnly(report, ["file-permissions"])
        XCTAssertTrue(findings(report, "file-permissions")[0].message.contains("owned by user 65534, the install folder by user 0"),
                      findings(report, "file-permissions")[0].message)
    }

    // MARK: keystore and certificate

    func testAKeystoreThatDoesNotOpenWithSSLInisPassword() throws {
        try write("commands/ssl.ini", try plannedSSLIni().replacingOccurrences(of: Self.password, with: "Xq7-not-it"))
        let report = try verify(secret: nil)
        let finding = try XCTUnwrap(findings(report, "keystore-unreadable").first)
        XCTAssertTrue(finding.message.contains("cannot be opened"), finding.message)
        XCTAssertEqual(finding.location, SourceLocation(line: 3, column: 17), "the SSLKeystorePath value")
        XCTAssertFalse((finding.message + finding.notes.joined()).contains("Xq7-not-it"))
    }

    func testAMissingKeystore() throws {
        try FileManager.default.removeItem(at: file("keystore/hub.example.com.jks"))
        assertOnly(try verify(), ["keystore-unreadable"])
    }

    func testAKeystoreWithoutTheHostsKey() throws {
        try copy(store("lui.jks"), to: "keystore/hub.example.com.jks")
        let report = try verify()
        assertOnly(report, ["keystore-alias"])
        XCTAssertTrue(findings(report, "keystore-alias")[0].notes[0].contains("lui.example.com (private key)"))
    }

    func testAKeyPasswordOtherThanTheStores() throws {
        try copy(store("key-password.jks"), to: "keystore/hub.example.com.jks")
        assertOnly(try verify(), ["key-password"])
    }

    func testACertificateForAnotherName() throws {
        try copy(store("wrong-cn.jks"), to: "keystore/hub.example.com.jks")
        let report = try verify()
        assertOnly(report, ["certificate-name"])
        XCTAssertTrue(findings(report, "certificate-name")[0].message.contains("'CN=intranet.example.com'"))
    }

    func testACertificateOfAnotherCA() throws {
        try copy(store("other-ca.jks"), to: "keystore/hub.example.com.jks")
        let report = try verify { $0.caFile = Self.fixture.ca.certificate.path }
        let chain = findings(report, "certificate-chain")
        XCTAssertEqual(chain.count, 2, chain.map(\.message).joined(separator: "\n"))
        XCTAssertTrue(chain[0].message.contains("not at the planned CA 'Maestro Test CA'"), chain[0].message)
        XCTAssertTrue(chain[1].message.contains("does not verify against --ca-file"), chain[1].message)
    }

    func testExpiredNotYetValidAndExpiringCertificates() throws {
        let later = try verify { $0.now = Date().addingTimeInterval(400 * 86_400) }
        XCTAssertTrue(findings(later, "certificate-validity").contains { $0.message.contains("expired on") })
        XCTAssertEqual(findings(later, "certificate-validity").first?.severity, .error)
        let earlier = try verify { $0.now = Date().addingTimeInterval(-2 * 86_400) }
        XCTAssertTrue(findings(earlier, "certificate-validity").contains { $0.message.contains("not valid before") })
        let soon = try verify { $0.now = Date().addingTimeInterval(350 * 86_400) }
        assertOnly(soon, ["certificate-expiring"])
        XCTAssertEqual(findings(soon, "certificate-expiring").first?.severity, .warning)
        let quiet = try verify {
            $0.now = Date().addingTimeInterval(350 * 86_400)
            $0.expiryWarningDays = 10
        }
        XCTAssertEqual(quiet.diagnostics, [])
    }

    // MARK: trusted roots

    func testTrustedRootsWithoutTheCAOrWithJavasDefaultPassword() throws {
        try copy(store("trust-without-ca.jks"), to: "jre/lib/security/cacerts")
        let missing = try verify()
        assertOnly(missing, ["trusted-root-missing"])
        XCTAssertEqual(findings(missing, "trusted-root-missing")[0].location, SourceLocation(line: 11, column: 3),
                       "the host's name: the default trusted-root keystore is derived")
        try copy(store("trust-default.jks"), to: "jre/lib/security/cacerts")
        let open = try verify()
        assertOnly(open, ["trusted-root-password"])
        XCTAssertEqual(findings(open, "trusted-root-password")[0].severity, .warning)
    }

    // MARK: logs, folders, names

    func testALogWithoutTheSSLLine() throws {
        try write("HUB/log/hub-2026-12-02.log", "HUB: Starting\n")
        let report = try verify()
        assertOnly(report, ["ssl-log-line"])
        XCTAssertTrue(findings(report, "ssl-log-line")[0].message.contains("hub-2026-12-02.log"))
        // --logs decides where the logs are.
        let logs = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        try Data("HUB: Initializing Secure Sockets Layer (SSL) for component communication\n".utf8)
            .write(to: logs.appendingPathComponent("hub.log"))
        try Data("LUI: nothing\n".utf8).write(to: logs.appendingPathComponent("lui.log"))
        XCTAssertEqual(try verify { $0.logs = logs.path }.diagnostics, [])
    }

    func testNoLogIsASkipThatSaysWhereItLooked() throws {
        try FileManager.default.removeItem(at: file("HUB"))
        let report = try verify()
        XCTAssertEqual(report.diagnostics, [])
        let check = try XCTUnwrap(report.checks.first { $0.id == "ssl-log-line" })
        XCTAssertEqual(check.status, .skipped)
        XCTAssertTrue(check.detail.contains("HUB/log"), check.detail)
    }

    func testComponentFoldersMissingAndUnplanned() throws {
        try FileManager.default.removeItem(at: file("hub"))
        try makeFolder("trk")
        let report = try verify()
        assertOnly(report, ["component-folder-missing", "component-unplanned"])
        XCTAssertEqual(findings(report, "component-unplanned")[0].severity, .warning)
    }

    func testTheMachinesNames() throws {
        let right = try verify { $0.machineNames = ["hub", "hub.example.com", "localhost"] }
        XCTAssertEqual(right.diagnostics, [])
        let wrong = try verify { $0.machineNames = ["build-7", "build-7.example.com"] }
        assertOnly(wrong, ["host-name-mismatch"])
        let several = try verify { $0.machineNames = ["hub.example.com", "intranet.example.com"] }
        assertOnly(several, ["host-several-names"])
    }

    func testTheServerIsFoundByTheMachinesNamesOrRefused() throws {
        let (resolved, source) = try resolved()
        var request = VerifyRequest(root: root.path, machineNames: ["HUB.example.com."])
        let report = try InstallationVerifier.verify(resolved, source: source, request: request, secrets: nil)
        XCTAssertEqual(report.host, "hub.example.com")
        request.machineNames = ["db.example.com"]
        XCTAssertThrowsError(try InstallationVerifier.verify(resolved, source: source, request: request, secrets: nil)) {
            XCTAssertTrue("\($0)".contains("name one with --host"), "\($0)")
        }
        request.host = "nowhere.example.com"
        XCTAssertThrowsError(try InstallationVerifier.verify(resolved, source: source, request: request, secrets: nil))
    }

    func testAKeystoreOutsideTheInstallFolderNeedsAPathMap() throws {
        let outside = Self.topology.replacingOccurrences(
            of: "    components: [HUB]", with: "    components: [HUB]\n    ssl: {keystore: /srv/keys/hub.jks}")
        try write("commands/ssl.ini", try plannedSSLIni(yaml: outside))
        let unmapped = try verify(outside)
        XCTAssertEqual(unmapped.diagnostics, [])
        XCTAssertTrue(unmapped.checks.contains { $0.id == "keystore-unreadable" && $0.status == .skipped && $0.detail.contains("--path-map") })
        let keys = root.appendingPathComponent("copied-keys")
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: store("good.jks"), to: keys.appendingPathComponent("hub.jks"))
        let mapped = try verify(outside) { $0.pathMaps = [PathMap.Mapping(from: "/srv/keys", to: keys.path)] }
        XCTAssertEqual(status(mapped, "keystore-unreadable"), .ok)
        XCTAssertEqual(status(mapped, "certificate-name"), .ok)
    }

    func testPathMapsOfWindowsPaths() {
        let map = PathMap(installFolder: "C:\\Program Files\\L-Soft\\Maestro", os: .windows, root: "/copy",
                          mappings: [PathMap.Mapping(argument: "D:\\keys=/mnt/keys")!])
        XCTAssertEqual(map.local("c:/program files/l-soft/maestro\\commands\\ssl.ini"), "/copy/commands/ssl.ini")
        XCTAssertEqual(map.local("D:\\keys\\hub.jks"), "/mnt/keys/hub.jks")
        XCTAssertNil(map.local("E:\\other\\hub.jks"))
        XCTAssertNil(PathMap.Mapping(argument: "=x"))
        XCTAssertNil(PathMap.Mapping(argument: "D:\\keys="))
    }
}
