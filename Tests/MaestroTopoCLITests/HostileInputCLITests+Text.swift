import Foundation
import TopoSource
import TopoCheck
import TopoTestSupport
import XCTest

/// Hostile text that ends up in output or in file names: host names that
/// could forge output lines or leave the bundle folder, and literal
/// passwords on lines libyaml cannot read.
extension HostileInputCLITests {
    // MARK: Host names

    func testHostNamesThatCouldBreakOutAreRefused() throws {
        let label63 = String(repeating: "a", count: 63)
        let name253 = [label63, label63, label63, String(repeating: "b", count: 61)].joined(separator: ".")
        let name254 = [label63, label63, label63, String(repeating: "b", count: 62)].joined(separator: ".")
        // (as written in YAML, as the message shows it, the problem)
        let bad: [(String, String, String)] = [
            (#""ui\nforged.example""#, #"ui\nforged.example"#, "it contains a line break"),
            (#""a=b.example""#, "a=b.example", "it contains '='"),
            (#""a,b.example""#, "a,b.example", "it contains a comma"),
            (#""a/b.example""#, "a/b.example", "it contains a path separator '/'"),
            (#""../../escape""#, "../../escape", "it contains a path separator '/'"),
            (#"'..'"#, "..", "it has an empty label"),
            (#"'a\b.example'"#, #"a\b.example"#, #"it contains a path separator '\'"#),
            (#""ui\e[2J.example""#, #"ui\u{1b}[2J.example"#, "it contains the character U+001B"),
            (String(repeating: "c", count: 64) + ".example", "c" + String(repeating: "c", count: 63) + ".example",
             "the label '\(String(repeating: "c", count: 20))…' is 64 characters long; a label has at most 63"),
            (name254, String(name254.prefix(80)) + "…", "it is 254 characters long; a host name has at most 253"),
        ]
        var yaml = cleanFourServer
        for (written, _, _) in bad { yaml += "  \(written): {components: [LISTSERV]}\n" }
        // Near misses at the limits are fine.
        yaml += "  \(label63).example: {components: [LISTSERV]}\n  \(name253): {components: [LISTSERV]}\n"
        try write("names.yaml", yaml)
        let run = try validate(["names.yaml"])
        for (i, (_, shown, problem)) in bad.enumerated() {
            assertLocated(run, "names.yaml:\(16 + i):3: error[invalid-hostname]: '\(shown)' is not a valid host name: \(problem)")
        }
        XCTAssertTrue(run.stderr.hasSuffix("checked 1 file: \(bad.count) errors\n"), run.stderr)
        XCTAssertFalse(run.stderr.contains("\u{1B}"), "an escape sequence reached the terminal")
        XCTAssertEqual(findings(InvalidHostname.self, in: yaml).map(\.location.line), Array(16..<16 + bad.count))

        // A name that other rules quote too: every message keeps it on one line.
        try write("forged.yaml", """
            version: 1
            installation: acme
            hosts:
              "ui\\nforged.example: error[fake]": {components: [LUI, HUB, TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}

            """)
        let forged = try validate(["forged.yaml"])
        assertLocated(forged, #"forged.yaml:4:62: warning[lui-trk-colocated]: LUI and TRK both run on 'ui\nforged.example: error[fake]'"#)
        for line in forged.stderr.split(separator: "\n") {
            XCTAssertTrue(line.hasPrefix("forged.yaml:") || line.hasPrefix("    ") || line.hasPrefix("checked "),
                          "a line of output was forged: \(line)")
        }
        for diagnostic in check(try String(contentsOf: directory.appendingPathComponent("forged.yaml"), encoding: .utf8)) {
            XCTAssertFalse(diagnostic.message.contains("\n"), diagnostic.message)
        }
    }

    func testNoBundleIsWrittenForAHostNameThatCouldLeaveTheFolder() throws {
        for (i, name) in ["../../escape", "..", "sub/dir", "/tmp/abs"].enumerated() {
            let yaml = cleanFourServer.replacingOccurrences(of: "lsv.acme.example:", with: "'\(name)':")
            try write("escape-\(i).yaml", yaml)
            let out = directory.appendingPathComponent("nest/out-\(i)")
            try FileManager.default.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
            let run = try Bounded.run(Tool.binary.path, ["bundle", "escape-\(i).yaml", "--out", out.path, "--placeholder-secrets"],
                                      in: directory)
            XCTAssertEqual(run.status, 1, "\(name): \(run.stderr)")
            assertLocated(run, "escape-\(i).yaml:14:3: error[invalid-hostname]")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path), [],
                           "\(name): nothing may be written")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("escape").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.deletingLastPathComponent().appendingPathComponent("escape").path))
    }

    // MARK: Passwords on lines libyaml cannot read

    /// Files whose literal password (each holds `HUNTER2`) stands on or after
    /// a line with a syntax or value error, with the finding each must give.
    func passwordCases() -> [(name: String, bytes: [UInt8], finding: String)] {
        let head = "version: 1\ninstallation: acme\ncomponent_ssl:\n  enabled: true\n  ca: Acme CA\n"
        let tail = "hosts:\n  ui.acme.example: {components: [LUI, HUB]}\n  trk.acme.example: {components: [TRK]}\n"
            + "  db.acme.example: {components: [DATABASE, LISTSERV]}\n"
        var utf16: [UInt8] = []
        for unit in #"{version: 1, component_ssl: {keystore_password: "HUNTER2-utf16\q"}}"#.utf16 {
            utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let cases: [(String, String, String)] = [
            // libyaml stops inside the value, before any event for it.
            ("unclosed-at-end", head + "  keystore_password: 'HUNTER2-unclosed", "6:39: error[yaml-syntax]: found unexpected end of stream"),
            ("unclosed", head + "  keystore_password: 'HUNTER2-open\n" + tail, "11:1: error[yaml-syntax]: found unexpected end of stream"),
            ("escape", head + "  keystore_password: \"HUNTER2-\\q\"\n" + tail, "6:31: error[yaml-syntax]: found unknown escape character"),
            ("control", head + "  keystore_password: HUNTER2-\u{1}x\n" + tail, "6:30: error[yaml-syntax]: control characters are not allowed"),
            ("continued", head + "  keystore_password: \"HUNTER2-a\nHUNTER2-b\\q\"\n" + tail, "7:10: error[yaml-syntax]: found unknown escape"),
            ("next-line", head + "  keystore_password:\n    \"HUNTER2-next\\q\"\n" + tail, "7:18: error[yaml-syntax]: found unknown escape"),
            ("block", head + "  keystore_password: |\n    HUNTER2-block\n    x\u{1}\n" + tail, "8:6: error[yaml-syntax]: control characters"),
            ("flow", head + tail.replacingOccurrences(of: "{components: [TRK]}", with: #"{components: [TRK], ssl: {keystore_password: "HUNTER2-flow\q"}}"#),
             "8:79: error[yaml-syntax]: found unknown escape"),
            ("mapping-value", head + "  keystore_password: HUNTER2-colon: x\n" + tail, "6:35: error[yaml-syntax]: mapping values are not allowed"),
            // A line so long that only a window around the column is printed.
            ("long", head + "  keystore_password: \"" + String(repeating: "HUNTER2-", count: 2500) + "\\q\"\n" + tail,
             "6:20023: error[yaml-syntax]: found unknown escape"),
            // libyaml reads the value, but the loader refuses it.
            ("tab", head + "  keystore_password: \"HUNTER2-\tx\"\n" + tail, "6:22: error[invalid-value]: 'keystore_password' contains a control character"),
            ("twice", head + "  keystore_password: HUNTER2-first\n  keystore_password: HUNTER2-second\n" + tail, "7:3: error[duplicate-key]"),
            ("misspelt", head + "  keystore_pasword: HUNTER2-typo\n" + tail, "6:3: error[unknown-key]: unknown key 'keystore_pasword'"),
            ("list", head + "  keystore_password: [HUNTER2-list]\n" + tail, "6:22: error[invalid-value]: 'keystore_password' takes a mapping, not a list"),
        ]
        return cases.map { ($0.0, Array($0.1.utf8), $0.2) } + [("utf16", utf16, "1:2: error[yaml-syntax]: control characters")]
    }

    func testLiteralPasswordOnALineLibyamlCannotReadIsNeverPrinted() throws {
        let cases = passwordCases()
        for (name, bytes, _) in cases { try write("\(name).yaml", bytes) }
        try write("target.yaml", cleanFourServer)
        let files = cases.map { "\($0.name).yaml" }
        let run = try validate(files)
        for (name, _, finding) in cases { assertLocated(run, "\(name).yaml:\(finding)") }
        var runs = [("validate", run), ("validate json", try validate(files, json: true))]
        for file in files {
            runs.append(("plan \(file)", try tool(["plan", "--no-color", file])))
            runs.append(("plan json \(file)", try tool(["plan", "--format", "json", file])))
            runs.append(("diff \(file)", try tool(["diff", "--no-color", file, "target.yaml"])))
            let bundle = try tool(["bundle", "--no-color", file, "--out", "out-\(file)"])
            XCTAssertEqual(bundle.status, 1, "bundle \(file): \(bundle.stderr)")
            runs.append(("bundle \(file)", bundle))
        }
        for (what, output) in runs {
            // Also through the U+FFFD that stands for each NUL of the UTF-16 file.
            let seen = (output.stdout + output.stderr).replacingOccurrences(of: "\u{FFFD}", with: "")
            XCTAssertFalse(seen.contains("HUNTER2"), "\(what) printed a password:\n\(output.stdout)\(output.stderr)")
        }
        // The finding is still shown on its line, with the password masked.
        XCTAssertTrue(run.stderr.contains("escape.yaml:6:31: error[yaml-syntax]: found unknown escape character while parsing a quoted scalar\n      keystore_password: ********\n                         ^\n"),
                      run.stderr)
        XCTAssertTrue(run.stderr.contains("unclosed-at-end.yaml:6:39: error[yaml-syntax]: found unexpected end of stream while scanning a quoted scalar\n      keystore_password: ********\n"),
                      run.stderr)
    }

    func testGiganticFileOfPasswordLinesIsMaskedWithoutScanningItAll() throws {
        // 60 MB of repeated keys: reading stops at the finding limit, and
        // masking the printed lines looks no further than they reach.
        let line = Array("  keystore_password: HUNTER2-flood\n".utf8)
        var bytes = Array("component_ssl:\n".utf8)
        bytes.reserveCapacity(60 << 20)
        while bytes.count < 60 << 20 { bytes += line }
        try write("flood.yaml", bytes)
        let started = Date()
        let run = try validate(["flood.yaml"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        assertLocated(run, "flood.yaml:3:3: error[duplicate-key]: key 'keystore_password' appears twice in component_ssl")
        assertLocated(run, "flood.yaml:1003:3: error[input-limit]: more than 1000 findings")
        XCTAssertFalse(run.stderr.contains("HUNTER2"))
        XCTAssertTrue(run.stderr.contains("\n      keystore_password: ********\n"))
    }
}
