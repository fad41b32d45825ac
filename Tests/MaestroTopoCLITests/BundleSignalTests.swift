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

/// SIGTERM or SIGINT while `bundle` writes: the run removes its temporary
/// folder and lock, then ends by that signal. DIR is the old bundle or
/// missing, never half a bundle.
final class BundleSignalTests: BundleFolderTestCase {
    func testASignalMidWriteRemovesTheTemporaryFolder() throws {
        let topology = try largeTopology(listservHosts: 3000)
        // The earlier bundle, of the same installation, is a small one: quick to write.
        let small = try largeTopology(listservHosts: 5)
        var generator = SystemRandomNumberGenerator()
        var interrupted = 0
        for signal in [SIGTERM, SIGINT] {
            for existing in [false, true] {
                try? FileManager.default.removeItem(at: out)
                var earlier: [String: Data]?
                if existing {
                    XCTAssertEqual(try Tool.run(["bundle", small.path, "--out", out.path, "--placeholder-secrets"]).status, 0)
                    earlier = try snapshot(out)
                }
                let process = Process()
                process.executableURL = Tool.binary
                process.arguments = ["bundle", topology.path, "--out", out.path, "--placeholder-secrets", "--force", "-q"]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                let what = "\(SignalGuard.name(signal)), \(existing ? "over an earlier bundle" : "into a new DIR")"
                XCTAssertTrue(waitForTemporaryFolder(), "\(what): the run started writing")
                let delay = UInt32.random(in: 0...1_200_000, using: &generator)
                usleep(delay)
                let sent = process.isRunning
                kill(process.processIdentifier, signal)
                process.waitUntilExit()
                if sent, process.terminationReason == .uncaughtSignal {
                    XCTAssertEqual(process.terminationStatus, signal, what)
                    interrupted += 1
                }
                XCTAssertEqual(try leftovers(), [], "\(what) after \(delay / 1000) ms: no temporary folder, no lock")
                if let earlier {
                    // The old bundle, or (a signal after the swap) the whole new one.
                    let now = try snapshot(out)
                    if now != earlier { try assertComplete(out, what) }
                } else if FileManager.default.fileExists(atPath: out.path) {
                    try assertComplete(out, what)
                }
            }
        }
        XCTAssertGreaterThanOrEqual(interrupted, 3, "the signals reached the runs while they wrote")
    }

    /// A signal the caller ignores (`nohup`, `trap '' TERM`) stays ignored:
    /// holding the signals off must not turn it into a stop.
    func testAnIgnoredSignalDoesNotStopTheRun() throws {
        let topology = try largeTopology(listservHosts: 300)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "trap '' HUP; exec \"$0\" \"$@\"", Tool.binary.path,
                             "bundle", topology.path, "--out", out.path, "--placeholder-secrets", "-q"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        XCTAssertTrue(waitForTemporaryFolder())
        kill(process.processIdentifier, SIGHUP)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 0)
        try assertComplete(out, "written in full")
    }
}
