import Foundation
import TopoTestSupport
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// What `validate` (and the commands that read one file) meet in real
/// folders: link loops, FIFOs, devices, unreadable files. Every run is
/// bounded (`Bounded`): a read that blocks fails the test instead of
/// hanging the suite.
///
/// The behaviour pinned here: inside a directory only regular files (or
/// links to them) named `*.yaml`/`*.yml` are read; links to directories
/// are not followed; anything else (a FIFO, a device, a dangling or looping
/// link) is passed over silently, as editors leave such entries (Emacs
/// lock files are dangling links named `.#file.yaml`). A path named on the
/// command line is never passed over: if it is not a readable regular
/// file, the run reports it by name and exits 2, after checking the rest.
final class DirectoryHazardTests: XCTestCase {
    var directory: URL!
    let fileManager = FileManager.default

    override func setUpWithError() throws {
        directory = try Tool.temporaryDirectory()
        // Readable by the unprivileged user of testUnreadableFile.
        try fileManager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
    }

    override func tearDownWithError() throws {
        try? fileManager.removeItem(at: directory)
    }

    /// A valid topology with exactly one warning, so its findings show.
    let goodYAML = cleanFourServer.replacingOccurrences(of: "components: [TRK]", with: "components: [TRK, LUI]")
        .replacingOccurrences(of: "[LUI, HUB]", with: "[HUB]")
    let goodWarning = "good.yaml:11:18: warning[lui-trk-colocated]"

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func makeFolder(_ name: String) throws -> String {
        try fileManager.createDirectory(atPath: path(name), withIntermediateDirectories: true)
        try Data(goodYAML.utf8).write(to: URL(fileURLWithPath: path("\(name)/good.yaml")))
        return name
    }

    func tool(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> ToolRun {
        try Bounded.run(Tool.binary.path, arguments, in: directory, file: file, line: line)
    }

    func assertContains(_ text: String, _ part: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(text.contains(part), "'\(part)' not in:\n\(text)", file: file, line: line)
    }

    // MARK: Links

    func testLinkLoopsInsideADirectoryAreNotFollowed() throws {
        let folder = try makeFolder("loops")
        try fileManager.createSymbolicLink(atPath: path("loops/a"), withDestinationPath: ".")
        try fileManager.createSymbolicLink(atPath: path("loops/up"), withDestinationPath: "..")
        try fileManager.createSymbolicLink(atPath: path("loops/x.yaml"), withDestinationPath: "x.yaml")
        try fileManager.createSymbolicLink(atPath: path("loops/folder.yaml"), withDestinationPath: ".")
        try fileManager.createSymbolicLink(atPath: path("loops/.#gone.yaml"), withDestinationPath: "user@host.1234")
        let run = try tool(["validate", "--no-color", folder])
        XCTAssertEqual(run.status, 0, run.stderr)
        assertContains(run.stderr, "loops/\(goodWarning)")
        // Once: neither `a` nor `up` led back into the folder.
        XCTAssertTrue(run.stderr.hasSuffix("checked 1 file: 1 warning\n"), run.stderr)

        // Named directly, the loop is reported as what it is.
        let direct = try tool(["validate", "--no-color", "loops/x.yaml", "loops/good.yaml"])
        XCTAssertEqual(direct.status, 2)
        assertContains(direct.stderr, "maestro-topo: error: cannot read 'loops/x.yaml': Too many levels of symbolic links")
        assertContains(direct.stderr, "loops/\(goodWarning)")
        XCTAssertTrue(direct.stderr.hasSuffix("checked 2 files: 1 warning; 1 path could not be read\n"), direct.stderr)
        let plan = try tool(["plan", "loops/x.yaml"])
        XCTAssertEqual(plan.status, 2)
        assertContains(plan.stderr, "cannot read 'loops/x.yaml': Too many levels of symbolic links")
    }

    // MARK: FIFOs and devices

    func testFIFOIsNeverOpenedForReading() throws {
        let folder = try makeFolder("pipes")
        XCTAssertEqual(mkfifo(path("pipes/pipe.yaml"), 0o644), 0, String(cString: strerror(errno)))
        try fileManager.createSymbolicLink(atPath: path("pipes/link.yaml"), withDestinationPath: "pipe.yaml")
        // Nobody ever writes to the pipe: reading it would block forever.
        let run = try tool(["validate", "--no-color", folder])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.hasSuffix("checked 1 file: 1 warning\n"), run.stderr)

        // Named directly: refused by name, exit 2, the other file still checked.
        let direct = try tool(["validate", "--no-color", "pipes/pipe.yaml", "pipes/good.yaml"])
        XCTAssertEqual(direct.status, 2)
        assertContains(direct.stderr, "maestro-topo: error: cannot read 'pipes/pipe.yaml': not a regular file")
        assertContains(direct.stderr, "pipes/\(goodWarning)")
        for arguments in [["plan", "pipes/link.yaml"], ["bundle", "pipes/pipe.yaml", "--out", "out"],
                          ["diff", "pipes/pipe.yaml", "pipes/good.yaml"], ["graph", "pipes/pipe.yaml"]] {
            let other = try tool(arguments)
            XCTAssertEqual(other.status, 2, "\(arguments): \(other.stderr)")
            assertContains(other.stderr, "cannot read 'pipes/\(arguments[1].split(separator: "/").last!)': not a regular file")
        }
        XCTAssertFalse(fileManager.fileExists(atPath: path("out")))
    }

