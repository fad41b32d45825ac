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

/// The runbook must be safe to follow word for word: every value typed as
/// it must be typed, every step on a named host, moves of the database and
/// LISTSERV as the vendor describes them.
final class RunbookTests: RunbookTestCase {
    func report(_ current: String, _ target: String, file: StaticString = #filePath, line: UInt = #line) throws -> DiffReport {
        let a = TopologyCheck.check(bytes: Array(current.utf8)), b = TopologyCheck.check(bytes: Array(target.utf8))
        XCTAssertEqual(b.diagnostics.errorCount, 0, "\(b.diagnostics.map(\.message))", file: file, line: line)
        return DiffReport(current: try XCTUnwrap(a.topology), target: try XCTUnwrap(b.topology))
    }

    func example(_ path: String) throws -> String {
        try String(contentsOf: Tool.packageRoot.appendingPathComponent(path), encoding: .utf8)
    }

    // MARK: 1. INI values exactly as typed

    func testSSLIniStepCarriesTheEscapedFileText() throws {
        let report = try report(DiffTests.topology(DiffTests.fourServers, ssl: false), DiffTests.topology(Self.windowsUI))
        let step = try XCTUnwrap(report.steps.first { $0.host == "ui.acme.example" && $0.file != nil })
        let file = try XCTUnwrap(step.file)
        XCTAssertEqual(file.path, #"C:\Program Files\L-Soft\Maestro\commands\ssl.ini"#)
        XCTAssertTrue(file.text.contains(#"SSLKeystorePath=C:\\Program Files\\L-Soft\\Maestro\\keystore\\ui.acme.example.jks"#), file.text)
        XCTAssertTrue(file.text.hasSuffix("\r\n"), "a Windows ssl.ini has CRLF line ends")
        // The prose never shows an INI value unescaped.
        for step in report.steps {
            XCTAssertFalse(step.action.contains("SSLKeystorePath="), step.action)
            XCTAssertFalse(step.action.contains("SSLAllowedClients="), step.action)
        }
        XCTAssertTrue(step.action.contains(#"icacls "C:\Program Files\L-Soft\Maestro\commands\ssl.ini" /inheritance:r /grant:r *S-1-5-18:R *S-1-5-32-544:F"#), step.action)
        // The file text is what the plan writes, which Java reads back (SSLIniJavaTests).
        let plan = Planner.plan(try XCTUnwrap(TopologyCheck.check(bytes: Array(DiffTests.topology(Self.windowsUI).utf8)).topology))
        XCTAssertEqual(file.text, plan.servers.first { $0.host == "ui.acme.example" }?.sslIni?.text())
    }

    // MARK: 2. The database and LISTSERV

    func testDatabaseOnlyMoveSetsTheConnectionBeforeLUIStopsAndStartsItOnce() throws {
        let report = try report(try example("topologies/four-server.yaml"), try example("topologies/migration/database-target.yaml"))
        let c = report.consequences
        XCTAssertEqual(c.database?.from, "db.acme.example")
        XCTAssertEqual(c.database?.to, "pg.acme.example")
        XCTAssertEqual(c.restart, ["ui.acme.example"], "LUI restarts for a new database connection; the Tracker does not")
        let actions = report.steps.map { "[\($0.host)] \($0.action)" }
        XCTAssertFalse(actions.contains { $0.contains("Install Maestro") }, "\(actions)")
        let install = try XCTUnwrap(actions.firstIndex { $0.hasPrefix("[pg.acme.example] Install PostgreSQL on pg.acme.example") })
        let setting = try XCTUnwrap(actions.firstIndex { $0.hasPrefix("[ui.acme.example] In the HUB's Global Component Settings for LUI, set LUI's system database connection to PostgreSQL on pg.acme.example, port 5432.") })
        let stop = try XCTUnwrap(actions.firstIndex { $0.hasPrefix("[ui.acme.example] Stop LUI, HUB") })
        // Each step on the host it runs on: the export on the old one.
        let export = try XCTUnwrap(actions.firstIndex { $0.hasPrefix("[db.acme.example] Export Maestro's system database on db.acme.example with PostgreSQL's own tools") })
        let load = try XCTUnwrap(actions.firstIndex { $0.hasPrefix("[pg.acme.example] Import that export into PostgreSQL on pg.acme.example") })
        let retire = try XCTUnwrap(actions.firstIndex { $0.hasPrefix("[db.acme.example] Stop the database on db.acme.example") })
        let start = try XCTUnwrap(actions.firstIndex { $0.hasPrefix("[ui.acme.example] Start LUI, HUB on ui.acme.example") })
        XCTAssertTrue(install < setting && setting < stop && stop < export && export < load && load < retire && retire < start, "\(actions)")
        // LUI never runs without its database: it starts once, on the new one.
        XCTAssertFalse(actions.contains { $0.contains("Restart") }, "\(actions)")
        XCTAssertFalse(actions[setting].contains("JDBC"), "the engine stays")
        XCTAssertFalse(actions.contains { $0.contains("TRK") }, "the Tracker keeps running")
    }

    func testDatabasePortChangeIsMadeOnTheDatabaseServerToo() throws {
        let four = try example("topologies/four-server.yaml")
        let report = try report(four, four.replacingOccurrences(of: "engine: postgresql}", with: "engine: postgresql, port: 5433}"))
        let actions = report.steps.map { "[\($0.host)] \($0.action)" }
        let setting = try XCTUnwrap(actions.firstIndex { $0.hasPrefix("[ui.acme.example] In the HUB's Global Component Settings for LUI, set LUI's system database connection to PostgreSQL on db.acme.example, port 5433.") })
        let stop = try XCTUnwrap(actions.firstIndex { $0.hasPrefix("[ui.acme.example] Stop LUI, HUB") })
        let listen = try XCTUnwrap(actions.firstIndex { $0.hasPrefix("[db.acme.example] Make PostgreSQL on db.acme.example listen on port 5433 instead of 5432") })
        let start = try XCTUnwrap(actions.firstIndex { $0.hasPrefix("[ui.acme.example] Start LUI, HUB") })
        XCTAssertTrue(setting < stop && stop < listen && listen < start, "\(actions)")
        XCTAssertFalse(actions.contains { $0.contains("Export") || $0.contains("Migrate") }, "the data stays where it is: \(actions)")
    }

    func testInternalToExternalMySQLIsACopyNotAMigration() throws {
        let current = DiffTests.topology(DiffTests.fourServers)
        let target = current.replacingOccurrences(of: "db.acme.example: {components: [DATABASE]}",
                                                  with: "db.acme.example: {components: [DATABASE], database: {engine: mysql}}")
        let report = try report(current, target)
        XCTAssertFalse(report.diagnostics.contains { $0.rule == "database-migration" }, "MySQL stays MySQL")
        let actions = report.steps.map { "[\($0.host)] \($0.action)" }
        XCTAssertTrue(actions.contains { $0.hasPrefix("[db.acme.example] Export Maestro's system database on db.acme.example with MySQL's own tools") }, "\(actions)")
        XCTAssertTrue(actions.contains { $0.hasPrefix("[db.acme.example] Import that export into MySQL on db.acme.example") }, "\(actions)")
        XCTAssertTrue(actions.contains { $0.hasPrefix("[db.acme.example] Keep Maestro's internal MySQL on db.acme.example from starting again") }, "\(actions)")
        XCTAssertFalse(actions.contains { $0.contains("JDBC") }, "the driver stays: \(actions)")
    }

    func testEngineChangeIsAMigrationWithAWarning() throws {
        let current = DiffTests.topology(DiffTests.fourServers)
        let target = current.replacingOccurrences(of: "db.acme.example: {components: [DATABASE]}",
                                                  with: "db.acme.example: {components: [DATABASE], database: {engine: mssql}}")
        let report = try report(current, target)
        let warning = try XCTUnwrap(report.diagnostics.first { $0.rule == "database-migration" })
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(warning.location, SourceLocation(line: 8, column: 64), "at the engine")
        XCTAssertTrue(warning.message.contains("from Maestro's internal MySQL to Microsoft SQL Server"), warning.message)
        let actions = report.steps.map(\.action)
        XCTAssertTrue(actions.contains { $0.hasPrefix("Migrate the system database on db.acme.example from Maestro's internal MySQL to Microsoft SQL Server with L-Soft's procedure") }, "\(actions)")
        XCTAssertFalse(actions.contains { $0.contains("export") && !$0.contains("one engine's export") }, "\(actions)")
        XCTAssertTrue(actions.contains { $0.contains("with the JDBC driver for Microsoft SQL Server") }, "\(actions)")
        XCTAssertFalse(report.diagnostics.contains { $0.rule == "component-move" }, "a migration is not reported as a copy")
    }

    func testListservMoveHoldsJobsStopsMovesRepointsAndTests() throws {
        let current = DiffTests.topology(DiffTests.fourServers)
        let target = current.replacingOccurrences(of: "lsv.acme.example", with: "lsv2.acme.example")
        let report = try report(current, target)
        XCTAssertEqual(report.diff.changes.map(\.action), [.add, .remove], "a LISTSERV host under a new name is another machine")
        XCTAssertEqual(report.consequences.dataMoves.map(\.component), [.listserv])
        let steps = report.steps
        func index(_ host: String, _ prefix: String) throws -> Int {
            try XCTUnwrap(steps.firstIndex { $0.host == host && $0.action.hasPrefix(prefix) }, "[\(host)] \(prefix): \(steps.map(\.action))")
        }
        let install = try index("lsv2.acme.example", "Install LISTSERV on lsv2.acme.example")
        XCTAssertEqual(steps[install].phase, .before)
        let jobs = try index("ui.acme.example", "Before LISTSERV moves from lsv.acme.example to lsv2.acme.example: check in LUI that no job is being delivered")
        let stop = try index("lsv.acme.example", "Stop LISTSERV on lsv.acme.example and keep it from starting again")
        let move = try index("lsv2.acme.example", "Move LISTSERV's lists, archives and configuration from lsv.acme.example to lsv2.acme.example with LISTSERV's own procedure")
        let repoint = try index("ui.acme.example", "In the HUB, point Maestro's LISTSERV connection settings at lsv2.acme.example")
        let test = try index("ui.acme.example", "Send a test job from LUI on ui.acme.example")
        XCTAssertTrue(install < jobs && jobs < stop && stop < move && move < repoint && repoint < test, "\(steps.map(\.action))")
        XCTAssertFalse(steps.contains { $0.action.contains("Install Maestro") })
    }

    // MARK: 3. A component that changes operating system

    func testOSChangeIsFlaggedAndThePathsEdited() throws {
        let report = try report(try example("topologies/migration/grow-current.yaml"), try example("topologies/migration/grow-target.yaml"))
        let warning = try XCTUnwrap(report.diagnostics.first { $0.rule == "os-change" })
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(warning.host, "ui.acme.example")
        XCTAssertEqual(warning.location, SourceLocation(line: 22, column: 9), "at 'os: windows'")
        XCTAssertTrue(warning.message.contains("LUI and HUB move from Linux ('maestro.acme.example') to Windows ('ui.acme.example')"), warning.message)
        XCTAssertTrue(warning.notes.joined().contains("line ends"), "\(warning.notes)")
        let steps = report.steps
        let edit = try XCTUnwrap(steps.firstIndex { $0.action.hasPrefix("ui.acme.example runs Windows where maestro.acme.example ran Linux") })
        XCTAssertTrue(steps[edit].action.contains("lui/lui.ini, hub/hub.ini"), steps[edit].action)
        let lastMove = try XCTUnwrap(steps.lastIndex { $0.action.hasPrefix("Move LUI") || $0.action.hasPrefix("Move HUB") })
        XCTAssertTrue(lastMove < edit, "the copied files are edited once they are all there")
        XCTAssertTrue(steps.contains { $0.phase == .after && $0.action.contains("every path setting") })
        // Linux to Windows without a move: the same host reinstalled.
        let inPlace = try self.report(DiffTests.topology(DiffTests.fourServers), DiffTests.topology(Self.windowsUI))
        XCTAssertEqual(inPlace.consequences.osChanges.map(\.component), [.lui, .hub])
        XCTAssertTrue(inPlace.diagnostics.contains { $0.rule == "os-change" })
    }

    // MARK: 4. Order and labels

    func testNewServerIsInstalledBeforeItsTrustedRootsAndCertificate() throws {
        let report = try report(try example("topologies/migration/current.yaml"), try example("topologies/migration/target.yaml"))
        let trk = report.steps.filter { $0.host == "trk.acme.example" && $0.phase == .before }.map(\.action)
        let install = try XCTUnwrap(trk.firstIndex { $0.hasPrefix("Install Maestro 6.0-1 on trk.acme.example") })
        let trust = try XCTUnwrap(trk.firstIndex { $0.hasPrefix("Secure the trusted-root keystore /opt/lsoft/maestro/jre/lib/security/cacerts") })
        let certificate = try XCTUnwrap(trk.firstIndex { $0.hasPrefix("Obtain the server certificate for CN=trk.acme.example") })
        XCTAssertTrue(install < trust && trust < certificate, "\(trk)")
        XCTAssertTrue(trk[trust].contains("certificate.sh trust ROOT.pem"))
        XCTAssertTrue(trk[install].contains("with only TRK selected (on Windows the installer's Individual Setup"), trk[install])
        // The reverse proxy runs where the old name stays, not on the new
        // Tracker: prepared before the window, switched on right after the
        // Tracker starts on its new host, not while the old one still runs.
        let prepare = try XCTUnwrap(report.steps.first { $0.action.hasPrefix("Tracking links") })
        XCTAssertEqual(prepare.host, "maestro.acme.example")
        XCTAssertEqual(prepare.phase, .before)
        XCTAssertTrue(prepare.action.contains("route the /trk path of 'maestro.acme.example' to 'trk.acme.example' with a reverse proxy or load balancer in front of 'maestro.acme.example'"), prepare.action)
        XCTAssertTrue(prepare.action.contains("Prepare it now and switch it on in the window, right after the Tracker starts on 'trk.acme.example'"), prepare.action)
        let start = try XCTUnwrap(report.steps.firstIndex { $0.action.hasPrefix("Start TRK on trk.acme.example") })
        let switchOn = try XCTUnwrap(report.steps.firstIndex { $0.action.hasPrefix("Switch on the reverse proxy") })
        XCTAssertEqual(switchOn, start + 1)
        XCTAssertEqual(report.steps[switchOn].host, "maestro.acme.example")
    }

    func testComponentAddedToAServerIsInstalledThereInTheWindow() throws {
        let report = try report(DiffTests.topology(DiffTests.fourServers), DiffTests.topology("""
              ui.acme.example: {components: [LUI, HUB, TRK]}
              db.acme.example: {components: [DATABASE]}
              lsv.acme.example: {components: [LISTSERV]}
            """))
        let actions = report.steps.map { "[\($0.host)] \($0.action)" }
        let stop = try XCTUnwrap(actions.firstIndex { $0.hasPrefix("[ui.acme.example] Stop LUI, HUB on ui.acme.example") })
        let add = try XCTUnwrap(actions.firstIndex { $0.hasPrefix("[ui.acme.example] Add TRK to the Maestro installation on ui.acme.example") })
        let move = try XCTUnwrap(actions.firstIndex { $0.hasPrefix("[ui.acme.example] Move TRK from trk.acme.example") })
        XCTAssertTrue(stop < add && add < move, "\(actions)")
    }

    func testCheckStepsAgreeWithTheirComponentsInNumber() throws {
        let off = DiffTests.topology(DiffTests.fourServers, ssl: false)
        let report = try report(off, off.replacingOccurrences(of: "trk.acme.example", with: "tracker.acme.example"))
        let checks = report.steps.filter { $0.phase == .after && $0.action.hasPrefix("Check that") }.map(\.action)
        XCTAssertTrue(checks.contains("Check that TRK on tracker.acme.example has started and reaches the other components."), "\(checks)")
        XCTAssertTrue(checks.contains("Check that LUI, HUB on ui.acme.example have started and reach the other components."), "\(checks)")
    }

    // MARK: 5. Tracker names

    func testRenamedTrackerServerGetsConsistentAdvice() throws {
        let current = DiffTests.topology("""
              maestro.acme.example: {components: [LUI, HUB, TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        let report = try report(current, current.replacingOccurrences(of: "maestro.acme.example", with: "mae.acme.example"))
        XCTAssertEqual(report.diff.changes.map(\.action), [.rename])
        let texts = report.steps.map(\.action) + report.diagnostics.flatMap(\.notes)
        XCTAssertFalse(texts.contains { $0.contains("stays in use") || $0.contains("keeps the name") }, "\(texts)")
        let tracker = try XCTUnwrap(report.steps.first { $0.action.hasPrefix("Tracking links") })
        XCTAssertEqual(tracker.host, "maestro.acme.example")
        XCTAssertTrue(tracker.action.contains("Keep the DNS name 'maestro.acme.example' leading to this machine, now named 'mae.acme.example'"), tracker.action)
        XCTAssertFalse(tracker.action.contains("Warning"), "LUI and HUB go along with the Tracker")
        XCTAssertFalse(report.steps.contains { $0.action.hasPrefix("Switch on") || $0.action.hasPrefix("Point the DNS") }, "the old name already leads there")
        let rename = try XCTUnwrap(report.steps.firstIndex { $0.action.hasPrefix("The server 'maestro.acme.example' gets the new name 'mae.acme.example'") })
        XCTAssertEqual(report.steps[rename].phase, .before)
        XCTAssertTrue(report.steps[rename].action.contains("keep 'maestro.acme.example' resolving too"), report.steps[rename].action)
        // Names change in the INI files while Maestro is stopped, and in the HUB once it runs.
        let stop = try XCTUnwrap(report.steps.firstIndex { $0.action.hasPrefix("Stop LUI, HUB, TRK") })
        let ini = try XCTUnwrap(report.steps.firstIndex { $0.action.hasPrefix("In lui/lui.ini, hub/hub.ini, trk/tracker.ini on mae.acme.example, replace every host entry 'maestro.acme.example' by 'mae.acme.example'") })
        let start = try XCTUnwrap(report.steps.firstIndex { $0.action.hasPrefix("Start LUI, HUB, TRK on mae.acme.example") })
        let hub = try XCTUnwrap(report.steps.firstIndex { $0.action.hasPrefix("In the HUB's component settings") })
        XCTAssertTrue(rename < stop && stop < ini && ini < start && start < hub, "\(report.steps.map(\.action))")
    }

    func testRenamingOneServerRestartsEveryServerThatNamesIt() throws {
        let off = DiffTests.topology(DiffTests.fourServers, ssl: false)
        let report = try report(off, off.replacingOccurrences(of: "ui.acme.example", with: "web.acme.example"))
        XCTAssertEqual(Set(report.consequences.restart), ["web.acme.example", "trk.acme.example"])
        XCTAssertTrue(report.steps.contains { $0.host == "trk.acme.example" && $0.action.hasPrefix("In trk/tracker.ini on trk.acme.example, replace every host entry 'ui.acme.example' by 'web.acme.example'") })
    }

    func testOldTrackerNameThatServedLUIWarnsAboutBookmarks() throws {
        let report = try report(try example("topologies/migration/grow-current.yaml"), try example("topologies/migration/grow-target.yaml"))
        let tracker = try XCTUnwrap(report.steps.first { $0.action.hasPrefix("Tracking links") })
        XCTAssertEqual(tracker.host, "maestro.acme.example")
        XCTAssertTrue(tracker.action.contains("Warning: 'maestro.acme.example' also served LUI and HUB, so pointing that name at 'trk.acme.example' alone breaks users' bookmarks"), tracker.action)
        XCTAssertTrue(tracker.action.contains("forward the /trk path to 'trk.acme.example' and the /lui and /hub paths to 'ui.acme.example'"), tracker.action)
        // The proxy may run on the old machine: its HTTP port stays open for it.
        let close = try XCTUnwrap(report.steps.first { $0.host == "maestro.acme.example" && $0.action.hasPrefix("Close inbound 80/tcp") })
        XCTAssertTrue(close.action.hasSuffix("once no reverse proxy answers there for the old Tracker name any more."), close.action)
        let finding = try XCTUnwrap(report.diagnostics.first { $0.rule == "tracker-moved" })
        XCTAssertTrue(finding.notes[0].contains("breaks users' bookmarks"), "\(finding.notes)")
    }

    // MARK: 6. Switching SSL off

    func testSwitchingSSLOffHasFittingNotesAtTheEnabledNode() throws {
        let on = DiffTests.topology(DiffTests.fourServers)
        let explicitOff = try report(on, DiffTests.topology(DiffTests.fourServers, ssl: false))
        let finding = try XCTUnwrap(explicitOff.diagnostics.first { $0.rule == "ssl-switch" })
        XCTAssertEqual(finding.location, SourceLocation(line: 4, column: 26), "at 'enabled: false' of the target")
        XCTAssertFalse(finding.notes.joined().contains("obtain"), "\(finding.notes)")
        XCTAssertTrue(finding.notes.joined().contains("delete every ssl.ini"), "\(finding.notes)")

        // The target leaves component_ssl out: the node that changed is the current file's.
        let omitted = on.replacingOccurrences(of: "component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}\n", with: "")
        let implicit = try report(on, omitted)
        XCTAssertEqual(implicit.diagnostics.filter { $0.rule == "ssl-switch" }.count, 0)
        let current = try XCTUnwrap(implicit.currentDiagnostics.first { $0.rule == "ssl-switch" })
        XCTAssertEqual(current.location, SourceLocation(line: 4, column: 26))
        XCTAssertNotEqual(current.location, SourceLocation(line: 1, column: 1))
    }
}
