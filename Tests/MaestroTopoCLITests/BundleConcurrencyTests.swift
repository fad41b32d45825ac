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

/// One run at a time writes a DIR. A run holds a lock beside DIR while it
/// works; another run for the same DIR, with or without `--force`, is
/// refused (exit 2) and touches nothing, wherever its process lives.
final class BundleConcurrencyTests: BundleFolderTestCase {
    /// Starts the tool without waiting; its output is collected in files.
    func start(_ program: String, _ arguments: [String]) throws -> (Process, URL) {
        let log = directory.appendingPathComponent("log-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = Tool.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["MAESTRO_KEYSTORE_PASSWORD"] = "x"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        return (process, log)
    }

    func testConcurrentRunsIntoOneDirHaveOneWinner() throws {
        let topology = try largeTopology(listservHosts: 600)
        let runs = try (0..<4).map { _ in
            try start(Tool.binary.path, ["bundle", topology.path, "--out", out.path, "--placeholder-secrets", "-q"])
        }
        var statuses: [Int32] = [], messages: [String] = []
        for (process, log) in runs {
            process.waitUntilExit()
            statuses.append(process.terminationStatus)
            messages.append(try String(contentsOf: log, encoding: .utf8))
        }
        XCTAssertEqual(statuses.filter { $0 == 0 }.count, 1, "exactly one run wins: \(statuses) \(messages)")
        XCTAssertEqual(statuses.filter { $0 == 2 }.count, 3, "\(statuses) \(messages)")
        for (status, message) in zip(statuses, messages) where status == 2 {
            XCTAssertTrue(message.contains("another bundle run is writing it right now")
                || message.contains("already holds a bundle of 'acme-large'; pass --force"), message)
        }
        XCTAssertTrue(messages.contains { $0.contains("another bundle run is writing it right now") },
                      "at least one run was refused while the winner wrote: \(messages)")
        try assertComplete(out, "the winner's bundle")
        XCTAssertEqual(try leftovers(), [])
    }

    func testASecondForcedRunIsRefusedWhileTheFirstWrites() throws {
        let topology = try largeTopology(listservHosts: 800)
        let small = try largeTopology(listservHosts: 5)  // the same installation, quick to write
        XCTAssertEqual(try Tool.run(["bundle", small.path, "--out", out.path, "--placeholder-secrets", "-q"]).status, 0)
        let (first, log) = try start(Tool.binary.path, ["bundle", topology.path, "--out", out.path, "--placeholder-secrets", "--force", "-q"])
        XCTAssertTrue(waitForTemporaryFolder(seconds: 60), "the first run started writing")
        let second = try Tool.run(["bundle", small.path, "--out", out.path, "--placeholder-secrets", "--force"])
        first.waitUntilExit()
        XCTAssertEqual(second.status, 2, second.stderr)
        XCTAssertTrue(second.stderr.contains("another bundle run is writing it right now"), second.stderr)
        XCTAssertEqual(first.terminationStatus, 0, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
        try assertComplete(out, "the first run's bundle")
        XCTAssertEqual(try leftovers(), [])
    }

    /// Runs in different PID namespaces (containers sharing a folder) see
    /// each other's process ids as dead. Here the writing run is process 2
    /// of its namespace, and the second run is process 1 of another, where
    /// no process 2 exists: a liveness check by process id would take the
    /// first run's folder for a dead run's and remove it mid-write.
    func testARunInAnotherPIDNamespaceIsSeenByItsLock() throws {
        let unshare = try Tool.require("unshare")
        let probe = try Tool.runProgram(unshare, ["--pid", "--fork", "true"], in: directory)
        guard probe.status == 0 else { throw XCTSkip("cannot make a PID namespace here: \(probe.stderr)") }
        // A second run must finish while the first still writes: when the
        // first was too quick for that (a fast disk, a slow sanitizer
        // build), try again with a larger bundle.
        var refused = 0
        for hosts in [800, 4_000, 16_000] where refused == 0 {
            try? FileManager.default.removeItem(at: out)
            let topology = try largeTopology(listservHosts: hosts)
            let (first, log) = try start(unshare, [
                "--pid", "--fork", "sh", "-c", "\"$0\" \"$@\"; exit $?",
                Tool.binary.path, "bundle", topology.path, "--out", out.path, "--placeholder-secrets", "-q",
            ])
            XCTAssertTrue(waitForTemporaryFolder(seconds: 60), "the first run started writing")
            XCTAssertTrue(try leftovers().contains { $0.hasPrefix(".out.maestro-topo-2-") }, "it is process 2 of its namespace")
            while first.isRunning {
                let second = try Tool.runProgram(unshare, ["--pid", "--fork", Tool.binary.path,
                                                           "bundle", "topologies/four-server.yaml", "--out", out.path],
                                                 environment: env, in: Tool.packageRoot)
                guard first.isRunning else { break }  // it may have finished meanwhile
                XCTAssertEqual(second.status, 2, "a second run in another namespace: \(second.stderr)")
                if second.stderr.contains("another bundle run is writing it right now") { refused += 1 }
                usleep(100_000)
            }
            first.waitUntilExit()
            XCTAssertEqual(first.terminationStatus, 0, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
            try assertComplete(out, "the first run's bundle, whole")
            XCTAssertEqual(try leftovers(), [])
        }
        XCTAssertGreaterThan(refused, 0, "no second run finished while the first wrote, even with 16,000 hosts")
    }

    func testALockFileThatIsALinkOrAnotherUsersIsRefused() throws {
        let victim = directory.appendingPathComponent("victim")
        try Data("keep".utf8).write(to: victim)
        let lock = directory.appendingPathComponent(".out.maestro-topo.lock")
        try FileManager.default.createSymbolicLink(at: lock, withDestinationURL: victim)
        var run = try Tool.run(["bundle", "topologies/four-server.yaml", "--out", out.path], environment: env)
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("is a symbolic link, not a lock file maestro-topo made"), run.stderr)
        XCTAssertEqual(try Data(contentsOf: victim), Data("keep".utf8))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))

        guard geteuid() == 0 else { return }
        try FileManager.default.removeItem(at: lock)
        try Data().write(to: lock)
        XCTAssertEqual(chown(lock.path, Self.nobody, gid_t(Self.nobody)), 0)
        run = try Tool.run(["bundle", "topologies/four-server.yaml", "--out", out.path], environment: env)
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("is not a lock file this user made"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    /// The lock file says what the next run deletes, so a file under its
    /// name that maestro-topo did not write (one of the user's own files,
    /// renamed there by someone who can write the parent) is neither read
    /// as records, nor written, nor removed.
    func testALockFileMaestroTopoDidNotWriteIsLeftAsItIs() throws {
        let lock = directory.appendingPathComponent(".out.maestro-topo.lock")
        let other = directory.appendingPathComponent("notes")
        for (setup, reason) in [
            ({ try Data("precious notes\n".utf8).write(to: lock) }, "holds something other than maestro-topo's records"),
            ({
                try Data("precious notes\n".utf8).write(to: other)
                try FileManager.default.linkItem(at: other, to: lock)
            }, "has other names (hard links)"),
            ({
                try Data(LeftoverRecord.text([]).utf8).write(to: lock)
                XCTAssertEqual(chmod(lock.path, 0o622), 0)
            }, "can be written by other users (mode 0622)"),
        ] as [(() throws -> Void, String)] {
            try? FileManager.default.removeItem(at: lock)
            try? FileManager.default.removeItem(at: other)
            try setup()
            let before = try Data(contentsOf: lock)
            let run = try Tool.run(["bundle", "topologies/four-server.yaml", "--out", out.path], environment: env)
            XCTAssertEqual(run.status, 2, run.stderr)
            XCTAssertTrue(run.stderr.contains("'\(lock.path)' \(reason), so it is not a lock file maestro-topo made; remove it"),
                          run.stderr)
            XCTAssertEqual(try Data(contentsOf: lock), before, reason)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        }
    }
}