    func testDevicesAreNeverRead() throws {
        let folder = try makeFolder("devices")
        try fileManager.createSymbolicLink(atPath: path("devices/dev.yaml"), withDestinationPath: "/dev/zero")
        try fileManager.createSymbolicLink(atPath: path("devices/random.yml"), withDestinationPath: "/dev/urandom")
        let run = try tool(["validate", "--no-color", folder])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.hasSuffix("checked 1 file: 1 warning\n"), run.stderr)

        let direct = try tool(["validate", "--no-color", "/dev/null", "devices/dev.yaml", "/dev/urandom", "devices/good.yaml"])
        XCTAssertEqual(direct.status, 2)
        for name in ["/dev/null", "devices/dev.yaml", "/dev/urandom"] {
            assertContains(direct.stderr, "maestro-topo: error: cannot read '\(name)': not a regular file")
        }
        assertContains(direct.stderr, "devices/\(goodWarning)")
        XCTAssertTrue(direct.stderr.hasSuffix("checked 4 files: 1 warning; 3 paths could not be read\n"), direct.stderr)
        for arguments in [["plan", "/dev/zero"], ["bundle", "devices/dev.yaml", "--out", "out"]] {
            let other = try tool(arguments)
            XCTAssertEqual(other.status, 2, "\(arguments): \(other.stderr)")
            assertContains(other.stderr, "not a regular file")
        }
    }

    // MARK: Permissions

    func testUnreadableFileIsNamedAndTheOthersAreChecked() throws {
        let folder = try makeFolder("locked")
        try Data("version: 2\n".utf8).write(to: URL(fileURLWithPath: path("locked/bad.yaml")))
        try Data(goodYAML.utf8).write(to: URL(fileURLWithPath: path("locked/secret.yaml")))
        try fileManager.createDirectory(atPath: path("locked/sub"), withIntermediateDirectories: true)
        try Data(goodYAML.utf8).write(to: URL(fileURLWithPath: path("locked/sub/inner.yaml")))
        try fileManager.setAttributes([.posixPermissions: 0], ofItemAtPath: path("locked/secret.yaml"))
        try fileManager.setAttributes([.posixPermissions: 0], ofItemAtPath: path("locked/sub"))
        defer { try? fileManager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path("locked/sub")) }

        let run = try unprivileged(["validate", "--no-color", folder])
        XCTAssertEqual(run.status, 2, run.stderr)
        assertContains(run.stderr, "maestro-topo: error: cannot read 'locked/secret.yaml': Permission denied")
        assertContains(run.stderr, "maestro-topo: error: cannot read 'locked/sub': Permission denied")
        assertContains(run.stderr, "locked/bad.yaml:1:10: error[invalid-value]: format version 2 is not supported")
        assertContains(run.stderr, "locked/\(goodWarning)")
        XCTAssertTrue(run.stderr.hasSuffix("checked 3 files: 3 errors, 1 warning; 2 paths could not be read\n"), run.stderr)

        let json = try unprivileged(["validate", "--format", "json", "locked/secret.yaml", "locked/good.yaml"])
        XCTAssertEqual(json.status, 2, json.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let files = try XCTUnwrap(object["files"] as? [[String: Any]])
        XCTAssertEqual(files.map { $0["path"] as? String }, ["locked/secret.yaml", "locked/good.yaml"])
        XCTAssertEqual(files.map { $0["valid"] as? Bool }, [false, true])
        XCTAssertEqual(files[0]["error"] as? String, "cannot read 'locked/secret.yaml': Permission denied")
        XCTAssertEqual((files[1]["diagnostics"] as? [[String: Any]])?.map { $0["rule"] as? String }, ["lui-trk-colocated"])
    }

    /// Runs the binary as a user who cannot read a mode-000 file. Root can,
    /// so under root (as here and in CI) the run drops to nobody (65534)
    /// with util-linux's setpriv; the binary is copied into the (world
    /// readable) temporary folder when its own path is not reachable.
    func unprivileged(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> ToolRun {
        guard geteuid() == 0 else { return try tool(arguments, file: file, line: line) }
        let probe = try Bounded.runAsNobody(["--version"], in: directory, scratch: directory, file: file, line: line)
        XCTAssertEqual(probe.status, 0, "the binary does not run as nobody: \(probe.stderr)", file: file, line: line)
        return try Bounded.runAsNobody(arguments, in: directory, scratch: directory, file: file, line: line)
    }
}
