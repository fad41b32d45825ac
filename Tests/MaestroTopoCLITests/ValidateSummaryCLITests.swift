import Foundation
import TopoTestSupport
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// The summary of a `validate` run counts the paths that could not be read
/// (missing, unreadable, not a regular file, a folder without topology
/// files), so "no problems found" never stands alone over an exit 2.
final class ValidateSummaryCLITests: XCTestCase {
    var directory: URL!
    let fileManager = FileManager.default

    override func setUpWithError() throws {
        directory = try Tool.temporaryDirectory()
        // Readable by the unprivileged user of `unprivileged`.
        try fileManager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
        try fileManager.copyItem(at: Tool.packageRoot.appendingPathComponent("topologies/four-server.yaml"),
                                 to: directory.appendingPathComponent("good.yaml"))
        try fileManager.copyItem(at: Tool.packageRoot.appendingPathComponent("topologies/broken/partial-ssl.yaml"),
                                 to: directory.appendingPathComponent("broken.yaml"))
    }

    override func tearDownWithError() throws {
        try? fileManager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path("locked"))
        try? fileManager.removeItem(at: directory)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func tool(_ arguments: [String], environment: [String: String] = [:]) throws -> ToolRun {
        try Bounded.run(Tool.binary.path, arguments, in: directory, environment: environment)
    }

    func lastLine(_ text: String) -> String { text.split(separator: "\n").last.map(String.init) ?? "" }

    func testMissingPathsAreCounted() throws {
        let one = try tool(["validate", "--no-color", "missing.yaml", "good.yaml"])
        XCTAssertEqual(one.status, 2)
        XCTAssertEqual(one.stderr, """
            maestro-topo: error: 'missing.yaml' does not exist
            checked 1 file: no problems found; 1 path could not be read

            """)
        let two = try tool(["validate", "--no-color", "missing.yaml", "good.yaml", "gone/"])
        XCTAssertEqual(two.status, 2)
        XCTAssertEqual(lastLine(two.stderr), "checked 1 file: no problems found; 2 paths could not be read")
        let alone = try tool(["validate", "--no-color", "missing.yaml"])
        XCTAssertEqual(alone.status, 2)
        XCTAssertEqual(lastLine(alone.stderr), "checked 0 files: no problems found; 1 path could not be read")
        let withFindings = try tool(["validate", "--no-color", "broken.yaml", "missing.yaml"])
        XCTAssertEqual(withFindings.status, 2)
        XCTAssertEqual(lastLine(withFindings.stderr), "checked 1 file: 1 error; 1 path could not be read")
    }

    func testUnreadableFilesAndFoldersAreCounted() throws {
        // Root reads any file, but never a FIFO as a topology.
        XCTAssertEqual(mkfifo(path("pipe.yaml"), 0o644), 0, String(cString: strerror(errno)))
        let fifo = try tool(["validate", "--no-color", "pipe.yaml", "good.yaml"])
        XCTAssertEqual(fifo.status, 2)
        XCTAssertTrue(fifo.stderr.contains("cannot read 'pipe.yaml': not a regular file"), fifo.stderr)
        // The FIFO is a file tried, as in the JSON summary's `files`.
        XCTAssertEqual(lastLine(fifo.stderr), "checked 2 files: no problems found; 1 path could not be read")

        try fileManager.createDirectory(atPath: path("locked"), withIntermediateDirectories: true)
        try fileManager.copyItem(atPath: path("good.yaml"), toPath: path("locked/inner.yaml"))
        try fileManager.setAttributes([.posixPermissions: 0], ofItemAtPath: path("locked"))
        let folder = try unprivileged(["validate", "--no-color", "locked", "good.yaml"])
        XCTAssertEqual(folder.status, 2)
        XCTAssertTrue(folder.stderr.contains("cannot read 'locked': Permission denied"), folder.stderr)
        XCTAssertEqual(lastLine(folder.stderr), "checked 1 file: no problems found; 1 path could not be read")

        try fileManager.createDirectory(atPath: path("empty"), withIntermediateDirectories: true)
        let all = try unprivileged(["validate", "--no-color", "locked", "pipe.yaml", "missing.yaml", "empty", "good.yaml"])
        XCTAssertEqual(all.status, 2)
        XCTAssertEqual(lastLine(all.stderr), "checked 2 files: no problems found; 4 paths could not be read")
    }

    func testEveryFormatWithASummaryCountsThem() throws {
        XCTAssertEqual(mkfifo(path("pipe.yaml"), 0o644), 0, String(cString: strerror(errno)))
        let paths = ["missing.yaml", "pipe.yaml", "good.yaml"]
        let expected = "checked 2 files: no problems found; 2 paths could not be read"
        // Both argument readers, and the GitHub format's summary on standard error.
        for (arguments, environment) in [(["validate"], [:]), (["validate"], ["MAESTRO_TOPO_SLOW_ARGS": "1"]),
                                         (["validate", "--format", "github"], [:])] {
            let run = try tool(arguments + ["--no-color"] + paths, environment: environment)
            XCTAssertEqual(run.status, 2, "\(arguments)")
            XCTAssertEqual(lastLine(run.stderr), expected, "\(arguments) \(environment)")
        }
        XCTAssertEqual(try tool(["validate", "--quiet"] + paths).stderr.contains("checked"), false)
        XCTAssertEqual(try tool(["validate", "--quiet", "--format", "github"] + paths).stderr.contains("checked"), false)

        // SARIF and JUnit already count both kinds: a notification or a test-case error each.
        let sarif = try tool(["validate", "--format", "sarif"] + paths)
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let invocation = try XCTUnwrap((run["invocations"] as? [[String: Any]])?.first)
        XCTAssertEqual(invocation["executionSuccessful"] as? Bool, false)
        XCTAssertEqual((invocation["toolExecutionNotifications"] as? [Any])?.count, 2)
        let junit = try tool(["validate", "--format", "junit"] + paths)
        XCTAssertTrue(junit.stdout.contains("<testsuites name=\"maestro-topo validate\" tests=\"3\" failures=\"0\" errors=\"2\">"),
                      junit.stdout)
    }

    /// Runs the binary as a user a mode-000 folder keeps out. Root is not
    /// kept out, so under root the run drops to nobody (65534) with
    /// util-linux's setpriv, from a copy of the binary nobody can reach.
    func unprivileged(_ arguments: [String]) throws -> ToolRun {
        guard geteuid() == 0 else { return try tool(arguments) }
        return try Bounded.runAsNobody(arguments, in: directory, scratch: directory)
    }
}
