import Foundation
import TopoCheck
import TopoPlan
import TopoBundle
import TopoSystem
import TopoTestSupport
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// How `bundle` reads a password: password files exactly or not at all,
/// never shown, and a placeholder that says why (SecretHandlingTests: core
/// files).
final class SecretHandlingCLITests: SecretHandlingTestCase {
    /// A topology whose password comes from `source`, written to `t.yaml`.
    func topology(_ source: String = "{file: pw}") throws -> String {
        let yaml = cleanFourServer.replacingOccurrences(of: "{env: KS_PW}", with: source)
        try Data(yaml.utf8).write(to: directory.appendingPathComponent("t.yaml"))
        return "t.yaml"
    }

    func bundle(_ file: String = "t.yaml", out: String = "out", environment: [String: String] = [:]) throws -> ToolRun {
        try? FileManager.default.removeItem(at: directory.appendingPathComponent(out))
        return try Bounded.run(Tool.binary.path, ["bundle", "--no-color", file, "--out", out], in: directory,
                               environment: environment)
    }

    /// The `SSLKeystorePassword=` value of ui's ssl.ini, as written.
    func writtenPassword(out: String = "out") throws -> String? {
        let ini = directory.appendingPathComponent("\(out)/hosts/ui.acme.example/commands/ssl.ini")
        guard let data = FileManager.default.contents(atPath: ini.path) else { return nil }
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n").first { $0.hasPrefix("SSLKeystorePassword=") }
        return line.map { String($0.dropFirst("SSLKeystorePassword=".count)) }
    }

