import Foundation
@testable import TopoSystem
import TopoTestSupport
import XCTest

/// `bundle` writes only inside DIR, never through a link, and a run that is
/// killed at any moment leaves DIR either as it was or complete.
final class BundleSafetyCLITests: BundleFolderTestCase {
    func testAKillAtAnyMomentLeavesDirWholeOrAbsent() throws {
        let topology = try largeTopology(listservHosts: 300)
        let arguments = ["bundle", topology.path, "--out", out.path, "--placeholder-secrets"]
        var generator = SystemRandomNumberGenerator()
        var interrupted = 0
        // The first write: DIR is absent until the whole bundle exists.
        for round in 0..<10 {
            let delay = Double.random(in: 0.02...0.9, using: &generator)
            let extra = FileManager.default.fileExists(atPath: out.path) ? ["--force"] : []
            let process = Process()
            process.executableURL = Tool.binary
            process.arguments = arguments + extra
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                interrupted += 1
            }
            process.waitUntilExit()
            let what = "round \(round), killed after \(Int(delay * 1000)) ms"
            if FileManager.default.fileExists(atPath: out.path) {
                try assertComplete(out, what)
            }
        }
        XCTAssertGreaterThan(interrupted, 3, "most runs should have been killed while writing")

        // The next run cleans up what the killed ones left beside DIR.
        let run = try Tool.run(arguments + ["--force"])
        XCTAssertEqual(run.status, 0, run.stderr)
        try assertComplete(out, "after a clean run")
        XCTAssertEqual(try leftovers(), [], "temporary folders of killed runs are removed")
    }

    func testLeftoversOfRunsThatHoldNoLockAreCleanedUp() throws {
        let fm = FileManager.default
        // A half-written bundle of a killed run, with a password file in it.
        // Its process id is this test's own, which is alive: liveness is the
        // lock's, never the id's (ids are reused, and another PID namespace
        // sees other ids).
        let livePID = ProcessInfo.processInfo.processIdentifier
        let half = directory.appendingPathComponent(".out.maestro-topo-\(livePID)-a1b2c3")
        try fm.createDirectory(at: half.appendingPathComponent("hosts"), withIntermediateDirectories: true)
        try Data("secret".utf8).write(to: half.appendingPathComponent("hosts/ssl.ini"))
        // The earlier bundle, set aside by a run killed between its two renames.
        XCTAssertEqual(try Tool.run(["bundle", "topologies/four-server.yaml", "--out", out.path],
                                    environment: ["MAESTRO_KEYSTORE_PASSWORD": "x"]).status, 0)
        let aside = directory.appendingPathComponent(".out.old-\(livePID)-d4e5f6")
        try fm.moveItem(at: out, to: aside)
        // The stale lock file of the killed runs, which recorded both: nobody holds it.
        try recordAsLeftovers([(half, .writing), (aside, .earlier)])
        // Someone else's folder with a similar name.
        let other = directory.appendingPathComponent(".out.maestro-topo-notes")
        try fm.createDirectory(at: other, withIntermediateDirectories: true)

        // The refused run (no --force) still tidies up first: the set-aside
        // bundle is back in place, and it is what refuses the run.
        let run = try Tool.run(["bundle", "topologies/four-server.yaml", "--out", out.path],
                               environment: ["MAESTRO_KEYSTORE_PASSWORD": "x"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("--force"), run.stderr)
        try assertComplete(out, "the set-aside bundle is restored")
        XCTAssertEqual(try leftovers(), [other.lastPathComponent])
    }

    func testARunThatHoldsTheLockIsLeftAlone() throws {
        let fm = FileManager.default
        let busy = directory.appendingPathComponent(".out.maestro-topo-1-g7h8i9")
        try fm.createDirectory(at: busy.appendingPathComponent("hosts"), withIntermediateDirectories: true)
        // This test is the run that is writing: it recorded its folder, and holds the lock.
        try recordAsLeftovers([(busy, .writing)])
        let lock = open(directory.appendingPathComponent(".out.maestro-topo.lock").path, O_RDONLY | O_CREAT, 0o600)
        XCTAssertGreaterThanOrEqual(lock, 0)
        XCTAssertEqual(flock(lock, LOCK_EX | LOCK_NB), 0)
        for extra in [[], ["--force"]] {
            let run = try Tool.run(["bundle", "topologies/four-server.yaml", "--out", out.path] + extra,
                                   environment: ["MAESTRO_KEYSTORE_PASSWORD": "x"])
            XCTAssertEqual(run.status, 2, run.stderr)
            XCTAssertTrue(run.stderr.contains("refusing to write '\(out.path)': another bundle run is writing it right now"), run.stderr)
            XCTAssertEqual(try leftovers(), [".out.maestro-topo-1-g7h8i9", ".out.maestro-topo.lock"], "nothing touched")
            XCTAssertFalse(fm.fileExists(atPath: out.path))
        }
        close(lock)
        let run = try Tool.run(["bundle", "topologies/four-server.yaml", "--out", out.path],
                               environment: ["MAESTRO_KEYSTORE_PASSWORD": "x"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try leftovers(), [], "once the lock is free, the folder is known to be stale")
    }

    /// A name may have 255 bytes; the names beside DIR add a prefix and a
    /// suffix, so a long DIR name is cut and completed with a hash.
    func testEveryValidDirNameWorksHoweverLong() throws {
        let names = [String(repeating: "a", count: 200), String(repeating: "b", count: 240),
                     String(repeating: "c", count: 255), String(repeating: "é", count: 127)]
        for base in names {
            let tag = BundleNames(base: base).tag
            XCTAssertLessThanOrEqual((BundleNames(base: base).temporaryPrefix + "4194304-XXXXXX").utf8.count, 255, base)
            XCTAssertEqual(tag == base, base.utf8.count <= 200, base)
            let dir = directory.appendingPathComponent(base)
            // A killed run's folder under that name is cleaned up too.
            let stale = directory.appendingPathComponent(BundleNames(base: base).temporaryPrefix + "1-abcdef")
            try FileManager.default.createDirectory(at: stale.appendingPathComponent("hosts"), withIntermediateDirectories: true)
            try recordAsLeftovers([(stale, .writing)], for: base)
            for extra in [[], ["--force"]] {
                let run = try Tool.run(["bundle", "topologies/four-server.yaml", "--out", dir.path] + extra, environment: env)
                XCTAssertEqual(run.status, 0, "\(base.utf8.count) bytes: \(run.stderr)")
                try assertComplete(dir, "\(base.utf8.count) bytes")
            }
            XCTAssertEqual(try leftovers(for: tag), [], "\(base.utf8.count) bytes")
        }
        // Two long names that share their first 190 bytes do not share leftovers.
        let one = BundleNames(base: String(repeating: "d", count: 230) + "1")
        let two = BundleNames(base: String(repeating: "d", count: 230) + "2")
        XCTAssertNotEqual(one.temporaryPrefix, two.temporaryPrefix)
        XCTAssertFalse(BundleNames.matches(two.temporaryPrefix + "1-abcdef", prefix: one.temporaryPrefix))
        XCTAssertTrue(BundleNames.matches(one.temporaryPrefix + "1-abcdef", prefix: one.temporaryPrefix))
        XCTAssertFalse(BundleNames.matches(one.temporaryPrefix + "notes", prefix: one.temporaryPrefix))
    }

    /// `DIR/.` names DIR: the lock and the temporary folder go beside it,
    /// not into it (where the lock made an empty DIR "not empty"). A DIR
    /// whose last part is no name (`.`, `..`) is refused, saying why.
    func testADirEndingInADotIsTheFolderItself() throws {
        let fm = FileManager.default
        for (index, suffix) in ["/.", "/./", "/./."].enumerated() {
            let empty = directory.appendingPathComponent("empty\(index)")
            try fm.createDirectory(at: empty, withIntermediateDirectories: true)
            let run = try Tool.run(["bundle", "topologies/four-server.yaml", "--out", empty.path + suffix, "-q"], environment: env)
            XCTAssertEqual(run.status, 0, "\(suffix): \(run.stderr)")
            try assertComplete(empty, suffix)
            XCTAssertEqual(try leftovers(for: "empty\(index)"), [], suffix)
            let again = try Tool.run(["bundle", "topologies/four-server.yaml", "--out", empty.path + suffix, "--force", "-q"],
                                     environment: env)
            XCTAssertEqual(again.status, 0, "\(suffix) --force: \(again.stderr)")
            try assertComplete(empty, "\(suffix) --force")
        }
        let sub = directory.appendingPathComponent("d/sub")
        try fm.createDirectory(at: sub, withIntermediateDirectories: true)
        for (dir, cwd, reason) in [
            (sub.path + "/..", Tool.packageRoot, "a path ending in '..' does not say the folder's own name"),
            (sub.path + "/../", Tool.packageRoot, "a path ending in '..'"),
            (".", sub, "it is the current folder, which the bundle would replace as a whole"),
            ("./.", sub, "it is the current folder"),
        ] {
            let topology = Tool.packageRoot.appendingPathComponent("topologies/four-server.yaml").path
            let run = try Tool.run(["bundle", topology, "--out", dir], environment: env, in: cwd)
            XCTAssertEqual(run.status, 2, "\(dir): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("refusing to write '\(dir)': \(reason)"), run.stderr)
            XCTAssertEqual(try fm.contentsOfDirectory(atPath: sub.path), [], "\(dir): nothing written")
            XCTAssertEqual(try fm.contentsOfDirectory(atPath: sub.deletingLastPathComponent().path), ["sub"], dir)
        }
    }

    func testALinkOrFIFOInsideAnEarlierBundleIsRefused() throws {
        let env = ["MAESTRO_KEYSTORE_PASSWORD": "x"]
        XCTAssertEqual(try Tool.run(["bundle", "topologies/four-server.yaml", "--out", out.path], environment: env).status, 0)
        let outside = directory.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let link = out.appendingPathComponent("hosts/ui.acme.example/commands/logs")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: outside)

        var run = try Tool.run(["bundle", "topologies/four-server.yaml", "--out", out.path, "--force"], environment: env)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("'hosts/ui.acme.example/commands/logs' inside it"), run.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), outside.path)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside.path), [])

        try FileManager.default.removeItem(at: link)
        XCTAssertEqual(mkfifo(out.appendingPathComponent("hosts/pipe").path, 0o600), 0)
        run = try Tool.run(["bundle", "topologies/four-server.yaml", "--out", out.path, "--force"], environment: env)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("'hosts/pipe' inside it"), run.stderr)
    }
}
