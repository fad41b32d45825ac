import Foundation
@testable import MaestroTopo
import Synchronization
import XCTest

/// What a run finds beside DIR under names of its own was planted by
/// anyone who can write DIR's parent. Cleaning it up must follow no link,
/// at any depth and however the tree changes while it is removed, touch
/// nothing of another user's, and never put a link or a file in DIR's place.
final class BundleLeftoverTests: BundleFolderTestCase {
    let fm = FileManager.default

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
}
