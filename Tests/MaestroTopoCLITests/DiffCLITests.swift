import Foundation
import TopoTestSupport
import XCTest

/// `maestro-topo diff` on files: exit codes, findings of both files, no
/// password shown, and the renderings pinned by golden files.
final class DiffCLITests: DiffTestCase {
    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func testTargetWithPartialSSLExitsOne() throws {
        let current = try write("current.yaml", Self.topology(Self.fourServers, ssl: false))
        let target = try write("target.yaml", Self.topology(Self.fourServers.replacingOccurrences(
            of: "trk.acme.example: {components: [TRK]}",
            with: "trk.acme.example: {components: [TRK], ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}}"),
            ssl: false))
        let run = try Tool.run(["diff", "--no-color", current, target])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("target.yaml:4:26: error[partial-ssl]: component SSL is off on 'ui.acme.example'"), run.stderr)
        let json = try Tool.run(["diff", "--format", "json", current, target])
        XCTAssertEqual(json.status, 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(object["valid"] as? Bool, false)
        let rules = (object["diagnostics"] as! [[String: Any]]).map { "\($0["path"]!) \($0["rule"]!)" }
        XCTAssertTrue(rules.contains("\(target) partial-ssl"), "\(rules)")
    }

    func testIdenticalFilesAndDetailedExitCodes() throws {
        let file = "topologies/four-server.yaml"
        let same = try Tool.run(["diff", file, file])
        XCTAssertEqual(same.status, 0)
        XCTAssertEqual(same.stdout, "No changes: both files describe the same installation.\n")
        XCTAssertEqual(try Tool.run(["diff", "--detailed-exitcode", file, file]).status, 0)
        let changed = try Tool.run(["diff", "--detailed-exitcode", "topologies/migration/current.yaml", "topologies/migration/target.yaml"])
        XCTAssertEqual(changed.status, 3)
        XCTAssertEqual(try Tool.run(["diff", "topologies/migration/current.yaml", "topologies/migration/target.yaml"]).status, 0)
        XCTAssertEqual(try Tool.run(["diff", file, "no/such.yaml"]).status, 2)
        XCTAssertEqual(try Tool.run(["diff", file, "topologies/broken/syntax.yaml"]).status, 1)
    }

    func testErrorsInTheCurrentFileDoNotBlockTheChange() throws {
        // Fixing a half-secured installation: the current file has partial SSL.
        let broken = try String(contentsOf: Tool.packageRoot.appendingPathComponent("topologies/broken/partial-ssl.yaml"), encoding: .utf8)
        let current = try write("current.yaml", broken)
        let target = try write("target.yaml", broken.replacingOccurrences(of: "    ssl:\n      enabled: false\n", with: ""))
        let run = try Tool.run(["diff", "--no-color", current, target])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("current.yaml:17:16: error[partial-ssl]"), run.stderr)
        XCTAssertTrue(run.stdout.contains("certificates to issue:  trk.acme.example"), run.stdout)
    }

    func testPasswordsNeverAppear() throws {
        let secret = "Literal-Secret-1"
        let current = try write("a.yaml", Self.topology(Self.fourServers).replacingOccurrences(of: "{env: KS_PW}", with: secret))
        let target = try write("b.yaml", Self.topology(Self.fourServers).replacingOccurrences(of: "{env: KS_PW}", with: secret + "x"))
        for format in ["text", "json", "markdown"] {
            let run = try Tool.run(["diff", "--format", format, current, target])
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertFalse((run.stdout + run.stderr).contains(secret), format)
        }
    }

    func testGoldenRenderings() throws {
        let scenarios = [
            ("split", "topologies/migration/current.yaml", "topologies/migration/target.yaml"),
            ("ssl-on", "topologies/two-server.yaml", "topologies/four-server.yaml"),
            // One server grows into four: LUI and HUB onto Windows, the
            // internal MySQL into Microsoft SQL Server, SSL switched on.
            ("grow", "topologies/migration/grow-current.yaml", "topologies/migration/grow-target.yaml"),
            ("database", "topologies/four-server.yaml", "topologies/migration/database-target.yaml"),
        ]
        for (name, current, target) in scenarios {
            for (format, ext) in [("text", "txt"), ("json", "json"), ("markdown", "md")] {
                let run = try Tool.run(["diff", "--format", format, current, target])
                XCTAssertEqual(run.status, 0, run.stderr)
                try assertGolden(run.stdout, "diff-\(name).\(ext)")
            }
        }
    }
}
