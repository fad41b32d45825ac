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

/// `diff`'s report over the migrations administrators actually do, built
/// in-process; DiffCLITests runs the command.
final class DiffTests: DiffTestCase {
    func report(_ current: String, _ target: String, file: StaticString = #filePath, line: UInt = #line) throws -> DiffReport {
        let a = TopologyCheck.check(bytes: Array(current.utf8)), b = TopologyCheck.check(bytes: Array(target.utf8))
        XCTAssertEqual(b.diagnostics.errorCount, 0, "\(b.diagnostics.map(\.message))", file: file, line: line)
        return DiffReport(current: try XCTUnwrap(a.topology), target: try XCTUnwrap(b.topology))
    }

    func testSplittingLuiHubTrkOntoTwoServers() throws {
        let report = try report(Self.topology("""
              maestro.acme.example: {components: [LUI, HUB, TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """), Self.topology("""
              maestro.acme.example: {components: [LUI, HUB]}
              trk.acme.example: {components: [TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """))
        let c = report.consequences
        XCTAssertEqual(report.diff.changes.map(\.action), [.change, .add])
        XCTAssertEqual(c.certificatesToIssue, ["trk.acme.example"])
        XCTAssertEqual(c.certificatesToRetire, [])
        XCTAssertEqual(c.sslIniToWrite, ["maestro.acme.example", "trk.acme.example"])
        XCTAssertEqual(c.restart, ["maestro.acme.example", "trk.acme.example"])
        XCTAssertEqual(c.dataMoves, [DataMove(component: .trk, from: "maestro.acme.example", to: "trk.acme.example",
                                              items: ["trk/tracker.ini", "the Tracker data under trk/"])])
        XCTAssertEqual(c.firewall.first { $0.host == "maestro.acme.example" }?.open.map(\.port), [1099])
        XCTAssertEqual(c.firewall.first { $0.host == "trk.acme.example" }?.open.map(\.port), [80, 7000])
        XCTAssertEqual(Set(report.diagnostics.map(\.rule)), ["tracker-moved", "component-move"])
        XCTAssertEqual(report.summary, "2 hosts change, 1 certificate to issue, 2 ssl.ini files to write, 2 restarts, 1 data move")
        let actions = report.steps.map(\.action)
        let stop = try XCTUnwrap(actions.firstIndex { $0.hasPrefix("Stop") })
        let move = try XCTUnwrap(actions.firstIndex { $0.hasPrefix("Move TRK") })
        let write = try XCTUnwrap(actions.firstIndex { $0.hasPrefix("Write") })
        let start = try XCTUnwrap(actions.firstIndex { $0.hasPrefix("Start") })
        let certificate = try XCTUnwrap(actions.firstIndex { $0.hasPrefix("Obtain") })
        XCTAssertTrue(certificate < stop && stop < move && move < write && write < start, "\(actions)")
        XCTAssertTrue(actions[move].contains("delete trk/tracker.ini, the Tracker data under trk/ first, then copy"))
        XCTAssertTrue(actions.contains { $0.contains("reverse proxy") }, "the old Tracker name stays in use for LUI and HUB")
        XCTAssertEqual(report.steps.map(\.n), Array(1...report.steps.count))
    }

    func testMovingTheTrackerOntoTheUIServer() throws {
        let report = try report(Self.topology(Self.fourServers), Self.topology("""
              ui.acme.example: {components: [LUI, HUB, TRK]}
              db.acme.example: {components: [DATABASE]}
              lsv.acme.example: {components: [LISTSERV]}
            """))
        let c = report.consequences
        XCTAssertEqual(report.diff.changes.map(\.action), [.change, .remove])
        XCTAssertEqual(c.dataMoves.map(\.component), [.trk])
        XCTAssertEqual(c.decommission, ["trk.acme.example"])
        XCTAssertEqual(c.certificatesToRetire, ["trk.acme.example"])
        XCTAssertEqual(c.certificatesToIssue, [])
        XCTAssertEqual(c.sslIniToWrite, ["ui.acme.example"])
        let tracker = try XCTUnwrap(report.diagnostics.first { $0.rule == "tracker-moved" })
        XCTAssertEqual(tracker.location, SourceLocation(line: 6, column: 44))
        XCTAssertTrue(tracker.notes[0].contains("point the DNS name 'trk.acme.example' at 'ui.acme.example'"), "\(tracker.notes)")
        XCTAssertTrue(report.steps.contains { $0.action.hasPrefix("Keep Maestro from starting again on trk.acme.example") })
        XCTAssertTrue(report.steps.contains { $0.action.hasPrefix("Retire the old certificate of trk.acme.example") })
        let stops = report.steps.filter { $0.action.hasPrefix("Stop") }.map(\.host)
        XCTAssertEqual(stops.last, "trk.acme.example", "the Tracker stops last")
    }

