import Foundation
@testable import MaestroTopo
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// The password in memory while `bundle` holds it: the process undumpable,
/// the bytes read wiped, ssl.ini made from bytes without a `String` of the
/// password, and its bytes wiped after writing.
final class SecretMemoryTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = try Tool.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func writePassword(_ text: String) throws {
        let url = directory.appendingPathComponent("pw")
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }

    func testBytesOfSSLIniMatchTheText() {
        let ini = SSLIniPlan(path: "/x/ssl.ini", allowedClients: ["a.example", "b.example"], keystorePath: #"C:\Maestré\k.jks"#,
                             password: .literal("x"), lineEnding: "\r\n")
        var passwords = [" lead", "a b", "\\", "tab\t", "\n\r\u{0C}", "\u{1}\u{7F}\u{80}", "=:#!", "é", "😀x", "\u{FFFF}", ""]
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Unicode.Scalar] = [" ", "\\", "#", "!", "=", ":", "'", "\"", "a", "Z", "9", "é", "😀", "\t", "\u{1}", "\u{10FFFF}"]
        for _ in 0..<200 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &generator) { scalars.append(alphabet.randomElement(using: &generator)!) }
            passwords.append(String(scalars))
        }
        for password in passwords {
            let bytes = Array(password.utf8).withUnsafeBufferPointer { ini.bytes(password: $0) }
            XCTAssertEqual(bytes, Array(ini.text(password: password).utf8), password.debugDescription)
        }
        // Room is reserved up front, so the bytes never move (leaving a copy).
        let worst = String(repeating: "\u{1}", count: 100)
        var out: [UInt8] = []
        out.reserveCapacity(JavaProperties.maxEscapedCount(100))
        let before = out.withUnsafeBufferPointer { $0.baseAddress }
        Array(worst.utf8).withUnsafeBufferPointer { JavaProperties.appendEscaped($0, to: &out) }
        XCTAssertEqual(out.count, 600)
        XCTAssertEqual(out.withUnsafeBufferPointer { $0.baseAddress }, before)
    }

    func testBundleSwitchesCoreDumpsOffBeforeReadingAndWipesWhatItRead() throws {
        defer { SecretMemory.allowDumpsForTests() }
        SecretMemory.allowDumpsForTests()
        XCTAssertTrue(SecretMemory.isDumpable)
        let loaded = TopologyCheck.check(bytes: Array(cleanFourServer.replacingOccurrences(
            of: "{env: KS_PW}", with: "{file: \(directory.appendingPathComponent("pw").path)}").utf8))
        let plan = Planner.plan(try XCTUnwrap(loaded.topology))
        try writePassword("S3cr3t-in-memory\n")
        let content = try BundleBuilder.build(plan: plan, diagnostics: [], secrets: SecretResolver(baseDirectory: "/", placeholders: false))
        XCTAssertFalse(SecretMemory.isDumpable, "bundle must make the process undumpable")
        var limit = rlimit()
        XCTAssertEqual(getrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &limit), 0)
        XCTAssertEqual(limit.rlim_cur, 0)
        XCTAssertEqual(limit.rlim_max, 0)

        XCTAssertEqual(content.secretPaths.sorted(), ["hosts/trk.acme.example/commands/ssl.ini", "hosts/ui.acme.example/commands/ssl.ini"])
        let ini = try XCTUnwrap(content.files.first { $0.path == "hosts/ui.acme.example/commands/ssl.ini" })
        XCTAssertTrue(ini.text.contains("SSLKeystorePassword=S3cr3t-in-memory\n"))
        // The ssl.ini bytes are wiped where they are: the copy taken above reads zeros too.
        let address = ini.bytes.withUnsafeBufferPointer { $0.baseAddress }
        content.wipeSecrets()
        XCTAssertTrue(ini.bytes.allSatisfy { $0 == 0 })
        XCTAssertEqual(content.files.first { $0.path == ini.path }?.bytes.withUnsafeBufferPointer { $0.baseAddress }, address)
        for path in content.secretPaths {
            let file = try XCTUnwrap(content.files.first { $0.path == path })
            XCTAssertTrue(file.bytes.allSatisfy { $0 == 0 }, path)
        }
        XCTAssertFalse(content.files.first { $0.path == "README.md" }!.bytes.allSatisfy { $0 == 0 })
    }

    func testResolvedPasswordsLiveInWipeableMemory() throws {
        defer { SecretMemory.allowDumpsForTests() }
        try writePassword("from-file\r\n")
        let resolver = SecretResolver(baseDirectory: directory.path, placeholders: false)
        let resolved = try resolver.resolve(.file("pw"), host: "ui.acme.example")
        XCTAssertFalse(SecretMemory.isDumpable)
        XCTAssertEqual(resolved.value, "from-file")
        XCTAssertEqual(resolved.bytes.count, 9)
        resolved.bytes.wipe()
        XCTAssertEqual(resolved.bytes.count, 0)
        XCTAssertEqual(resolved.value, "")

        setenv("MAESTRO_TOPO_TEST_PW", "from-env", 1)
        defer { unsetenv("MAESTRO_TOPO_TEST_PW") }
        XCTAssertEqual(try resolver.resolve(.environment("MAESTRO_TOPO_TEST_PW"), host: "h").value, "from-env")
        XCTAssertEqual(try resolver.resolve(.literal("lit"), host: "h").value, "lit")
        let placeholder = try SecretResolver(baseDirectory: "/", placeholders: true).resolve(.environment("MAESTRO_TOPO_UNSET_PW"), host: "h")
        XCTAssertTrue(placeholder.isPlaceholder)
        XCTAssertEqual(placeholder.value, SecretResolver.placeholder)
    }
}
