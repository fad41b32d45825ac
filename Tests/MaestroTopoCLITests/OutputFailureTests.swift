import Foundation
import TopoTestSupport
import XCTest

/// Output that cannot be written fails the run: a full disk or `/dev/full`
/// on standard output or standard error is exit 2, with a message on
/// standard error when it still works, for every command and format.
final class OutputFailureTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = try Tool.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    static let full = "No space left on device"
    static let message = "maestro-topo: error: cannot write standard output: \(full); the output is incomplete\n"

    /// Runs the tool with standard output (or error) going to `sink`; the
    /// other stream is collected.
    func run(_ arguments: [String], stdoutTo sink: String? = nil, stderrTo errSink: String? = nil,
             environment: [String: String] = [:]) throws -> ToolRun {
        let process = Process()
        process.executableURL = Tool.binary
        process.arguments = arguments
        process.currentDirectoryURL = Tool.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["MAESTRO_KEYSTORE_PASSWORD"] = "x"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        if let sink { process.standardOutput = try XCTUnwrap(FileHandle(forWritingAtPath: sink)) } else { process.standardOutput = out }
        if let errSink { process.standardError = try XCTUnwrap(FileHandle(forWritingAtPath: errSink)) } else { process.standardError = err }
        try process.run()
        final class Box: @unchecked Sendable { var data = Data() }
        let outBox = Box(), errBox = Box()
        let group = DispatchGroup()
        for (pipe, box, used) in [(out, outBox, sink == nil), (err, errBox, errSink == nil)] where used {
            group.enter()
            DispatchQueue.global().async {
                box.data = pipe.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
        }
        group.wait()
        process.waitUntilExit()
        return ToolRun(status: process.terminationStatus, stdout: String(decoding: outBox.data, as: UTF8.self),
                       stderr: String(decoding: errBox.data, as: UTF8.self))
    }

    var fresh: String { directory.appendingPathComponent("bundle-\(UUID().uuidString)").path }

    func testAFullStandardOutputFailsEveryCommandAndFormat() throws {
        let four = "topologies/four-server.yaml"
        var commands: [[String]] = [
            ["validate", "--format", "json", "topologies/"],
            ["validate", "--format", "sarif", "topologies/"],
            ["validate", "--format", "junit", "topologies/"],
            ["validate", "--format", "github", "topologies/"],
            ["plan", four], ["plan", four, "--format", "json"], ["plan", four, "--format", "markdown"],
            ["graph", four], ["graph", four, "--format", "mermaid"],
            ["bundle", four, "--out", fresh], ["bundle", four, "--out", fresh, "--format", "json"],
            ["diff", "topologies/migration/current.yaml", "topologies/migration/target.yaml"],
            ["diff", "topologies/migration/current.yaml", "topologies/migration/target.yaml", "--format", "json"],
            ["diff", "topologies/migration/current.yaml", "topologies/migration/target.yaml", "--format", "markdown"],
            ["explain"], ["explain", "partial-ssl"], ["explain", "--markdown"],
            ["init", "--preset", "four-server"],
            ["--help"], ["--version"], ["bundle", "--help"],
        ]
        if Tool.which("dot") != nil { commands.append(["graph", four, "--format", "svg"]) }
        for arguments in commands {
            let run = try run(arguments, stdoutTo: "/dev/full")
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stderr.hasSuffix(Self.message), "\(arguments): \(run.stderr)")
        }
        // validate without argument-parser (its fast path) and with it.
        for slow in [false, true] {
            let run = try run(["validate", "--format", "sarif", four], stdoutTo: "/dev/full",
                              environment: slow ? ["MAESTRO_TOPO_SLOW_ARGS": "1"] : [:])
            XCTAssertEqual(run.status, 2, run.stderr)
            XCTAssertTrue(run.stderr.hasSuffix(Self.message), run.stderr)
        }
        // A command whose findings already fail it: still 2, output failed.
        let broken = try run(["validate", "--format", "json", "topologies/broken/partial-ssl.yaml"], stdoutTo: "/dev/full")
        XCTAssertEqual(broken.status, 2, broken.stderr)
    }

    func testAFullStandardErrorFailsTheRunAndStandardOutputIsStillWhole() throws {
        let four = "topologies/four-server.yaml"
        // Text findings and summaries go to standard error.
        for arguments in [["validate", four], ["validate", "topologies/broken/partial-ssl.yaml"],
                          ["validate", "--format", "github", "topologies/broken/partial-ssl.yaml"],
                          ["plan", "topologies/broken/partial-ssl.yaml"], ["plan", "no-such-file.yaml"]] {
            let run = try run(arguments, stderrTo: "/dev/full")
            XCTAssertEqual(run.status, 2, "\(arguments)")
        }
        // bundle: the bundle and the tree on standard output are complete;
        // the hint on standard error could not be written.
        let out = fresh
        let written = try run(["bundle", four, "--out", out], stderrTo: "/dev/full")
        XCTAssertEqual(written.status, 2)
        XCTAssertTrue(written.stdout.hasPrefix(out + "/\n"), written.stdout)
        XCTAssertTrue(written.stdout.contains("ssl.ini  (0600)"), written.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/SHA256SUMS"))
        // A run that writes nothing to standard error is not failed by it.
        let json = try run(["plan", four, "--format", "json"], stderrTo: "/dev/full")
        XCTAssertEqual(json.status, 0)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)))
    }

    /// A real full file system: the first 8 KiB fit, the rest does not (a
    /// short write, then ENOSPC). Mounting a tmpfs needs root.
    func testAFileSystemThatFillsUpMidOutputFailsTheRun() throws {
        guard geteuid() == 0 else { throw XCTSkip("mounting a small tmpfs needs root") }
        let mountPoint = directory.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        let mount = try Tool.runProgram("/bin/mount", ["-t", "tmpfs", "-o", "size=8k", "tmpfs", mountPoint.path], in: directory)
        guard mount.status == 0 else { throw XCTSkip("cannot mount a tmpfs here: \(mount.stderr)") }
        defer { _ = try? Tool.runProgram("/bin/umount", [mountPoint.path], in: directory) }
        let whole = try run(["plan", "topologies/four-server.yaml", "--format", "json"])
        XCTAssertEqual(whole.status, 0)
        XCTAssertGreaterThan(whole.stdout.utf8.count, 8192, "the plan is larger than the file system")
        for arguments in [["plan", "topologies/four-server.yaml", "--format", "json"],
                          ["validate", "--format", "sarif", "topologies/"]] {
            let file = mountPoint.appendingPathComponent("out.txt")
            FileManager.default.createFile(atPath: file.path, contents: nil)
            let run = try run(arguments, stdoutTo: file.path)
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stderr.hasSuffix(Self.message), run.stderr)
            let written = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0
            XCTAssertLessThanOrEqual(written, 8192, "\(arguments)")
            try FileManager.default.removeItem(at: file)
        }
    }
}