    func testRenamingAServer() throws {
        let report = try report(Self.topology(Self.fourServers), Self.topology(
            Self.fourServers.replacingOccurrences(of: "trk.acme.example", with: "tracker.acme.example")))
        XCTAssertEqual(report.diff.changes.count, 1)
        let rename = report.diff.changes[0]
        XCTAssertEqual(rename.action, .rename)
        XCTAssertEqual(rename.previousName, "trk.acme.example")
        XCTAssertEqual(rename.host, "tracker.acme.example")
        let c = report.consequences
        XCTAssertEqual(c.certificatesToIssue, ["tracker.acme.example"])
        XCTAssertEqual(c.certificatesToRetire, ["trk.acme.example"])
        XCTAssertEqual(c.sslIniToWrite, ["ui.acme.example", "tracker.acme.example"], "SSLAllowedClients changes everywhere")
        XCTAssertEqual(c.dataMoves, [], "a rename is the same machine under a new name")
        XCTAssertTrue(report.diagnostics.contains { $0.rule == "tracker-moved" })
        // The UI server's rule names the Tracker's host: it changes; the renamed host's own rules do not.
        XCTAssertEqual(c.firewall.map(\.host), ["ui.acme.example"])
        XCTAssertEqual(c.firewall.first?.open.first?.from, ["tracker.acme.example"])
        XCTAssertEqual(c.firewall.first?.close.first?.from, ["trk.acme.example"])
    }

    func testAddingAndRemovingAServer() throws {
        let five = Self.fourServers + "\n  lsv2.acme.example: {components: [LISTSERV]}"
        let added = try report(Self.topology(Self.fourServers), Self.topology(five))
        XCTAssertEqual(added.diff.changes.map(\.action), [.add])
        XCTAssertEqual(added.consequences.certificatesToIssue, [])
        XCTAssertEqual(added.consequences.sslIniToWrite, [], "a LISTSERV host is not in SSLAllowedClients")
        XCTAssertEqual(added.consequences.firewall.map(\.host), ["lsv2.acme.example"])
        XCTAssertEqual(added.consequences.listservAdded, ["lsv2.acme.example"])
        XCTAssertEqual(added.consequences.dataMoves, [], "another LISTSERV instance, not a move")
        XCTAssertTrue(added.steps.contains { $0.host == "lsv2.acme.example" && $0.action.hasPrefix("Install LISTSERV on lsv2.acme.example") })
        XCTAssertTrue(added.steps.contains { $0.host == "ui.acme.example" && $0.action.contains("add lsv2.acme.example to Maestro's LISTSERV settings") })
        XCTAssertFalse(added.steps.contains { $0.action.contains("Install Maestro") }, "LISTSERV hosts run no Maestro")

        let removed = try report(Self.topology(five), Self.topology(Self.fourServers))
        XCTAssertEqual(removed.diff.changes.map(\.action), [.remove])
        XCTAssertEqual(removed.consequences.firewall.first?.close.map(\.port), [2306])
        XCTAssertEqual(removed.consequences.restart, [])
        XCTAssertEqual(removed.consequences.listservRemoved, ["lsv2.acme.example"])
        XCTAssertTrue(removed.steps.contains { $0.host == "ui.acme.example" && $0.action.contains("remove lsv2.acme.example from Maestro's LISTSERV settings") })
    }

    func testSwitchingSSLOn() throws {
        let report = try report(Self.topology(Self.fourServers, ssl: false), Self.topology(Self.fourServers))
        let c = report.consequences
        XCTAssertEqual(c.certificatesToIssue, ["ui.acme.example", "trk.acme.example"])
        XCTAssertEqual(c.sslIniToWrite, ["ui.acme.example", "trk.acme.example"])
        XCTAssertEqual(c.restart, ["ui.acme.example", "trk.acme.example"])
        XCTAssertEqual(report.diagnostics.map(\.rule), ["ssl-switch"])
        XCTAssertTrue(report.steps.contains { $0.action.contains("TRK: Initializing Secure Sockets Layer (SSL) for component communication") })

        let off = try self.report(Self.topology(Self.fourServers), Self.topology(Self.fourServers, ssl: false))
        XCTAssertEqual(off.consequences.sslIniToRemove, ["ui.acme.example", "trk.acme.example"])
        XCTAssertEqual(off.consequences.certificatesToRetire, ["ui.acme.example", "trk.acme.example"])
    }
}
