import Foundation
@testable import TopoSource
@testable import TopoYAML
@testable import TopoModel
@testable import TopoCheck
@testable import TopoPlan
@testable import TopoRender
@testable import TopoBundle
@testable import TopoSystem
@testable import MaestroTopo
import TopoTestSupport
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

    /// A later host can stop the build (its password is missing) after the
    /// ssl.ini of an earlier one was made: those bytes, password included,
    /// are wiped, not left in freed memory.
    func testSSLIniBytesAreWipedWhenALaterHostStopsTheBuild() throws {
        defer { SecretMemory.allowDumpsForTests() }
        // The password is joined only by a shell, into the file: this process
        // holds it whole nowhere but in what the build made, and in `needle`.
        let halves = ["W1pe-" + UUID().uuidString.prefix(8), "-" + UUID().uuidString.suffix(8)]
        let pw = directory.appendingPathComponent("pw")
        let written = try Tool.runProgram("/bin/sh", ["-c", "umask 077; printf '%s%s\\n' \"$0\" \"$1\" > pw"] + halves, in: directory)
        XCTAssertEqual(written.status, 0, written.stderr)
        let needle = UnsafeMutableRawBufferPointer.allocate(byteCount: halves.map(\.utf8.count).reduce(0, +), alignment: 1)
        defer { needle.deallocate() }
        var filled = 0
        for half in halves {
            for byte in half.utf8 {
                needle[filled] = byte
                filled += 1
            }
        }

        let yaml = cleanFourServer.replacingOccurrences(of: "{env: KS_PW}", with: "{file: \(pw.path)}")
            .replacingOccurrences(of: "components: [TRK]", with: "components: [TRK]\n    ssl: {keystore_password: {env: MAESTRO_TOPO_UNSET_PW}}")
        let plan = Planner.plan(try XCTUnwrap(TopologyCheck.check(bytes: Array(yaml.utf8)).topology))
        XCTAssertEqual(plan.servers.map(\.host).prefix(2), ["ui.acme.example", "trk.acme.example"], "ui's ssl.ini is made first")
        XCTAssertThrowsError(try BundleBuilder.build(plan: plan, diagnostics: [], secrets: SecretResolver(baseDirectory: "/", placeholders: false)))
        XCTAssertEqual(try Self.occurrences(of: UnsafeRawBufferPointer(needle)), 0, "the password is still in this process's memory")
    }

    /// How often `needle` stands in this process's writable memory, outside
    /// `needle` itself and the buffer that reads it (read through
    /// /proc/self/mem, so no unmapped page faults). Mappings with nothing
    /// resident are passed over, and so are the reservations of 64 GiB and
    /// more that AddressSanitizer makes for its shadow memory (terabytes of
    /// untouched pages, which would take hours to read): this process's own
    /// data is never near that size. (Under AddressSanitizer the search
    /// finds a password left in freed memory no more than one wiped: ASan's
    /// allocator keeps freed memory its own way. The check that counts is
    /// the one `make test` runs; `make test-asan` only must not hang on it.)
    static func occurrences(of needle: UnsafeRawBufferPointer) throws -> Int {
        let maps = try Self.residentWritableMappings()
        let mem = open("/proc/self/mem", O_RDONLY)
        XCTAssertGreaterThanOrEqual(mem, 0)
        defer { close(mem) }
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk + needle.count, alignment: 16)
        defer { buffer.deallocate() }
        let own = UInt(bitPattern: needle.baseAddress!)
        // The buffer holds a copy of whatever it read last: the needle, once it has read the needle's page.
        let mine = UInt(bitPattern: buffer.baseAddress!)..<(UInt(bitPattern: buffer.baseAddress!) + UInt(buffer.count))
        var found = 0
        for bounds in maps {
            var start = bounds[0]
            while start < bounds[1] {
                let length = Int(min(UInt(chunk + needle.count - 1), bounds[1] - start))
                let count = pread(mem, buffer.baseAddress!, length, off_t(Int64(bitPattern: UInt64(start))))
                if count <= 0 { break }
                let first = Int32(needle[0])
                var offset = 0
                while offset + needle.count <= count, let hit = memchr(buffer.baseAddress! + offset, first, count - offset) {
                    let at = buffer.baseAddress!.distance(to: hit)
                    if at + needle.count <= count, memcmp(hit, needle.baseAddress!, needle.count) == 0,
                       start + UInt(at) != own, !mine.contains(start + UInt(at)) {
                        found += 1
                    }
                    offset = at + 1
                }
                start += UInt(chunk)
            }
        }
        buffer.initializeMemory(as: UInt8.self, repeating: 0)  // no copy left behind for later tests
        return found
    }

    /// [start, end] of every writable mapping that has pages in memory and
    /// is smaller than 64 GiB, from /proc/self/smaps.
    static func residentWritableMappings() throws -> [[UInt]] {
        let smaps = try String(contentsOfFile: "/proc/self/smaps", encoding: .utf8)
        var result: [[UInt]] = []
        var current: [UInt]?
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if let first = fields.first, first.contains("-"), fields.count >= 2, !first.hasSuffix(":") {
                let bounds = first.split(separator: "-").compactMap { UInt($0, radix: 16) }
                let writable = fields[1].hasPrefix("rw")
                current = writable && bounds.count == 2 && bounds[1] - bounds[0] < 64 << 30 ? bounds : nil
            } else if fields.first == "Rss:", let bounds = current, fields.count >= 2, let kilobytes = Int(fields[1]) {
                if kilobytes > 0 { result.append(bounds) }
                current = nil
            }
        }
        return result
    }
}
