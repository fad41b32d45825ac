import Foundation
import TopoSource
import TopoCheck
import TopoTestSupport
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Hostile input, one test per class, through the real binary (exit code and
/// a located `path:line:col: error[rule]` line). Every run is bounded in
/// time (`Bounded`), so a hang fails the test instead of stalling the suite.
/// The passwords on lines libyaml cannot read are in
/// HostileInputCLITests+Text.swift, with the host names; HostileInputTests
/// masks printed lines in-process.
final class HostileInputCLITests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = try Tool.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        try Data(bytes).write(to: directory.appendingPathComponent(name))
        return name
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    /// The binary, run in the temporary folder so paths in its output are short.
    func tool(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> ToolRun {
        try Bounded.run(Tool.binary.path, arguments, in: directory, file: file, line: line)
    }

    /// `validate --no-color` on `files`, expecting exit `status`.
    func validate(_ files: [String], status: Int32 = 1, json: Bool = false,
                  file: StaticString = #filePath, line: UInt = #line) throws -> ToolRun {
        let run = try tool(["validate", "--no-color"] + (json ? ["--format", "json"] : []) + files, file: file, line: line)
        XCTAssertEqual(run.status, status, "validate \(files): \(run.stderr.prefix(2000))", file: file, line: line)
        return run
    }

    /// Asserts a located finding line `path:line:col: severity[rule]: message…` on stderr.
    func assertLocated(_ run: ToolRun, _ prefix: String, file: StaticString = #filePath, line: UInt = #line) {
        let lines = run.stderr.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix(prefix) },
                      "no line starting '\(prefix)' in:\n\(run.stderr.prefix(3000))", file: file, line: line)
    }

    /// The diagnostics of one file from `validate --format json`.
    func jsonDiagnostics(_ run: ToolRun, file index: Int = 0) throws -> [[String: Any]] {
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let files = try XCTUnwrap(object["files"] as? [[String: Any]])
        return try XCTUnwrap(files[index]["diagnostics"] as? [[String: Any]])
    }

    // MARK: Anchors and aliases

    func testAliasBombIsRefusedWithoutBeingExpanded() throws {
        // Billion laughs: expanded, a9 would hold 9^10 strings.
        var lines = ["version: 1", "installation: acme", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        lines.append("hosts: {ui.acme.example: {components: [LUI, HUB, TRK]}, db.acme.example: {components: [DATABASE, LISTSERV]}}")
        try write("bomb.yaml", lines.joined(separator: "\n") + "\n")
        let text = try validate(["bomb.yaml"])
        assertLocated(text, "bomb.yaml:3:5: error[unsupported-yaml]: anchor '&a0' is not allowed")
        assertLocated(text, "bomb.yaml:4:10: error[unsupported-yaml]: alias '*a0' is not allowed; aliases are never expanded")
        assertLocated(text, "bomb.yaml:12:50: error[unsupported-yaml]: alias '*a8'")
        let json = try jsonDiagnostics(try validate(["bomb.yaml"], json: true))
        XCTAssertEqual(json.filter { $0["rule"] as? String == "unsupported-yaml" }.count, 10 + 81)

        // A flood of aliases: the findings stop at the limit, where it was hit.
        let limit = LoaderLimits.default.maxFindings
        try write("flood.yaml", "version: 1\ninstallation: acme\na: &a x\nb: [" + String(repeating: "*a,", count: 3 * limit) + "]\n")
        let flood = try jsonDiagnostics(try validate(["flood.yaml"], json: true))
        XCTAssertEqual(flood.count, limit + 1)
        XCTAssertEqual(flood.last?["rule"] as? String, "input-limit")
        XCTAssertEqual(flood.last?["line"] as? Int, 4)
        XCTAssertEqual(flood.last?["column"] as? Int, 5 + 3 * (limit - 3))
        let floodText = try validate(["flood.yaml"])
        assertLocated(floodText, "flood.yaml:4:\(5 + 3 * (limit - 3)): error[input-limit]: more than \(limit) findings")
        XCTAssertTrue(floodText.stderr.hasSuffix("checked 1 file: \(limit + 1) errors\n"), String(floodText.stderr.suffix(200)))

        // In-process, a million aliases cost no more than a thousand.
        let million = "version: 1\na: &a x\nb: [" + String(repeating: "*a,", count: 1_000_000) + "]\n"
        let found = TopologyCheck.check(bytes: Array(million.utf8)).diagnostics
        XCTAssertEqual(found.count, limit + 1)
        XCTAssertEqual(found.last?.rule, "input-limit")
    }

    // MARK: Nesting

    func testTwoHundredThousandLevelsOfNesting() throws {
        let depth = 200_000
        let head = "version: 1\ninstallation: acme\nhosts: "
        try write("lists.yaml", head + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n")
        try write("unclosed.yaml", head + String(repeating: "[", count: depth) + "\n")
        try write("maps.yaml", head + String(repeating: "{a: ", count: depth) + "\n")
        try write("block.yaml", "version: 1\ninstallation: acme\nhosts:\n" + String(repeating: "- ", count: depth) + "x\n")
        let run = try validate(["lists.yaml", "unclosed.yaml", "maps.yaml", "block.yaml"])
        // The root mapping is level 1, so the 64th bracket is the first too deep.
        let message = "error[input-limit]: mappings and lists are nested deeper than 64 levels"
        assertLocated(run, "lists.yaml:3:\(8 + 63): \(message)")
        assertLocated(run, "unclosed.yaml:3:\(8 + 63): \(message)")
        assertLocated(run, "maps.yaml:3:\(8 + 4 * 63): \(message)")
        assertLocated(run, "block.yaml:4:\(1 + 2 * 63): \(message)")
        XCTAssertTrue(run.stderr.utf8.count < 20_000, "the output stays small: \(run.stderr.utf8.count) bytes")

        let text = head + String(repeating: "[", count: depth)
        let found = TopologyCheck.check(bytes: Array(text.utf8)).diagnostics
        XCTAssertEqual(found.last?.rule, "input-limit")
        XCTAssertEqual(found.last?.location, SourceLocation(line: 3, column: 8 + 63))
    }

    // MARK: Size

    func testFortyEightMebibyteScalar() throws {
        let size = 48 << 20
        var text = Array("version: 1\ninstallation: acme\nhosts:\n  ui.acme.example:\n    components: [LUI]\n    install_folder: /opt/".utf8)
        text += [UInt8](repeating: UInt8(ascii: "x"), count: size)
        text += Array("\n".utf8)
        try write("huge.yaml", text)
        XCTAssertLessThanOrEqual(text.count, 64 << 20)
        let run = try validate(["huge.yaml"])
        assertLocated(run, "huge.yaml:6:21: error[input-limit]: a value of \(size + 5) bytes; values may be at most 1 MiB")
        XCTAssertEqual(run.stderr.components(separatedBy: "error[").count - 1, 1, "one finding: reading stopped there")
        XCTAssertLessThan(run.stderr.utf8.count, 4096, "the 48 MiB line is shown cut, not whole")
    }

    func testFileLargerThanTheLimitIsNotRead() throws {
        // Sparse: a gibibyte on paper, no disk space.
        let url = directory.appendingPathComponent("giant.yaml")
        XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: Data("version: 1\n".utf8)))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 1 << 30)
        try handle.close()
        let run = try validate(["giant.yaml"])
        assertLocated(run, "giant.yaml:1:1: error[input-limit]: the file is larger than 64 MiB")
    }

    // MARK: Encoding

    func testInvalidUTF8IsLocatedAtTheByte() throws {
        let head = Array("version: 1\ninstallation: ab".utf8)
        let cases: [(String, [UInt8], String)] = [
            ("ff.yaml", [0xFF], "invalid leading UTF-8 octet (byte or character 0xFF)"),
            ("truncated.yaml", [0xE2, 0x82], "incomplete UTF-8 octet sequence"),
            ("overlong.yaml", [0xC0, 0xAF, 0x0A], "invalid length of a UTF-8 sequence"),
            ("surrogate.yaml", [0xED, 0xA0, 0x80, 0x0A], "invalid Unicode character (byte or character 0xD800)"),
            ("beyond.yaml", [0xF4, 0x90, 0x80, 0x80, 0x0A], "invalid Unicode character (byte or character 0x110000)"),
        ]
        for (name, bad, _) in cases { try write(name, head + bad) }
        // UTF-16 with its byte order mark: a topology is UTF-8, so this is refused at the mark.
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in cleanFourServer.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try write("utf16.yaml", utf16)
        let run = try validate(cases.map(\.0) + ["utf16.yaml"])
        for (name, _, message) in cases {
            assertLocated(run, "\(name):2:17: error[yaml-syntax]: \(message)")
        }
        assertLocated(run, "utf16.yaml:1:1: error[yaml-syntax]: invalid leading UTF-8 octet (byte or character 0xFF)")
        XCTAssertTrue(run.stderr.hasSuffix("checked 6 files: 6 errors\n"), run.stderr)
        let inProcess = TopologyCheck.check(bytes: utf16).diagnostics
        XCTAssertEqual(inProcess.map(\.rule), ["yaml-syntax"])
        XCTAssertEqual(inProcess.first?.location, .start)
    }

    func testNULBytes() throws {
        try write("nul.yaml", Array("version: 1\ninstallation: ac\0me\nhosts: {}\n".utf8))
        try write("zeros.yaml", [UInt8](repeating: 0, count: 1 << 20))
        let run = try validate(["nul.yaml", "zeros.yaml"])
        assertLocated(run, "nul.yaml:2:17: error[yaml-syntax]: control characters are not allowed (byte or character 0x0)")
        assertLocated(run, "zeros.yaml:1:1: error[yaml-syntax]: control characters are not allowed (byte or character 0x0)")
        XCTAssertFalse(run.stderr.utf8.contains(0), "no NUL reaches the terminal")
        // The line is shown up to the NUL; the caret stands just past it.
        XCTAssertTrue(run.stderr.contains("\n    installation: ac\n                    ^\n"), run.stderr)
        XCTAssertLessThan(run.stderr.utf8.count, 4096)
    }

    func testByteOrderMark() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        try write("clean.yaml", bom + Array(cleanFourServer.utf8))
        _ = try validate(["clean.yaml"], status: 0)
        try write("version.yaml", bom + Array(cleanFourServer.replacingOccurrences(of: "version: 1", with: "version: 2").utf8))
        try write("byte.yaml", bom + Array("version: 1\u{1}\n".utf8))
        let run = try validate(["version.yaml", "byte.yaml"])
        // The mark is no column, and the printed line does not show it.
        assertLocated(run, "version.yaml:1:10: error[invalid-value]: format version 2 is not supported")
        XCTAssertTrue(run.stderr.contains("\n    version: 2\n             ^\n"), run.stderr)
        assertLocated(run, "byte.yaml:1:11: error[yaml-syntax]: control characters are not allowed")
        XCTAssertEqual(TopologyCheck.check(bytes: bom + Array(cleanFourServer.utf8)).diagnostics, [])
    }

    func testCRLFAndTheOtherLineBreaksLibyamlCounts() throws {
        let broken = cleanFourServer.replacingOccurrences(of: "components: [TRK]\n", with: "components: [TRK]\n    os: bsd\n")
        let expected = TopologyCheck.check(bytes: Array(broken.utf8)).diagnostics
        XCTAssertEqual(expected.map(\.rule), ["invalid-value"])
        let location = try XCTUnwrap(expected.first?.location)
        XCTAssertEqual(location, SourceLocation(line: 12, column: 9))
        for (name, newline) in [("crlf", "\r\n"), ("cr", "\r"), ("nel", "\u{85}"), ("ls", "\u{2028}"), ("ps", "\u{2029}")] {
            let text = broken.replacingOccurrences(of: "\n", with: newline)
            XCTAssertEqual(TopologyCheck.check(bytes: Array(text.utf8)).diagnostics, expected, name)
            try write("\(name).yaml", text)
            try write("\(name)-clean.yaml", cleanFourServer.replacingOccurrences(of: "\n", with: newline))
            _ = try validate(["\(name)-clean.yaml"], status: 0)
            let run = try validate(["\(name).yaml"])
            assertLocated(run, "\(name).yaml:12:9: error[invalid-value]: unknown operating system 'bsd'")
            // The printed line is line 12 as libyaml counts, without its break.
            XCTAssertTrue(run.stderr.contains("'bsd'\n        os: bsd\n            ^\n"), "\(name): \(run.stderr)")
            XCTAssertFalse(run.stderr.contains("\r") || run.stderr.contains("\u{2028}"), name)
        }
    }

    func testTabs() throws {
        try write("indent.yaml", "version: 1\ninstallation: acme\nhosts:\n  ui.acme.example:\n\tcomponents: [LUI]\n")
        try write("quoted.yaml", cleanFourServer.replacingOccurrences(of: "installation: acme", with: "installation: \"ac\tme\""))
        try write("plain.yaml", cleanFourServer.replacingOccurrences(of: "ca: Acme CA", with: "ca: Acme\tCA"))
        let run = try validate(["indent.yaml", "quoted.yaml", "plain.yaml"])
        assertLocated(run, "indent.yaml:5:1: error[yaml-syntax]: found character that cannot start any token")
        assertLocated(run, "quoted.yaml:2:15: error[invalid-value]: 'installation' contains a control character")
        assertLocated(run, "plain.yaml:5:7: error[invalid-value]: 'ca' contains a control character")
        // Tabs between tokens are whitespace, not content.
        try write("between.yaml", cleanFourServer.replacingOccurrences(of: "[LUI, HUB]", with: "[LUI,\tHUB]\t# tab")
            .replacingOccurrences(of: "version: 1", with: "version:\t1"))
        _ = try validate(["between.yaml"], status: 0)
    }

    // MARK: Documents that are not a topology

    func testDocumentsThatAreNotOneMapping() throws {
        try write("empty.yaml", "")
        try write("comments.yaml", "# only a comment\n   # and another\n")
        try write("scalar.yaml", "hello\n")
        try write("list.yaml", "- version: 1\n- hosts: {}\n")
        try write("two.yaml", cleanFourServer + "---\nversion: 1\n")
        let run = try validate(["empty.yaml", "comments.yaml", "scalar.yaml", "list.yaml", "two.yaml"])
        assertLocated(run, "empty.yaml:1:1: error[invalid-value]: the file holds no topology")
        assertLocated(run, "comments.yaml:1:1: error[invalid-value]: the file holds no topology")
        assertLocated(run, "scalar.yaml:1:1: error[invalid-value]: a topology is a mapping of keys such as 'version' and 'hosts', but the file holds 'hello'")
        assertLocated(run, "list.yaml:1:1: error[invalid-value]: a topology is a mapping of keys such as 'version' and 'hosts', but the file holds a list")
        assertLocated(run, "two.yaml:16:1: error[unsupported-yaml]: a second YAML document starts here")
        XCTAssertTrue(run.stderr.hasSuffix("checked 5 files: 5 errors\n"), run.stderr)
    }

    func testTags() throws {
        let yaml = cleanFourServer
            .replacingOccurrences(of: "installation: acme", with: "installation: !!python/object:os.system acme")
            .replacingOccurrences(of: "components: [TRK]", with: "components: !custom [TRK]")
        try write("tags.yaml", yaml)
        let run = try validate(["tags.yaml"])
        assertLocated(run, "tags.yaml:2:15: error[unsupported-yaml]: YAML tag '!!python/object:os.system' is not allowed")
        assertLocated(run, "tags.yaml:11:17: error[unsupported-yaml]: YAML tag '!custom' is not allowed")
    }

    // MARK: Batches

    func testALimitInOneFileLeavesTheOtherFilesChecked() throws {
        try write("deep.yaml", "version: 1\nhosts: " + String(repeating: "[", count: 100_000) + "\n")
        try write("fine.yaml", cleanFourServer.replacingOccurrences(of: "components: [TRK]", with: "components: [TRK, LUI]")
            .replacingOccurrences(of: "[LUI, HUB]", with: "[HUB]"))
        let run = try validate(["deep.yaml", "fine.yaml"])
        assertLocated(run, "deep.yaml:2:\(8 + 63): error[input-limit]")
        assertLocated(run, "fine.yaml:11:18: warning[lui-trk-colocated]: LUI and TRK both run on 'trk.acme.example'")
        XCTAssertTrue(run.stderr.hasSuffix("checked 2 files: 2 errors, 1 warning\n"), run.stderr)
        let json = try validate(["deep.yaml", "fine.yaml"], json: true)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let files = try XCTUnwrap(object["files"] as? [[String: Any]])
        XCTAssertEqual(files.map { $0["valid"] as? Bool }, [false, true])
        XCTAssertEqual(try jsonDiagnostics(json, file: 1).map { $0["rule"] as? String }, ["lui-trk-colocated"])
    }
}
