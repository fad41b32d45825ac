import Foundation
import TopoTestSupport
import XCTest

/// `--version` says what the tool reads; no subcommand is a usage error.
final class VersionAndUsageTests: XCTestCase {
    func testVersionNamesTheToolAndTheFormatItReads() throws {
        let run = try Tool.run(["--version"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "maestro-topo 0.1.0\ntopology format version read: 1\n")
    }

    func testNoArgumentsPrintsHelpAndExitsTwo() throws {
        let run = try Tool.run([])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "", "help for a usage error goes to standard error")
        XCTAssertTrue(run.stderr.contains("USAGE: maestro-topo <subcommand>"), run.stderr)
        XCTAssertTrue(run.stderr.contains("validate"), run.stderr)
    }
}
