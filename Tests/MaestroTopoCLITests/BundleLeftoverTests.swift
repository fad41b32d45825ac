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
import Synchronization
import TopoTestSupport
import XCTest

/// What a run finds beside DIR under names of its own may have been
/// planted by anyone who can write DIR's parent. Only what a run recorded
/// making is cleaned up; a folder merely given such a name (one of the
/// user's own, renamed there by someone else) is never touched. Cleaning up
/// must follow no link, at any depth and however the tree changes while it
/// is removed, touch nothing of another user's, and never put a link or a
/// file in DIR's place.
final class BundleLeftoverTests: BundleFolderTestCase {
    /// A folder outside everything the tool may touch, with a canary.
    func makeVictim(_ name: String = "victim", files: [String] = ["canary"]) throws -> URL {
        let victim = directory.appendingPathComponent(name)
        try fm.createDirectory(at: victim, withIntermediateDirectories: true)
        for file in files { try Data("keep \(file)".utf8).write(to: victim.appendingPathComponent(file)) }
        return victim
    }

    func assertIntact(_ victim: URL, _ files: [String] = ["canary"], _ message: String = "",
                      file: StaticString = #filePath, line: UInt = #line) {
        let present = (try? fm.contentsOfDirectory(atPath: victim.path).sorted()) ?? []
        XCTAssertEqual(present, files.sorted(), "the victim folder lost files \(message)", file: file, line: line)
    }

    func bundle(_ extra: [String] = []) throws -> ToolRun {
        try Tool.run(["bundle", "topologies/four-server.yaml", "--out", out.path] + extra, environment: env)
    }

    func testPlantedLinksAtEveryDepthOfALeftoverAreRemovedNotFollowed() throws {
        let victim = try makeVictim()
        let victimFile = victim.appendingPathComponent("canary")
        // A leftover of a "killed run": folders four deep, a link to the
        // victim folder and one to its file at every depth.
        let leftover = directory.appendingPathComponent(".out.maestro-topo-12345-abcdef")
        var folder = leftover
        for depth in 0..<4 {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: folder.appendingPathComponent("file\(depth)"))
            try fm.createSymbolicLink(at: folder.appendingPathComponent("dir-link\(depth)"), withDestinationURL: victim)
            try fm.createSymbolicLink(at: folder.appendingPathComponent("file-link\(depth)"), withDestinationURL: victimFile)
            folder = folder.appendingPathComponent("sub\(depth)")
        }
        try recordAsLeftovers([(leftover, .writing)])
        // Leftover names that are a link to the victim, and a plain file.
        try fm.createSymbolicLink(at: directory.appendingPathComponent(".out.maestro-topo-9999998-zzzzzz"), withDestinationURL: victim)
        try Data("x".utf8).write(to: directory.appendingPathComponent(".out.maestro-topo-9999999-yyyyyy"))

