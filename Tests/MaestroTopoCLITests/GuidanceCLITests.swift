import Foundation
@testable import TopoModel
@testable import TopoCheck
@testable import TopoPlan
import TopoTestSupport
import XCTest

/// What the bundle's READMEs and `init`'s presets tell an administrator to
/// do, in the vendor's order and with the exact commands.
final class GuidanceCLITests: GuidanceTestCase {
    func testBundleReadmesSecureTheTrustedRootsFirst() throws {
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("bundle")
        let run = try Tool.run(["bundle", "topologies/mixed-os.yaml", "--out", out.path, "--placeholder-secrets"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let top = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        let trust = try XCTUnwrap(top.range(of: "certificate.sh trust ROOT.pem"))
        let request = try XCTUnwrap(top.range(of: "certificate.sh request"))
        XCTAssertTrue(trust.lowerBound < request.lowerBound, top)
        for host in ["ui.acme.example", "trk.acme.example"] {
            let readme = try String(contentsOf: out.appendingPathComponent("hosts/\(host)/README.md"), encoding: .utf8)
            let trust = try XCTUnwrap(readme.range(of: " trust ROOT.pem`"), readme)
            let request = try XCTUnwrap(readme.range(of: " request`"), readme)
            XCTAssertTrue(trust.lowerBound < request.lowerBound, readme)
            XCTAssertTrue(readme.contains("TRUSTSTORE_PASSWORD"), readme)
        }
    }

    // 15. The exact icacls command on Windows, chmod on Linux.
    func testReadmesGiveTheExactPermissionCommands() throws {
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("bundle")
        XCTAssertEqual(try Tool.run(["bundle", "topologies/mixed-os.yaml", "--out", out.path, "--placeholder-secrets"]).status, 0)
        let windows = try String(contentsOf: out.appendingPathComponent("hosts/ui.acme.example/README.md"), encoding: .utf8)
        XCTAssertTrue(windows.contains(#"`icacls "C:\Program Files\L-Soft\Maestro\commands\ssl.ini" /inheritance:r /grant:r *S-1-5-18:R *S-1-5-32-544:F`"#), windows)
        let linux = try String(contentsOf: out.appendingPathComponent("hosts/trk.acme.example/README.md"), encoding: .utf8)
        XCTAssertTrue(linux.contains("`chmod 600 /opt/lsoft/maestro/commands/ssl.ini`"), linux)
        let plan = try plan("topologies/mixed-os.yaml")
        XCTAssertTrue(plan.servers[0].checklist.contains { $0.contains("icacls") }, "the plan's checklist says it too")
        XCTAssertEqual(PlanText.shellWord("/srv/it's here"), #"'/srv/it'\''s here'"#)
    }

    // 18. The top README's table lists every file the bundle holds.
    func testBundleReadmeTableListsEveryFile() throws {
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("bundle")
        XCTAssertEqual(try Tool.run(["bundle", "topologies/mixed-os.yaml", "--out", out.path, "--placeholder-secrets"]).status, 0)
        let readme = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        let table = readme.split(separator: "\n").filter { $0.hasPrefix("| ") }
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: out.path))
        var checked = 0
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: out.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            let parts = path.split(separator: "/")
            let (row, file) = parts.first == "hosts" ? ("`\(parts[1])`", parts.dropFirst(2).joined(separator: "/")) : ("(this folder)", path)
            let line = table.first { $0.hasPrefix("| \(row) |") }
            XCTAssertTrue(line?.contains("`\(file)`") == true, "\(path) is not in the README's table:\n\(table.joined(separator: "\n"))")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 15)
    }

    // 8. The two-server preset is the vendor's split, and clean.
    func testTwoServerPresetSplitsTheTrackerOffAndValidatesStrictly() throws {
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for preset in Preset.allCases where preset != .single {
            let file = directory.appendingPathComponent("\(preset.rawValue).yaml")
            try Data(preset.yaml().utf8).write(to: file)
            let run = try Tool.run(["validate", "--strict", "--no-color", file.path])
            XCTAssertEqual(run.status, 0, "\(preset.rawValue): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("no problems found"), run.stderr)
        }
        let result = TopologyCheck.check(bytes: Array(Preset.twoServer.yaml().utf8))
        let resolved = ResolvedTopology(try XCTUnwrap(result.topology))
        XCTAssertEqual(resolved.maestroServers.map(\.maestroComponents), [[.lui, .hub], [.trk]])
        for example in ["topologies/two-server.yaml", "topologies/four-server.yaml", "topologies/mixed-os.yaml"] {
            let run = try Tool.run(["validate", "--strict", example])
            XCTAssertEqual(run.status, 0, "\(example): \(run.stderr)")
        }
    }
}
