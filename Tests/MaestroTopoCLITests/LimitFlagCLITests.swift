import Foundation
import TopoTestSupport
import XCTest

/// The loader's limits as a user meets them: each is an error at the place it
/// was hit, and each has a flag to raise it.
final class LimitFlagCLITests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = try Tool.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func topology(hosts: Int, installation: String = "acme") -> String {
        var text = "version: 1\ninstallation: \(installation)\nhosts:\n  ui.acme.example: {components: [LUI, HUB, TRK]}\n"
        for index in 0..<hosts { text += "  lsv\(index).acme.example: {components: [LISTSERV]}\n" }
        return text
    }

    /// Runs validate with and without `flags`: the default must hit the
    /// limit at `location`, the flag must lift it.
    func assertLimit(
        _ text: String, at location: String, message: String, raisedBy flags: [String], loweredBy lower: [String] = [],
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let path = try write("limit.yaml", text)
        let hit = try Tool.run(["validate", "--no-color"] + lower + [path])
        XCTAssertEqual(hit.status, 1, hit.stderr, file: file, line: line)
        XCTAssertTrue(hit.stderr.contains("\(path):\(location): error[input-limit]: \(message)"), hit.stderr,
                      file: file, line: line)
        let raised = try Tool.run(["validate", "--no-color"] + lower + flags + [path])
        XCTAssertFalse(raised.stderr.contains("input-limit"), raised.stderr, file: file, line: line)
    }

    func testFileSize() throws {
        let text = topology(hosts: 40)  // about 2 KiB
        try assertLimit(text, at: "1:1", message: "the file is larger than 1 KiB", raisedBy: ["--max-file-size", "4K"],
                        loweredBy: ["--max-file-size=1K"])
    }

    func testDepth() throws {
        let text = "version: 1\ninstallation: acme\nhosts: {ui.acme.example: {components: [LUI, HUB, TRK]}}\nx: [[[[1]]]]\n"
        // The hosts need four levels; the fifth opens at the fourth '['.
        try assertLimit(text, at: "4:7", message: "mappings and lists are nested deeper than 4 levels",
                        raisedBy: ["--max-depth", "8"], loweredBy: ["--max-depth", "4"])
    }

    func testScalarLengthDefaultAndRaised() throws {
        let long = String(repeating: "x", count: (1 << 20) + 10)
        let text = "version: 1\ninstallation: \(long)\nhosts: {ui.acme.example: {components: [LUI, HUB, TRK]}}\n"
        try assertLimit(text, at: "2:15", message: "a value of 1048586 bytes; values may be at most 1 MiB",
                        raisedBy: ["--max-scalar-length", "2M"])
    }

    func testHosts() throws {
        try assertLimit(topology(hosts: 5), at: "8:3", message: "more than 4 hosts; reading stopped here",
                        raisedBy: ["--max-hosts", "100"], loweredBy: ["--max-hosts", "4"])
    }

    func testFindings() throws {
        var text = "version: 1\ninstallation: acme\nhosts: {ui.acme.example: {components: [LUI, HUB, TRK]}}\n"
        for index in 0..<5 { text += "unknown\(index): 1\n" }
        // The third finding is the first one too many: reading stops there.
        try assertLimit(text, at: "6:1", message: "more than 2 findings; reading stopped here",
                        raisedBy: ["--max-findings", "50"], loweredBy: ["--max-findings", "2"])
    }

    func testALimitInOneFileLeavesTheOthersChecked() throws {
        let deep = try write("a-deep.yaml", "version: 1\nhosts: " + String(repeating: "[", count: 500) + "\n")
        let fine = try write("b-fine.yaml", "version: 1\ninstallation: acme\nhosts: {ui.acme.example: {components: [LUI, HUB]}}\n")
        let run = try Tool.run(["validate", "--no-color", "--jobs", "2", deep, fine])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("\(deep):2:"), run.stderr)
        XCTAssertTrue(run.stderr.contains("error[input-limit]"), run.stderr)
        XCTAssertTrue(run.stderr.contains("\(fine):3:"), "the second file is still checked: \(run.stderr)")
        XCTAssertTrue(run.stderr.contains("checked 2 files"), run.stderr)
    }

    func testEveryCommandThatReadsATopologyTakesTheFlags() throws {
        let path = try write("t.yaml", topology(hosts: 3))
        for command in [["plan", path], ["bundle", path, "--out", directory.appendingPathComponent("b").path,
                                         "--placeholder-secrets"], ["diff", path, path]] {
            let run = try Tool.run(command + ["--max-hosts", "2", "--no-color"])
            XCTAssertEqual(run.status, 1, "\(command[0]): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("more than 2 hosts"), "\(command[0]): \(run.stderr)")
        }
        let bad = try Tool.run(["validate", "--max-depth", "0", path])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("--max-depth must be at least 1"), bad.stderr)
    }
}
