import Foundation
import TopoTestSupport
import XCTest

/// An earlier bundle holds the old passwords. When it cannot be removed,
/// the run says so (exit 2) and names what is left; it is never left
/// quietly in a hidden folder.
final class BundleRemovalCLITests: BundleFolderTestCase {
    func testAReadOnlyEarlierBundleIsRefusedBeforeAnythingIsWritten() throws {
        // Root may remove anything, so the run is nobody's, on nobody's bundle.
        let shared = try nobodysFolder()
        let topology = shared.appendingPathComponent("four-server.yaml")
        try fm.copyItem(at: Tool.packageRoot.appendingPathComponent("topologies/four-server.yaml"), to: topology)
        chownTree(topology, to: Self.nobody)
        let sharedOut = shared.appendingPathComponent("out")
        let arguments = ["bundle", topology.path, "--out", sharedOut.path]
        var run = try runAsNobody(arguments, in: shared)
        XCTAssertEqual(run.status, 0, run.stderr)
        let earlier = try snapshot(sharedOut)
        let commands = sharedOut.appendingPathComponent("hosts/ui.acme.example/commands")

        for (folder, shown) in [(commands, "'hosts/ui.acme.example/commands' inside it"), (sharedOut, "it")] {
            XCTAssertEqual(chmod(folder.path, 0o500), 0)
            for attempt in 0..<2 {
                run = try runAsNobody(arguments + ["--force"], in: shared)
                XCTAssertEqual(run.status, 2, run.stderr)
                XCTAssertTrue(run.stderr.contains("refusing to write '\(sharedOut.path)': \(shown) is not writable (mode 0500), "
                    + "so the earlier bundle, with its passwords, could not be removed once replaced"), run.stderr)
                XCTAssertEqual(try snapshot(sharedOut), earlier, "attempt \(attempt): the earlier bundle is as it was")
                XCTAssertEqual(try leftovers(in: shared), [], "attempt \(attempt): no copy of the old passwords beside DIR")
            }
            XCTAssertEqual(chmod(folder.path, 0o700), 0)
        }
        run = try runAsNobody(arguments + ["--force"], in: shared)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try leftovers(in: shared), [])
    }

    func testAnEarlierBundleThatCannotBeRemovedAfterTheSwapIsAnError() throws {
        guard geteuid() == 0 else { throw XCTSkip("chattr +i needs root") }
        let arguments = ["bundle", "topologies/four-server.yaml", "--out", out.path, "--force"]
        XCTAssertEqual(try Tool.run(arguments, environment: ["MAESTRO_KEYSTORE_PASSWORD": "old-password"]).status, 0)
        let chattr = try Tool.require("chattr")
        let commands = out.appendingPathComponent("hosts/ui.acme.example/commands")
        var leftover: URL?
        try withImmutable(commands) {
            var run = try Tool.run(arguments, environment: ["MAESTRO_KEYSTORE_PASSWORD": "new-password"])
            XCTAssertEqual(run.status, 2, run.stderr)
            XCTAssertTrue(run.stderr.contains("the new bundle is in place, but the earlier one could not be removed: '"), run.stderr)
            XCTAssertTrue(run.stderr.contains("/hosts/ui.acme.example/commands/ssl.ini': Operation not permitted"), run.stderr)
            try assertComplete(out, "the new bundle")
            // The lock file stays, recording the leftover for the next run.
            XCTAssertTrue(try leftovers().contains(".out.maestro-topo.lock"))
            let names = try leftovers().filter { !$0.hasSuffix(".lock") }
            XCTAssertEqual(names.count, 1, "\(names)")
            guard let name = names.first else { return }
            leftover = directory.appendingPathComponent(name)
            XCTAssertTrue(run.stderr.contains("what is left of it (with its passwords) is in '\(leftover!.path)': remove it by hand"), run.stderr)
            let old = try String(contentsOf: leftover!.appendingPathComponent("hosts/ui.acme.example/commands/ssl.ini"), encoding: .utf8)
            XCTAssertTrue(old.contains("old-password"), "the old password is what is left")
            XCTAssertFalse(fm.fileExists(atPath: leftover!.appendingPathComponent("hosts/trk.acme.example/commands/ssl.ini").path),
                           "everything that could be removed is removed")

            // The next run stops at the leftover it cannot remove, and says so.
            let before = try snapshot(out)
            run = try Tool.run(arguments, environment: ["MAESTRO_KEYSTORE_PASSWORD": "new-password"])
            XCTAssertEqual(run.status, 2, run.stderr)
            XCTAssertTrue(run.stderr.contains("'\(leftover!.path)', left beside it by an earlier run, could not be removed: '"), run.stderr)
            XCTAssertTrue(run.stderr.contains("it may hold passwords: remove it by hand"), run.stderr)
            XCTAssertEqual(try snapshot(out), before)
        }
        // The immutable folder moved with the old bundle into the leftover.
        if let leftover {
            _ = try Tool.runProgram(chattr, ["-i", leftover.appendingPathComponent("hosts/ui.acme.example/commands").path], in: directory)
        }
        let run = try Tool.run(arguments, environment: ["MAESTRO_KEYSTORE_PASSWORD": "new-password"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try leftovers(), [], "the leftover is gone once it can be removed")
    }
}
