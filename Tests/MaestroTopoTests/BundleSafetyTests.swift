import Foundation
@testable import MaestroTopo
import XCTest

/// `bundle` writes only inside DIR, never through a link, and a run that is
/// killed at any moment leaves DIR either as it was or complete.
final class BundleSafetyTests: XCTestCase {
    var directory: URL!
    var out: URL { directory.appendingPathComponent("out") }

    override func setUpWithError() throws {
        directory = try Tool.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A valid topology with `listservHosts` LISTSERV hosts: each gets a
    /// folder, so writing the bundle takes long enough to be interrupted.
    func largeTopology(listservHosts: Int) throws -> URL {
        var text = """
            version: 1
            installation: acme-large
            defaults: {os: linux, install_folder: /opt/lsoft/maestro}
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: MAESTRO_KEYSTORE_PASSWORD}}
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              trk.acme.example: {components: [TRK]}
              db.acme.example: {components: [DATABASE], database: {engine: postgresql}}

            """
        for index in 1...listservHosts { text += "  lsv\(index).acme.example: {components: [LISTSERV]}\n" }
        let url = directory.appendingPathComponent("large.yaml")
        try Data(text.utf8).write(to: url)
        return url
    }

    /// The bundle in `folder` is whole: every file is listed in SHA256SUMS
    /// with the right sum, and nothing else is there.
    func assertComplete(_ folder: URL, _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let sha256sum = try Tool.require("sha256sum")
        let check = try Tool.runProgram(sha256sum, ["-c", "--strict", "--quiet", "SHA256SUMS"], in: folder)
        XCTAssertEqual(check.status, 0, "\(message): \(check.stdout)\(check.stderr)", file: file, line: line)
        let listed = try String(contentsOf: folder.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
            .split(separator: "\n").map { String($0.split(separator: " ", maxSplits: 1)[1].dropFirst()) }
        var present: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: folder.path)!
        while let path = enumerator.nextObject() as? String {
            if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular { present.append(path) }
        }
        XCTAssertEqual(Set(present), Set(listed + ["SHA256SUMS"]), message, file: file, line: line)
    }

    /// Leftovers of interrupted runs beside DIR.
    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".out.") }.sorted()
    }

    func testAKillAtAnyMomentLeavesDirWholeOrAbsent() throws {
        let topology = try largeTopology(listservHosts: 300)
        let arguments = ["bundle", topology.path, "--out", out.path, "--placeholder-secrets"]
        var generator = SystemRandomNumberGenerator()
        var interrupted = 0
        // The first write: DIR is absent until the whole bundle exists.
        for round in 0..<10 {
            let delay = Double.random(in: 0.02...0.9, using: &generator)
            let extra = FileManager.default.fileExists(atPath: out.path) ? ["--force"] : []
            let process = Process()
            process.executableURL = Tool.binary
            process.arguments = arguments + extra
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                interrupted += 1
            }
            process.waitUntilExit()
            let what = "round \(round), killed after \(Int(delay * 1000)) ms"
            if FileManager.default.fileExists(atPath: out.path) {
                try assertComplete(out, what)
            }
        }
        XCTAssertGreaterThan(interrupted, 3, "most runs should have been killed while writing")

        // The next run cleans up what the killed ones left beside DIR.
        let run = try Tool.run(arguments + ["--force"])
        XCTAssertEqual(run.status, 0, run.stderr)
        try assertComplete(out, "after a clean run")
        XCTAssertEqual(try leftovers(), [], "temporary folders of killed runs are removed")
    }

    func testInterruptedRunsAreCleanedUpButLiveOnesAreLeftAlone() throws {
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        let deadPID = dead.processIdentifier
        let livePID = ProcessInfo.processInfo.processIdentifier
        let fm = FileManager.default
        // A half-written bundle of a killed run, with a password file in it.
        let half = directory.appendingPathComponent(".out.maestro-topo-\(deadPID)-a1b2c3")
        try fm.createDirectory(at: half.appendingPathComponent("hosts"), withIntermediateDirectories: true)
        try Data("secret".utf8).write(to: half.appendingPathComponent("hosts/ssl.ini"))
        // The earlier bundle, set aside by a run killed between its two renames.
        XCTAssertEqual(try Tool.run(["bundle", "topologies/four-server.yaml", "--out", out.path],
                                    environment: ["MAESTRO_KEYSTORE_PASSWORD": "x"]).status, 0)
        let aside = directory.appendingPathComponent(".out.old-\(deadPID)-d4e5f6")
        try fm.moveItem(at: out, to: aside)
        // A run that is still going (this test's own process id).
        let busy = directory.appendingPathComponent(".out.maestro-topo-\(livePID)-g7h8i9")
        try fm.createDirectory(at: busy, withIntermediateDirectories: true)
        // Someone else's folder with a similar name.
        let other = directory.appendingPathComponent(".out.maestro-topo-notes")
        try fm.createDirectory(at: other, withIntermediateDirectories: true)

        // The refused run (no --force) still tidies up first: the set-aside
        // bundle is back in place, and it is what refuses the run.
        let run = try Tool.run(["bundle", "topologies/four-server.yaml", "--out", out.path],
                               environment: ["MAESTRO_KEYSTORE_PASSWORD": "x"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("--force"), run.stderr)
        try assertComplete(out, "the set-aside bundle is restored")
        XCTAssertEqual(try leftovers(), [busy.lastPathComponent, other.lastPathComponent])
    }

    func testALinkOrFIFOInsideAnEarlierBundleIsRefused() throws {
        let env = ["MAESTRO_KEYSTORE_PASSWORD": "x"]
        XCTAssertEqual(try Tool.run(["bundle", "topologies/four-server.yaml", "--out", out.path], environment: env).status, 0)
        let outside = directory.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let link = out.appendingPathComponent("hosts/ui.acme.example/commands/logs")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: outside)

        var run = try Tool.run(["bundle", "topologies/four-server.yaml", "--out", out.path, "--force"], environment: env)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("'hosts/ui.acme.example/commands/logs' inside it"), run.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), outside.path)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside.path), [])

        try FileManager.default.removeItem(at: link)
        XCTAssertEqual(mkfifo(out.appendingPathComponent("hosts/pipe").path, 0o600), 0)
        run = try Tool.run(["bundle", "topologies/four-server.yaml", "--out", out.path, "--force"], environment: env)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("'hosts/pipe' inside it"), run.stderr)
    }

    func testFolderNamesAreBuiltOnlyFromSafeHostNames() {
        for name in ["..", "../etc", "a/b", ".hidden", "a\nb", "x=y", "a,b", "", String(repeating: "a", count: 64) + ".example"] {
            XCTAssertThrowsError(try BundleBuilder.folder(for: name), name.debugDescription)
        }
        XCTAssertEqual(try BundleBuilder.folder(for: "ui.acme.example"), "hosts/ui.acme.example")
    }

    func testEveryFilePathStaysInsideTheBundle() throws {
        for path in ["../escape", "hosts/../../escape", "/etc/passwd", "hosts//x", "hosts/./x"] {
            let root = directory.appendingPathComponent("fill-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            XCTAssertThrowsError(try BundleWriter.fill(root.path, with: [BundleFile(path: path, bytes: [], mode: 0o600)]), path)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), [], path)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("escape").path))
    }
}