        let run = try bundle()
        XCTAssertEqual(run.status, 0, run.stderr)
        assertIntact(victim)
        XCTAssertFalse(fm.fileExists(atPath: leftover.path), "the planted leftover is removed, links and all")
        XCTAssertEqual(try leftovers(), [".out.maestro-topo-9999998-zzzzzz", ".out.maestro-topo-9999999-yyyyyy"],
                       "what is not a folder was not made by maestro-topo: left alone")
        try assertComplete(out, "the new bundle")
    }

    func testASetAsideBundleThatIsALinkOrAFileIsNeverPutInPlace() throws {
        // A complete bundle of the same installation, somewhere else.
        let elsewhere = directory.appendingPathComponent("elsewhere")
        XCTAssertEqual(try Tool.run(["bundle", "topologies/four-server.yaml", "--out", elsewhere.path], environment: env).status, 0)
        let before = try snapshot(elsewhere)
        // DIR is missing, so a set-aside bundle would be put back in its place.
        try fm.createSymbolicLink(at: directory.appendingPathComponent(".out.old-4242-abcdef"), withDestinationURL: elsewhere)
        try Data("x".utf8).write(to: directory.appendingPathComponent(".out.old-4243-abcdef"))

        let run = try bundle()
        XCTAssertEqual(run.status, 0, run.stderr)
        let attributes = try fm.attributesOfItem(atPath: out.path)
        XCTAssertEqual(attributes[.type] as? FileAttributeType, .typeDirectory, "DIR is a real folder, not the planted link")
        try assertComplete(out, "written afresh")
        XCTAssertEqual(try snapshot(elsewhere), before, "the link's target is untouched")
        XCTAssertEqual(try leftovers(), [".out.old-4242-abcdef", ".out.old-4243-abcdef"])
    }

    func testLeftoversOfAnotherUserAreLeftAlone() throws {
        let shared = try nobodysFolder()
        // nobody's "leftovers" in a folder root writes to: a temporary
        // folder with a password file, and a set-aside bundle while DIR is missing.
        let theirs = shared.appendingPathComponent(".out.maestro-topo-77-abcdef")
        try fm.createDirectory(at: theirs.appendingPathComponent("hosts"), withIntermediateDirectories: true)
        try Data("their secret".utf8).write(to: theirs.appendingPathComponent("hosts/ssl.ini"))
        let topology = shared.appendingPathComponent("four-server.yaml")
        try fm.copyItem(at: Tool.packageRoot.appendingPathComponent("topologies/four-server.yaml"), to: topology)
        let aside = shared.appendingPathComponent(".out.old-78-abcdef")
        XCTAssertEqual(try Tool.run(["bundle", topology.path, "--out", aside.path], environment: env).status, 0)
        chownTree(theirs, to: Self.nobody)
        chownTree(aside, to: Self.nobody)
        let sharedOut = shared.appendingPathComponent("out")

        var run = try Tool.run(["bundle", topology.path, "--out", sharedOut.path], environment: env)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try Data(contentsOf: theirs.appendingPathComponent("hosts/ssl.ini")), Data("their secret".utf8))
        XCTAssertTrue(fm.fileExists(atPath: aside.appendingPathComponent("SHA256SUMS").path), "not moved into DIR's place")
        XCTAssertEqual(try fm.attributesOfItem(atPath: sharedOut.path)[.ownerAccountID] as? UInt, 0, "DIR is root's new bundle")

        // The other way round: nobody's run finds root's leftover.
        try fm.removeItem(at: sharedOut)
        let roots = shared.appendingPathComponent(".out.maestro-topo-79-abcdef")
        try fm.createDirectory(at: roots, withIntermediateDirectories: true)
        try Data("root's secret".utf8).write(to: roots.appendingPathComponent("ssl.ini"))
        try fm.removeItem(at: aside)
        // nobody's killed run recorded both (root's by mistake, say).
        try recordAsLeftovers([(theirs, .writing), (roots, .writing)], in: shared, owner: Self.nobody)
        run = try runAsNobody(["bundle", topology.path, "--out", sharedOut.path], in: shared)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try Data(contentsOf: roots.appendingPathComponent("ssl.ini")), Data("root's secret".utf8))
        XCTAssertFalse(fm.fileExists(atPath: theirs.path), "nobody's own leftover of a dead run is removed by nobody's run")
    }

    /// Flips a folder of the leftover and a link to the victim under one
    /// name, as fast as it can, while a run removes the leftover.
    final class Flipper: @unchecked Sendable {
        let stop = Atomic<Bool>(false)
        let flips = Atomic<Int>(0)
        let finished = DispatchSemaphore(value: 0)

        func start(folder: String, link: String, name: String, hold: String) {
            Thread.detachNewThread {
                while !self.stop.load(ordering: .relaxed) {
                    // name: folder -> link -> folder ...
                    if rename(name, hold) == 0 {
                        _ = rename(link, name)
                        _ = rename(name, link)
                        _ = rename(hold, name)
                        self.flips.add(1, ordering: .relaxed)
                    } else {
                        usleep(50)
                    }
                }
                self.finished.signal()
            }
        }

        func halt() {
            stop.store(true, ordering: .relaxed)
            finished.wait()
        }
    }

    func testSwappingAFolderForALinkWhileALeftoverIsRemovedNeverReachesOutside() throws {
        let names = (0..<300).map { String(format: "f%03d", $0) }
        let victim = try makeVictim(files: names + ["canary"])
        var flips = 0
        let rounds = 12
        for round in 0..<rounds {
            let leftover = directory.appendingPathComponent(".out.maestro-topo-\(round + 100)-abcdef")
            let sub = leftover.appendingPathComponent("hosts")
            try fm.createDirectory(at: sub, withIntermediateDirectories: true)
            for name in names { try Data("x".utf8).write(to: sub.appendingPathComponent(name)) }
            let link = leftover.appendingPathComponent("link")
            try fm.createSymbolicLink(at: link, withDestinationURL: victim)
            try recordAsLeftovers([(leftover, .writing)])
            let flipper = Flipper()
            flipper.start(folder: sub.path, link: link.path, name: sub.path, hold: leftover.appendingPathComponent("hold").path)
            let run = try bundle(fm.fileExists(atPath: out.path) ? ["--force"] : [])
            flipper.halt()
            flips += flipper.flips.load(ordering: .relaxed)
            assertIntact(victim, names + ["canary"], "in round \(round): \(run.stderr)")
            // The run either removed the leftover, or said what it left.
            if run.status != 0 {
                XCTAssertTrue(run.stderr.contains("could not be removed"), run.stderr)
            }
            try? fm.removeItem(at: leftover)  // what a refused run left, for the next round
        }
        XCTAssertGreaterThan(flips, rounds, "the folder was swapped while the runs removed it")
    }

    // MARK: A name proves nothing

    /// Runs `program` as nobody (65534), as someone who may write DIR's parent.
    func asNobody(_ program: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let setpriv = try Tool.require("setpriv")
        let run = try Bounded.run(setpriv, ["--reuid=\(Self.nobody)", "--regid=\(Self.nobody)", "--clear-groups", program]
            + arguments, in: directory, file: file, line: line)
        XCTAssertEqual(run.status, 0, "\(program) \(arguments) as nobody: \(run.stderr)", file: file, line: line)
    }

    /// One of root's own folders, in a parent anyone may write (no sticky
    /// bit), that nobody renames to a leftover's name: root's next run must
    /// not delete it, nor put it in DIR's place.
    func testARootFolderGivenALeftoverNameByAnotherUserIsLeftAlone() throws {
        guard geteuid() == 0 else { throw XCTSkip("needs root, and another user to rename root's folder") }
        let mv = try Tool.require("mv")
        let shared = directory.appendingPathComponent("p")
        try fm.createDirectory(at: shared, withIntermediateDirectories: true)
        XCTAssertEqual(chmod(shared.path, 0o777), 0)
        let dir = shared.appendingPathComponent("B")
        func bundle(_ extra: [String] = []) throws -> ToolRun {
            try Tool.run(["bundle", "topologies/two-server.yaml", "--out", dir.path, "-q"] + extra, environment: env)
        }
        func rootData(_ name: String) throws -> URL {
            let folder = shared.appendingPathComponent(name)
            try fm.createDirectory(at: folder.appendingPathComponent("inner"), withIntermediateDirectories: true)
            try Data("precious".utf8).write(to: folder.appendingPathComponent("inner/f"))
            XCTAssertEqual(chmod(folder.path, 0o700), 0)
            return folder
        }
        // DIR missing, DIR missing, DIR an earlier bundle (--force).
        let cases = [(".B.maestro-topo-9-ZZZZZZ", false), (".B.old-9-ZZZZZZ", false),
                     (".B.maestro-topo-9-YYYYYY", true), (".B.old-9-YYYYYY", true)]
        for (index, (name, earlier)) in cases.enumerated() {
            try? fm.removeItem(at: dir)
            if earlier { XCTAssertEqual(try bundle().status, 0) }
            let data = try rootData("rootdata\(index)")
            let planted = shared.appendingPathComponent(name)
            try asNobody(mv, [data.path, planted.path])
            XCTAssertFalse(fm.fileExists(atPath: data.path), "nobody renamed root's folder")

            let run = try bundle(earlier ? ["--force"] : [])
            XCTAssertEqual(run.status, 0, "\(name): \(run.stderr)")
            XCTAssertEqual(try? Data(contentsOf: planted.appendingPathComponent("inner/f")), Data("precious".utf8),
                           "\(name): root's folder is still there, with its file")
            XCTAssertTrue(run.stderr.contains("warning: '\(planted.path)' is named like a folder a bundle run leaves beside "
                + "'\(dir.path)', but no run recorded making it, so it was left alone"), "\(name): \(run.stderr)")
            try assertComplete(dir, "\(name): DIR is the new bundle, not root's folder")
            XCTAssertFalse(fm.fileExists(atPath: shared.appendingPathComponent(".B.maestro-topo.lock").path),
                           "\(name): nothing recorded, so no lock file stays")
        }
    }

    /// What a run that was really killed left is still cleaned up: its lock
    /// file stays behind with the record of its temporary folder.
    func testTheLeftoversOfAKilledRunAreStillCleanedUp() throws {
        let topology = try largeTopology(listservHosts: 3000)
        let small = try largeTopology(listservHosts: 5)
        for existing in [false, true] {
            try? fm.removeItem(at: out)
            if existing { XCTAssertEqual(try Tool.run(["bundle", small.path, "--out", out.path, "--placeholder-secrets"]).status, 0) }
            let process = Process()
            process.executableURL = Tool.binary
            process.arguments = ["bundle", topology.path, "--out", out.path, "--placeholder-secrets", "--force", "-q"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(120)
            while Date() < deadline, process.isRunning,
                  !(try leftovers()).contains(where: { $0.hasPrefix(".out.maestro-topo-") && !$0.hasSuffix(".lock") }) {
                usleep(1_000)
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .uncaughtSignal, "killed while it wrote")
            let left = try leftovers()
            XCTAssertTrue(left.contains(".out.maestro-topo.lock"), "the killed run's records stay: \(left)")
            XCTAssertTrue(left.contains { $0.hasPrefix(".out.maestro-topo-") && !$0.hasSuffix(".lock") }, "\(left)")

            let run = try Tool.run(["bundle", small.path, "--out", out.path, "--placeholder-secrets", "--force"])
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertFalse(run.stderr.contains("left alone"), run.stderr)
            XCTAssertEqual(try leftovers(), [], "existing: \(existing)")
            try assertComplete(out, "the next run's bundle")
        }
    }

    /// A run killed between making its temporary folder and recording it
    /// leaves that folder empty: the next run removes it without a word.
    /// An unrecorded one with something in it stays, and is named.
    func testAnEmptyUnrecordedTemporaryFolderGoesAndAFullOneStays() throws {
        let small = try largeTopology(listservHosts: 5)
        let empty = directory.appendingPathComponent(".out.maestro-topo-9999997-aaaaaa")
        let full = directory.appendingPathComponent(".out.maestro-topo-9999996-bbbbbb")
        try fm.createDirectory(at: empty, withIntermediateDirectories: false)
        try fm.createDirectory(at: full, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: full.appendingPathComponent("f"))
        let run = try Tool.run(["bundle", small.path, "--out", out.path, "--placeholder-secrets"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(fm.fileExists(atPath: empty.path), "the empty leftover is removed")
        XCTAssertFalse(run.stderr.contains(empty.lastPathComponent), run.stderr)
        XCTAssertEqual(try String(contentsOf: full.appendingPathComponent("f"), encoding: .utf8), "keep")
        XCTAssertTrue(run.stderr.contains("'\(full.path)' is named like a folder a bundle run leaves"), run.stderr)
    }
}
