import Foundation
@testable import TopoPlan
import TopoTestSupport
import XCTest

/// docs/ shows the command's real output.
final class DocsAndExamplesCLITests: XCTestCase {
    /// docs/migration.md shows the command's real output.
    func testMigrationWalkthroughShowsTheRealOutput() throws {
        let run = try Tool.run(["diff", "--no-color", "topologies/migration/current.yaml", "topologies/migration/target.yaml"])
        let doc = try String(contentsOf: Tool.packageRoot.appendingPathComponent("docs/migration.md"), encoding: .utf8)
        XCTAssertTrue(doc.contains(run.stdout), "docs/migration.md shows stale diff output")
        XCTAssertTrue(doc.contains(run.stderr), "docs/migration.md shows stale diff findings")
        for (current, target) in [
            ("topologies/migration/grow-current.yaml", "topologies/migration/grow-target.yaml"),
            ("topologies/four-server.yaml", "topologies/migration/database-target.yaml"),
        ] {
            let other = try Tool.run(["diff", "--no-color", current, target])
            let runbook = try XCTUnwrap(other.stdout.range(of: "Runbook\n")).lowerBound
            XCTAssertTrue(doc.contains(other.stdout[runbook...]), "docs/migration.md shows a stale runbook for \(target)")
        }
    }

    /// docs/json.md says which fields hold a setting's value and which hold
    /// the text typed into a file, and the output keeps to it: the raw
    /// keystore path has single backslashes, the file text doubled ones.
    func testJSONDocSeparatesRawValuesFromFileText() throws {
        let doc = try String(contentsOf: Tool.packageRoot.appendingPathComponent("docs/json.md"), encoding: .utf8)
        let section = try XCTUnwrap(doc.range(of: "### Raw values and file text")).upperBound
        let table = String(doc[section...].prefix(2000))
        for field in ["`ssl_ini.SSLKeystorePath`", "`ssl_ini.text`", "`steps[].file.text`", "`file.path`"] {
            XCTAssertTrue(table.contains(field), "docs/json.md does not say what \(field) holds")
        }
        let run = try Tool.run(["plan", "--format", "json", "topologies/mixed-os.yaml"])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let servers = try XCTUnwrap(object["servers"] as? [[String: Any]])
        let windows = try XCTUnwrap(servers.first { ($0["os"] as? String) == "windows" })
        let ini = try XCTUnwrap(windows["ssl_ini"] as? [String: Any])
        let raw = try XCTUnwrap(ini["SSLKeystorePath"] as? String)
        let text = try XCTUnwrap(ini["text"] as? String)
        XCTAssertTrue(raw.contains(#"\"#) && !raw.contains(#"\\"#), raw)
        XCTAssertTrue(text.contains("SSLKeystorePath=" + JavaProperties.escape(raw)), text)
    }
}