    /// `bundle` refuses the password file with exit 2, a message holding
    /// `reason`, nothing written, and none of `secret` shown.
    func assertRefused(_ reason: String, secret: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let run = try bundle()
        XCTAssertEqual(run.status, 2, run.stderr, file: file, line: line)
        XCTAssertTrue(run.stderr.contains("the keystore password for 'ui.acme.example' comes from file ./pw, which cannot be used: \(reason)"),
                      run.stderr, file: file, line: line)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path),
                       "nothing may be written", file: file, line: line)
        if let secret {
            XCTAssertFalse((run.stdout + run.stderr).contains(secret), "the file's content was shown", file: file, line: line)
        }
    }

    // MARK: Password files

    func testInvalidUTF8IsRefusedNotReplaced() throws {
        _ = try topology()
        for bytes: [UInt8] in [
            [0x70, 0xFF, 0x77, 0x0A],           // a byte that is never UTF-8
            [0x70, 0xC3],                       // a sequence cut short
            [0x70, 0xC0, 0xAF],                 // an overlong '/'
            [0x70, 0xED, 0xA0, 0x80],           // a surrogate
            [0x70, 0xE4] + Array("sswort".utf8),  // Latin-1 'ä'
        ] {
            try writePassword(bytes)
            try assertRefused("it is not UTF-8 text; save the password as UTF-8")
        }
        try writePassword([0xEF, 0xBB, 0xBF] + Array("pw".utf8))
        try assertRefused("it starts with a byte order mark")
        try writePassword(Array("p\0w".utf8))
        try assertRefused("it holds a NUL byte, so it is not a text file")
    }

    func testAFileIsReadToItsEndNotToItsReportedSize() throws {
        // /proc files report a size of 0; the old reading kept one byte.
        let ostype = try String(contentsOfFile: "/proc/sys/kernel/ostype", encoding: .utf8)
        XCTAssertGreaterThan(ostype.count, 2)
        _ = try topology("{file: /proc/sys/kernel/ostype}")
        let run = try bundle()
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try writtenPassword(), JavaProperties.escape(String(ostype.dropLast())))
    }

    func testAPasswordFileHoldsOneLine() throws {
        _ = try topology()
        // Something like /etc/shadow: it must never be copied into ssl.ini.
        try writePassword(Array("root:$6$S3cr3tHash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n".utf8))
        try assertRefused("it holds more than one line; a password file holds the password alone, on one line", secret: "S3cr3t")
        for text in ["S3cr3t\n\n", "\nS3cr3t", "S3cr3t\rx", "S3cr3t\r", "S3cr3t\n\r\n"] {
            try writePassword(Array(text.utf8))
            try assertRefused("it holds more than one line", secret: "S3cr3t")
        }
        try writePassword(Array(repeating: UInt8(ascii: "a"), count: 4097))
        try assertRefused("it holds more than 4096 bytes", secret: "aaaa")
        try writePassword(Array(repeating: UInt8(ascii: "a"), count: 4095) + [0x0D, 0x0A])
        try assertRefused("it holds more than 4096 bytes", secret: "aaaa")
        try writePassword(Array("\r\n".utf8))
        try assertRefused("it is empty")

        // One final LF or CRLF belongs to the file; 4096 bytes in all is the most.
        for (text, expected) in [("pw\n", "pw"), ("pw\r\n", "pw"), ("pw", "pw"), (" tab\there ", "\\ tab\\there ")] {
            try writePassword(Array(text.utf8))
            let run = try bundle()
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertEqual(try writtenPassword(), expected, text)
        }
        let longest = String(repeating: "b", count: 4095)
        try writePassword(Array((longest + "\n").utf8))
        XCTAssertEqual(try bundle().status, 0)
        XCTAssertEqual(try writtenPassword(), longest)
    }

    func testOnlyRegularFilesAreRead() throws {
        _ = try topology()
        let pw = directory.appendingPathComponent("pw").path
        // A FIFO: refused at once, never waited on (Bounded fails the test on a hang).
        XCTAssertEqual(mkfifo(pw, 0o600), 0)
        try assertRefused("it is a FIFO; a password file must be a regular file")
        unlink(pw)
        XCTAssertEqual(symlink("/dev/zero", pw), 0)
        try assertRefused("it is a character device; a password file must be a regular file")
        unlink(pw)
        XCTAssertEqual(mkdir(pw, 0o700), 0)
        try assertRefused("it is a directory; a password file must be a regular file")
        rmdir(pw)
        XCTAssertEqual(symlink("missing", pw), 0)
        try assertRefused("No such file or directory")
        unlink(pw)

        // A link to a regular file is followed; the warning judges the file itself.
        try writePassword(Array("linked\n".utf8), mode: 0o644, name: "target")
        XCTAssertEqual(symlink("target", pw), 0)
        let run = try bundle()
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try writtenPassword(), "linked")
        XCTAssertTrue(run.stderr.contains("warning: password file ./pw can be read by other users; chmod 600 it"), run.stderr)
        chmod(directory.appendingPathComponent("target").path, 0o600)
        XCTAssertFalse(try bundle().stderr.contains("can be read by other users"))
    }

    func testAnEnvironmentPasswordMustBeUTF8() throws {
        _ = try topology("{env: KS_PW}")
        // Process takes Strings; the shell passes the raw byte on.
        let script = "KS_PW=\"$(printf 'p\\377w')\" exec \"$0\" bundle --no-color t.yaml --out out"
        let run = try Bounded.run("/bin/sh", ["-c", script, Tool.binary.path], in: directory)
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("comes from environment variable KS_PW, which is not UTF-8 text"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))

        let good = try bundle(environment: ["KS_PW": "Grüße 😀"])
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertEqual(try writtenPassword(), "Gr\\u00FC\\u00DFe \\uD83D\\uDE00")
    }

    /// With --placeholder-secrets a password that cannot be had becomes the
    /// placeholder, and stderr says why (the reason, never the content),
    /// once per source however many hosts share it.
    func testAPlaceholderSaysWhyThePasswordWasNotUsed() throws {
        _ = try topology()
        func placeholderRun() throws -> ToolRun {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent("out"))
            return try Bounded.run(Tool.binary.path, ["bundle", "--no-color", "-q", "t.yaml", "--out", "out", "--placeholder-secrets"],
                                   in: directory, environment: ["KS_PW": ""])
        }
        let cases: [(bytes: [UInt8], reason: String)] = [
            (Array("root:$6$S3cr3tHash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n".utf8),
             "it holds more than one line; a password file holds the password alone, on one line"),
            ([0x53, 0x33, 0x63, 0x72, 0x33, 0x74, 0xFF, 0x0A], "it is not UTF-8 text; save the password as UTF-8"),
        ]
        for (bytes, reason) in cases {
            try writePassword(bytes)
            let run = try placeholderRun()
            XCTAssertEqual(run.status, 0, run.stderr)
            let why = "maestro-topo: warning: placeholder written for the keystore password from file ./pw, which cannot be used: \(reason)"
            XCTAssertEqual(run.stderr.components(separatedBy: why).count - 1, 1, "said once: \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("placeholder passwords written into the ssl.ini of ui.acme.example, trk.acme.example"),
                          run.stderr)
            XCTAssertFalse((run.stdout + run.stderr).contains("S3cr3t"), "the file's content was shown: \(run.stderr)")
            XCTAssertEqual(try writtenPassword(), SecretResolver.placeholder)
        }
        unlink(directory.appendingPathComponent("pw").path)
        XCTAssertTrue(try placeholderRun().stderr.contains(
            "placeholder written for the keystore password from file ./pw, which cannot be used: No such file or directory"))
        _ = try topology("{env: KS_PW}")
        XCTAssertTrue(try placeholderRun().stderr.contains(
            "placeholder written for the keystore password from environment variable KS_PW, which is not set (it is empty)"))
    }
}
