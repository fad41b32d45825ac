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

/// File and folder names with control, line-break and bidi characters,
/// made for real in a temporary folder and handed to the real CLI: every
/// message that names them (bundle's tree and hint, a missing secret, the
/// password-file warning, a tool error, GitHub annotations) writes those
/// characters out, so none reaches a terminal or a CI log as it is.
final class HostileOutputTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = try Tool.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// One name per kind of character: bidi override, line separator,
    /// escape sequence, bell, line feed, carriage return, NEL.
    static let hostileNames = [
        "rlo-\u{202E}lmay.yaml", "ls-\u{2028}x", "esc-\u{1B}[31mred\u{1B}[0m", "bel-\u{07}", "nl-\nerror: forged", "cr-\rx", "nel-\u{85}x",
    ]

    /// No control, line-break or bidi character in `text`, apart from the
    /// line feeds between lines.
    func assertClean(_ text: String, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        let raw = text.unicodeScalars.filter { $0.isDeceptive && $0 != "\n" }
        XCTAssertEqual(raw.map { String($0.value, radix: 16) }, [], "\(message): \(text.debugDescription)", file: file, line: line)
    }

    let topology = """
        version: 1
        installation: acme
        component_ssl: {enabled: true, ca: Acme CA, keystore_password: {file: pw.txt}}
        hosts:
          ui.acme.example: {components: [LUI, HUB]}
          trk.acme.example: {components: [TRK]}
          db.acme.example: {components: [DATABASE]}
          lsv.acme.example: {components: [LISTSERV]}

        """

    // MARK: - validate --format github

    /// Each annotation is one line starting with `::`; its `file=` decodes
    /// back to the path exactly; no raw control, line-break or bidi
    /// character anywhere, neither for files named on the command line nor
    /// for files found in a folder with such a name.
    func testGitHubAnnotationsWriteOutControlAndBidiCharactersInFileNames() throws {
        var paths: [String] = []
        for name in Self.hostileNames {
            let folder = directory.appendingPathComponent("dir-" + name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for url in [directory.appendingPathComponent(name + ".yaml"), folder.appendingPathComponent("t.yaml")] {
                try Data("version: 1\ninstallation: x\nhosts: {ui.example: {components: [LUI, HUB, TRK]}}\nbogus: 1\n".utf8).write(to: url)
                paths.append(url.path)
            }
        }
        let run = try Tool.run(["validate", "--format", "github"] + paths)
        XCTAssertEqual(run.status, 1, run.stderr)
        assertClean(run.stdout, "annotations")
        assertClean(run.stderr, "summary")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertFalse(lines.isEmpty)
        var named: Set<String> = []
        for line in lines {
            XCTAssertTrue(line.hasPrefix("::"), String(line).debugDescription)
            guard let range = line.range(of: "file="), let end = line[range.upperBound...].firstIndex(of: ",") else {
                XCTFail("no file= in \(line.debugDescription)")
                continue
            }
            named.insert(try XCTUnwrap(String(line[range.upperBound..<end]).removingPercentEncoding))
        }
        XCTAssertEqual(named, Set(paths), "file= decodes to each path")
        XCTAssertTrue(run.stdout.contains("%E2%80%AE"), "U+202E is percent-encoded in file=")
        XCTAssertTrue(run.stdout.contains("%1B%5B31mred") || run.stdout.contains("%1B[31mred"), run.stdout)
    }

    /// A file that cannot be read is an annotation too, with its path encoded.
    func testGitHubAnnotationForAnUnreadableFileWritesOutItsName() throws {
        let missing = directory.appendingPathComponent("gone-\u{1B}]0;title\u{07}-\u{202E}.yaml").path
        let run = try Tool.run(["validate", "--format", "github", missing])
        XCTAssertEqual(run.status, 2, run.stderr)
        assertClean(run.stdout + run.stderr, "unreadable")
        XCTAssertTrue(run.stdout.hasPrefix("::error "), run.stdout)
        XCTAssertEqual(run.stdout.split(separator: "\n").count, 1, run.stdout)
        XCTAssertTrue(run.stdout.contains("\\u{1b}]0;title\\u{7}"), "the message writes them out as in the terminal: \(run.stdout)")
    }

    // MARK: - bundle

    /// A password file others can read: the warning names the file, whose
    /// folder has a hostile name; the tree shows DIR written out; the hint
    /// is safe to paste: bash runs it as it is and checks the bundle.
    func testBundleOutputWritesOutDirAndThePasswordFileAndTheHintIsSafeToPaste() throws {
        let bash = try Tool.require("bash")
        for (index, name) in Self.hostileNames.enumerated() {
            let folder = directory.appendingPathComponent("src \(index) " + name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let file = folder.appendingPathComponent("acme.yaml")
            try Data(topology.utf8).write(to: file)
            let password = folder.appendingPathComponent("pw.txt")
            try Data("s3cret-pw\n".utf8).write(to: password)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: password.path)
            let out = directory.appendingPathComponent("out \(index); $(touch pwned) '" + name)
            let run = try Tool.run(["bundle", file.path, "--out", out.path], in: directory)
            XCTAssertEqual(run.status, 0, run.stderr.debugDescription)
            assertClean(run.stdout, name)
            assertClean(run.stderr, name)
            XCTAssertTrue(run.stdout.hasPrefix(out.path.withVisibleControls + "/\n"), run.stdout.debugDescription)
            XCTAssertTrue(run.stderr.contains("warning: password file \(password.path.withVisibleControls) can be read by other users"),
                          run.stderr.debugDescription)
            XCTAssertFalse(run.stdout.contains("s3cret-pw") || run.stderr.contains("s3cret-pw"))

            // The hint, pasted into bash from another folder.
            let hint = try XCTUnwrap(run.stderr.split(separator: "\n").first { $0.hasPrefix("next: ") }, run.stderr)
            let command = String(hint.dropFirst("next: ".count).prefix { $0 != "," })
            XCTAssertTrue(command.hasPrefix("cd ") && command.hasSuffix(" && sha256sum -c SHA256SUMS"), command)
            let pasted = try Tool.runProgram(bash, ["-c", command + " >/dev/null && pwd"], in: directory)
            XCTAssertEqual(pasted.status, 0, "\(command.debugDescription): \(pasted.stderr)")
            XCTAssertEqual(pasted.stdout, out.path + "\n", command.debugDescription)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("pwned").path), "the hint ran $(…)")
    }

    /// Without control characters the hint is plain POSIX quoting, which
    /// dash (sh) reads as well; a DIR starting with `-` is not an option.
    func testTheHintIsPlainShellQuotingWhereItCanBe() throws {
        let file = directory.appendingPathComponent("acme.yaml")
        try Data(topology.replacingOccurrences(of: "{file: pw.txt}", with: "{env: MAESTRO_KEYSTORE_PASSWORD}").utf8).write(to: file)
        for name in ["plain-bundle", "with space; rm -rf x", "quote ' and $(touch pwned) `id` \"dq\" \\", "-dash", "ü-and-ß"] {
            let out = directory.appendingPathComponent(name)
            let run = try Tool.run(["bundle", file.path, "--out=" + name], environment: ["MAESTRO_KEYSTORE_PASSWORD": "pw-123456"], in: directory)
            XCTAssertEqual(run.status, 0, run.stderr)
            let hint = try XCTUnwrap(run.stderr.split(separator: "\n").first { $0.hasPrefix("next: ") })
            if name == "plain-bundle" {
                XCTAssertEqual(hint, "next: cd plain-bundle && sha256sum -c SHA256SUMS, then follow README.md")
            }
            XCTAssertFalse(hint.contains("$'"), String(hint))
            let command = String(hint.dropFirst("next: ".count).prefix { $0 != "," })
            let pasted = try Tool.runProgram("/bin/sh", ["-c", command + " >/dev/null && pwd"], in: directory)
            XCTAssertEqual(pasted.status, 0, "\(command): \(pasted.stderr)")
            XCTAssertEqual(pasted.stdout, out.path + "\n", command)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("pwned").path))
    }

    /// A missing password file is named in the error, its folder written out.
    func testAMissingSecretWritesOutItsFileName() throws {
        for name in Self.hostileNames {
            let folder = directory.appendingPathComponent("m " + name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let file = folder.appendingPathComponent("acme.yaml")
            try Data(topology.utf8).write(to: file)
            let run = try Tool.run(["bundle", file.path, "--out", directory.appendingPathComponent("never").path])
            XCTAssertEqual(run.status, 2, run.stderr)
            assertClean(run.stdout + run.stderr, name)
            XCTAssertTrue(run.stderr.contains("comes from file \(folder.path.withVisibleControls)/pw.txt"), run.stderr.debugDescription)
            XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr.debugDescription)
        }
    }

    /// Tool errors write out what they quote, wherever it came from: here a
    /// DIR whose parent does not exist, and the installation an earlier
    /// bundle's marker names.
    func testToolErrorsWriteOutWhatTheyQuote() throws {
        let file = directory.appendingPathComponent("acme.yaml")
        try Data(topology.replacingOccurrences(of: "{file: pw.txt}", with: "{env: MAESTRO_KEYSTORE_PASSWORD}").utf8).write(to: file)
        let environment = ["MAESTRO_KEYSTORE_PASSWORD": "pw-123456"]
        let parent = directory.appendingPathComponent("no\n\u{1B}[2Jsuch")
        var run = try Tool.run(["bundle", file.path, "--out", parent.appendingPathComponent("out").path], environment: environment)
        XCTAssertEqual(run.status, 2, run.stderr)
        assertClean(run.stderr, "parent")
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr.debugDescription)

        let out = directory.appendingPathComponent("earlier")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("maestro-topo bundle\ninstallation: other\u{1B}[31m\u{202E}\n".utf8).write(to: out.appendingPathComponent(".maestro-topo-bundle"))
        run = try Tool.run(["bundle", file.path, "--out", out.path], environment: environment)
        XCTAssertEqual(run.status, 2, run.stderr)
        assertClean(run.stderr, "marker")
        XCTAssertTrue(run.stderr.contains("installation 'other\\u{1b}[31m\\u{202e}'"), run.stderr.debugDescription)
        XCTAssertEqual(ToolError.missingSecret("file /a\nb").description.contains("\n"), false)
    }
}
