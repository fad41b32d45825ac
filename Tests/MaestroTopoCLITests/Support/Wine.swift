import Foundation
import TopoTestSupport
import XCTest

/// Runs `.cmd` files under Wine's cmd in one scratch prefix, as a Windows
/// administrator would in a Command Prompt.
///
/// Two things about Wine decide how the tests are built. Wine starts a
/// Unix program (a shell script) without waiting for it and without its
/// exit code, so keytool and icacls are played by `recorder.exe`, a small
/// Windows program built here (see `WindowsRecorder`). And Wine's cmd
/// rescans the text of an expanded `%1`/`%*` for `%`, so a batch file
/// cannot receive an argument holding `%` intact (real cmd.exe can); the
/// tests pass such values through the environment or the topology.
final class WinePrefix {
    let wine: String
    let root: URL
    var prefix: URL { root.appendingPathComponent("prefix") }
    /// C: of the prefix.
    var driveC: URL { prefix.appendingPathComponent("drive_c") }

    /// Finds Wine: /usr/lib/wine/wine64 (Debian's wine64 package) or wine64
    /// or wine on PATH. Skips on a user's machine, fails under CI=true.
    static func require(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        if FileManager.default.isExecutableFile(atPath: "/usr/lib/wine/wine64") { return "/usr/lib/wine/wine64" }
        for name in ["wine64", "wine"] {
            if let path = Tool.which(name) { return path }
        }
        return try Tool.require("wine64", file: file, line: line)
    }

    init(wine: String) throws {
        self.wine = wine
        root = try Tool.temporaryDirectory()
        // The first start creates the prefix (about ten seconds).
        let boot = try run(["cmd", "/c", "echo ready"], in: root)
        guard boot.stdout.contains("ready") else {
            // Installed but broken is no reason to pass quietly in CI.
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                XCTFail("wine is installed but did not start under CI=true: \(boot.stderr)")
            }
            throw XCTSkip("wine did not start: \(boot.stderr)")
        }
    }

    var environment: [String: String] { ["WINEPREFIX": prefix.path, "WINEDEBUG": "-all"] }

    func run(_ arguments: [String], environment extra: [String: String] = [:], in directory: URL) throws -> ToolRun {
        try Tool.runProgram(wine, arguments, environment: environment.merging(extra) { $1 }, in: directory)
    }

    /// Runs a batch file written for the purpose (CRLF line ends).
    func runBatch(_ lines: [String], environment extra: [String: String] = [:], in directory: URL) throws -> ToolRun {
        let file = directory.appendingPathComponent("driver-\(UUID().uuidString.prefix(8)).cmd")
        try Data((lines.joined(separator: "\r\n") + "\r\n").utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try run(["cmd", "/c", Self.windowsPath(file)], environment: extra, in: directory)
    }

    /// Ends the prefix's wineserver and removes everything.
    func close() {
        let server = URL(fileURLWithPath: wine).deletingLastPathComponent().appendingPathComponent("wineserver").path
        let path = FileManager.default.isExecutableFile(atPath: server) ? server : (Tool.which("wineserver") ?? server)
        _ = try? Tool.runProgram(path, ["-k"], environment: environment, in: root)
        try? FileManager.default.removeItem(at: root)
    }

    /// Wine maps Z: to the Unix root.
    static func windowsPath(_ url: URL) -> String { windowsPath(url.path) }
    static func windowsPath(_ path: String) -> String { "Z:" + path.replacingOccurrences(of: "/", with: "\\") }

    /// The Unix file behind a Windows path on Z: or C: of this prefix.
    func unixPath(_ windows: String) -> String {
        let rest = String(windows.dropFirst(2)).replacingOccurrences(of: "\\", with: "/")
        switch windows.prefix(2).uppercased() {
        case "Z:": return rest
        case "C:": return driveC.path + rest
        default: return windows
        }
    }

    /// A batch-file literal: `%` doubled, as in a batch line.
    static func batchLiteral(_ text: String) -> String { text.replacingOccurrences(of: "%", with: "%%") }
}

/// One program start the recorder saw: the program as invoked and its
/// arguments as the program's C runtime splits them.
struct RecordedCall: Equatable, CustomStringConvertible {
    var program: String
    var arguments: [String]

    var command: String { arguments.first ?? "" }
    func value(after option: String) -> String? {
        guard let index = arguments.firstIndex(of: option), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }
    var description: String { ([program] + arguments).joined(separator: " ⟩ ") }

    /// Reads a recorder's calls: the shell stub's `calls.log`, or
    /// recorder.exe's `calls-<time>.log` files in the order of their names,
    /// which is the order of the calls.
    static func read(_ directory: URL) -> [RecordedCall] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0 == "calls.log" || ($0.hasPrefix("calls-") && $0.hasSuffix(".log")) }.sorted()
        let text = names.compactMap { try? String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8) }.joined()
        guard !text.isEmpty else { return [] }
        var calls: [RecordedCall] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("--- ") {
                calls.append(RecordedCall(program: String(line.dropFirst(4)), arguments: []))
            } else if !calls.isEmpty, !(line.isEmpty && line.endIndex == text.endIndex) {
                calls[calls.count - 1].arguments.append(String(line))
            }
        }
        return calls
    }
}
