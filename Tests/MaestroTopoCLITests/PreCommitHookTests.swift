import Foundation
import TopoTestSupport
import XCTest

/// The hook of .pre-commit-hooks.yaml, run by the real pre-commit: a scratch
/// hooks repository holds this tree's manifest as it is now (uncommitted
/// changes included), and a scratch project uses it by path and commit, as a
/// project uses a published hooks repository. No network: the hook's
/// language is `system`, so pre-commit runs the maestro-topo on PATH, the one
/// built for these tests.
final class PreCommitHookTests: TemporaryDirectoryTestCase {
    var preCommit = ""
    var git = ""
    var project: URL!

    override func setUpWithError() throws {
        try super.setUpWithError()
        preCommit = try Tool.require("pre-commit")
        git = try Tool.require("git")
        let hooks = directory.appendingPathComponent("hooks")
        try makeRepository(hooks)
        try FileManager.default.copyItem(
            at: Tool.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"),
            to: hooks.appendingPathComponent(".pre-commit-hooks.yaml"))
        try commitAll(in: hooks)
        let rev = try gitOutput(["rev-parse", "HEAD"], in: hooks)

        project = directory.appendingPathComponent("project")
        try makeRepository(project)
        try write(
            """
            repos:
              - repo: \(hooks.path)
                rev: \(rev)
                hooks:
                  - id: maestro-topo-validate

            """, to: ".pre-commit-config.yaml")
        try write(try Self.fourServer(), to: "topologies/four-server.yaml")
    }

    /// The environment of every git and pre-commit run: the tool under test
    /// first on PATH, pre-commit's cache in the scratch folder.
    var environment: [String: String] {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return [
            "PATH": "\(Tool.binary.deletingLastPathComponent().path):\(path)",
            "PRE_COMMIT_HOME": directory.appendingPathComponent("pre-commit-home").path,
            "PRE_COMMIT_COLOR": "never", "NO_COLOR": "1",
            "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
        ]
    }

    func makeRepository(_ folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try runGit(["init", "-q"], in: folder)
        try runGit(["config", "user.name", "maestro-topo tests"], in: folder)
        try runGit(["config", "user.email", "tests@maestro-topo.example"], in: folder)
        try runGit(["config", "commit.gpgsign", "false"], in: folder)
    }

    func write(_ text: String, to relativePath: String) throws {
        let file = project.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        try runGit(["add", relativePath], in: project)
    }

    func commitAll(in folder: URL) throws {
        try runGit(["add", "-A"], in: folder)
        try runGit(["commit", "-q", "-m", "hooks"], in: folder)
    }

    @discardableResult
    func runGit(_ arguments: [String], in folder: URL) throws -> ToolRun {
        let run = try Tool.runProgram(git, arguments, environment: environment, in: folder)
        XCTAssertEqual(run.status, 0, "git \(arguments.joined(separator: " ")): \(run.stderr)")
        return run
    }

    func gitOutput(_ arguments: [String], in folder: URL) throws -> String {
        try runGit(arguments, in: folder).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func preCommitRun() throws -> ToolRun {
        try Tool.runProgram(preCommit, ["run", "--all-files", "--color", "never"], environment: environment, in: project)
    }

    static func fourServer() throws -> String {
        try String(contentsOf: Tool.packageRoot.appendingPathComponent("topologies/four-server.yaml"), encoding: .utf8)
    }

    /// four-server.yaml with a port out of range (line 17) and a misspelt
    /// key (line 20).
    static func broken() throws -> String {
        let broken = try fourServer()
            .replacingOccurrences(of: "  tracker_port: 7000\n", with: "  tracker_port: 70000\n")
            .replacingOccurrences(of: "  enabled: true\n", with: "  enable: true\n")
        XCTAssertNotEqual(broken, try fourServer(), "topologies/four-server.yaml changed; pick other lines to break")
        return broken
    }

    func testGoodTopologyPasses() throws {
        let run = try preCommitRun()
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("maestro-topo validate"), run.stdout)
        XCTAssertTrue(run.stdout.contains("Passed"), run.stdout)
        // .pre-commit-config.yaml is YAML too, but no topology: the hook leaves it out.
        XCTAssertFalse(run.stdout.contains(".pre-commit-config.yaml"), run.stdout)
    }

    func testBrokenTopologyFailsWithFileLineAndColumn() throws {
        try write(try Self.broken(), to: "topologies/broken.yaml")
        let run = try preCommitRun()
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("Failed"), run.stdout)
        XCTAssertTrue(run.stdout.contains("- exit code: 1"), run.stdout)
        XCTAssertTrue(
            run.stdout.contains("topologies/broken.yaml:17:17: error[invalid-value]: 'tracker_port' is 70000"), run.stdout)
        XCTAssertTrue(
            run.stdout.contains("topologies/broken.yaml:20:3: error[unknown-key]: unknown key 'enable'"), run.stdout)
        // Both files in one run: maestro-topo's summary counts them.
        XCTAssertTrue(run.stdout.contains("checked 2 files: 2 errors"), run.stdout)
        XCTAssertFalse(run.stdout.contains("four-server.yaml:"), "the good file has no finding: \(run.stdout)")
    }

    /// Installed as the git hook, it refuses the commit of a broken topology
    /// and lets the fixed one through.
    func testInstalledHookRefusesTheCommitOfABrokenTopology() throws {
        let install = try Tool.runProgram(preCommit, ["install"], environment: environment, in: project)
        XCTAssertEqual(install.status, 0, install.stdout + install.stderr)
        try write(try Self.broken(), to: "topologies/acme.yaml")
        let refused = try Tool.runProgram(git, ["commit", "-q", "-m", "broken"], environment: environment, in: project)
        XCTAssertNotEqual(refused.status, 0, "the commit went through: \(refused.stdout)")
        XCTAssertTrue((refused.stdout + refused.stderr).contains("topologies/acme.yaml:20:3: error[unknown-key]"),
                      refused.stdout + refused.stderr)
        let head = try Tool.runProgram(git, ["rev-parse", "--verify", "-q", "HEAD"], environment: environment, in: project)
        XCTAssertNotEqual(head.status, 0, "a commit was made")

        try write(try Self.fourServer(), to: "topologies/acme.yaml")
        let committed = try Tool.runProgram(git, ["commit", "-q", "-m", "fixed"], environment: environment, in: project)
        XCTAssertEqual(committed.status, 0, committed.stdout + committed.stderr)
    }
}
