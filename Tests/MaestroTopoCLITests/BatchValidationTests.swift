import Foundation
import TopoTestSupport
import XCTest

/// Validating many files: the output must not depend on how many workers
/// ran or on which argument reader took the command line.
final class BatchValidationTests: XCTestCase {
    func testOutputIsIdenticalWithOneAndTwoJobs() throws {
        let python = try Tool.require("python3")
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let generate = try Tool.runProgram(
            python, [Tool.packageRoot.appendingPathComponent("bench/gen_corpus.py").path, directory.path, "--count", "400"],
            in: Tool.packageRoot)
        XCTAssertEqual(generate.status, 0, generate.stderr)
        // Broken files among the valid ones, so there is output to order.
        for name in ["typos", "partial-ssl", "syntax", "allowed-clients"] {
            try FileManager.default.copyItem(
                at: Tool.packageRoot.appendingPathComponent("topologies/broken/\(name).yaml"),
                to: directory.appendingPathComponent("corpus/d001/zz-\(name).yaml"))
        }
        let corpus = directory.appendingPathComponent("corpus").path
        for format in ["text", "json", "sarif", "junit", "github"] {
            let one = try Tool.run(["validate", "--format", format, "--jobs", "1", corpus])
            let two = try Tool.run(["validate", "--format", format, "--jobs", "2", corpus])
            let slow = try Tool.run(["validate", "--format", format, "--jobs", "2", corpus], environment: ["MAESTRO_TOPO_SLOW_ARGS": "1"])
            XCTAssertEqual(one.status, 1)
            XCTAssertEqual(one.stdout, two.stdout, format)
            XCTAssertEqual(one.stderr, two.stderr, format)
            XCTAssertEqual(two.stdout, slow.stdout, "\(format): the two argument readers disagree")
            XCTAssertEqual(two.stderr, slow.stderr, "\(format): the two argument readers disagree")
            XCTAssertTrue((one.stdout + one.stderr).contains("zz-typos.yaml"))
        }
        let json = try Tool.run(["validate", "--format", "json", corpus])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        XCTAssertEqual((object["summary"] as! [String: Int])["files"], 404)
        XCTAssertEqual((object["files"] as! [Any]).count, 404)
    }

    func testFastArgumentReaderHandsOddCommandLinesToArgumentParser() throws {
        for arguments in [["validate"], ["validate", "--jobs", "0", "topologies"], ["validate", "--help"],
                          ["validate", "--format", "markdown", "topologies"], ["validate", "--bogus", "topologies"]] {
            let fast = try Tool.run(arguments)
            let slow = try Tool.run(arguments, environment: ["MAESTRO_TOPO_SLOW_ARGS": "1"])
            XCTAssertEqual(fast.status, slow.status, "\(arguments)")
            XCTAssertEqual(fast.stdout + fast.stderr, slow.stdout + slow.stderr, "\(arguments)")
        }
        let forms = [["--jobs=2", "--format=json"], ["-j", "2", "--format", "json"], ["--format", "json", "--", "topologies"]]
        let reference = try Tool.run(["validate", "--jobs", "2", "--format", "json", "topologies"])
        for form in forms {
            let run = try Tool.run(["validate"] + form + (form.contains("--") ? [] : ["topologies"]))
            XCTAssertEqual(run.stdout, reference.stdout, "\(form)")
            XCTAssertEqual(run.status, reference.status, "\(form)")
        }
    }
}
