import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TopoCheck
import TopoTestSupport
import XCTest

/// `validate --format sarif|junit|github`, read back the way CI services
/// read them.
final class CIFormatTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = try Tool.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// The broken examples, one valid file, and a file whose name needs
    /// escaping in every format.
    func inputs() throws -> [String] {
        let odd = directory.appendingPathComponent("odd name, 100% <&>#.yaml")
        try Data("version: 1\ninstallation: x\nhosts: {ui.example: {components: [LUI, HUB, TRK]}}\nbogus: 1\n".utf8)
            .write(to: odd)
        return ["topologies/broken", "topologies/four-server.yaml", odd.path]
    }

    /// What the JSON contract says, to compare every other format with.
    func reference(_ paths: [String]) throws -> [(path: String, rule: String, severity: String, line: Int, column: Int)] {
        let run = try Tool.run(["validate", "--format", "json"] + paths)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        var found: [(String, String, String, Int, Int)] = []
        for file in object["files"] as! [[String: Any]] {
            for d in file["diagnostics"] as! [[String: Any]] {
                found.append((file["path"] as! String, d["rule"] as! String, d["severity"] as! String,
                              d["line"] as! Int, d["column"] as! Int))
            }
        }
        return found
    }

    // MARK: SARIF

    func testSARIFHasTheRequiredStructureAndEveryFinding() throws {
        let paths = try inputs()
        let run = try Tool.run(["validate", "--format", "sarif"] + paths)
        XCTAssertEqual(run.status, 1, run.stderr)
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        // sarifLog: required version and runs.
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        XCTAssertEqual(log["$schema"] as? String, "https://json.schemastore.org/sarif-2.1.0.json")
        let runs = try XCTUnwrap(log["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.count, 1)
        let sarifRun = runs[0]
        // run: required tool; tool: required driver; toolComponent: required name.
        let driver = try XCTUnwrap((sarifRun["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "maestro-topo")
        XCTAssertTrue(["utf16CodeUnits", "unicodeCodePoints"].contains(sarifRun["columnKind"] as? String ?? ""))
        // reportingDescriptor: required id; the registry's texts.
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.map { $0["id"] as? String }, RuleRegistry.descriptors.map(\.id))
        for (rule, descriptor) in zip(RuleRegistry.descriptors, rules) {
            XCTAssertEqual((descriptor["shortDescription"] as? [String: Any])?["text"] as? String, rule.summary)
            XCTAssertEqual((descriptor["help"] as? [String: Any])?["markdown"] as? String, rule.documentation)
            let level = (descriptor["defaultConfiguration"] as? [String: Any])?["level"] as? String
            XCTAssertEqual(level, rule.severity == .note ? "note" : rule.severity.rawValue)
        }
        // result: required message with text; level from the enumeration;
        // ruleIndex pointing at its rule; located by file, line and column.
        let results = try XCTUnwrap(sarifRun["results"] as? [[String: Any]])
        let expected = try reference(paths)
        XCTAssertEqual(results.count, expected.count)
        XCTAssertGreaterThan(results.count, 10)
        for (result, finding) in zip(results, expected) {
            XCTAssertEqual(result["ruleId"] as? String, finding.rule)
            let index = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, finding.rule)
            XCTAssertEqual(result["level"] as? String, finding.severity)
            let text = try XCTUnwrap((result["message"] as? [String: Any])?["text"] as? String)
            XCTAssertFalse(text.isEmpty)
            let locations = try XCTUnwrap(result["locations"] as? [[String: Any]])
            let physical = try XCTUnwrap(locations.first?["physicalLocation"] as? [String: Any])
            let uri = try XCTUnwrap((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
            XCTAssertEqual(try XCTUnwrap(URL(string: uri)).path, finding.path, "the URI decodes to the path")
            let region = try XCTUnwrap(physical["region"] as? [String: Any])
            XCTAssertEqual(region["startLine"] as? Int, finding.line)
            XCTAssertEqual(region["startColumn"] as? Int, finding.column)
        }
        XCTAssertTrue(results.contains { (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]).map {
            (($0["artifactLocation"] as? [String: Any])?["uri"] as? String)?.contains("odd%20name%2C%20100%25%20%3C%26%3E%23.yaml") ?? false
        } ?? false }, "a path with spaces, commas and % is percent-encoded")
        let invocation = try XCTUnwrap((sarifRun["invocations"] as? [[String: Any]])?.first)
        XCTAssertEqual(invocation["executionSuccessful"] as? Bool, true)
    }

    func testSARIFReportsAMissingPathAsANotification() throws {
        let run = try Tool.run(["validate", "--format", "sarif", "topologies/four-server.yaml", "no/such.yaml"])
        XCTAssertEqual(run.status, 2)
        let log = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let invocation = ((log["runs"] as! [[String: Any]])[0]["invocations"] as! [[String: Any]])[0]
        XCTAssertEqual(invocation["executionSuccessful"] as? Bool, false)
        let notes = invocation["toolExecutionNotifications"] as! [[String: Any]]
        XCTAssertEqual(notes.count, 1)
        XCTAssertEqual((notes[0]["message"] as! [String: Any])["text"] as? String, "'no/such.yaml' does not exist")
        // Nothing found writes empty lists as `[]`, in SARIF and in JSON alike.
        XCTAssertTrue(try Tool.run(["validate", "--format", "sarif", "no/such.yaml"]).stdout.contains("\"results\": [],\n"))
        XCTAssertTrue(try Tool.run(["validate", "--format", "json", "no/such.yaml"]).stdout.contains("\"files\": [],\n"))
    }

    // MARK: JUnit

    /// The elements and attributes of an XML document, as XMLParser sees them.
    final class XMLCollector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var text: [String: String] = [:]
        private var current = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append((name, attributes))
            current = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            text[name, default: ""] += current
            current = ""
        }
    }

    func parseXML(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> XMLCollector {
        let parser = XMLParser(data: Data(text.utf8))
        let collector = XMLCollector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))", file: file, line: line)
        return collector
    }

    func testJUnitIsXMLWithACasePerFileAndAFailurePerError() throws {
        let paths = try inputs() + ["no/such.yaml"]
        let run = try Tool.run(["validate", "--format", "junit"] + paths)
        XCTAssertEqual(run.status, 2)
        let xml = try parseXML(run.stdout)
        let expected = try reference(Array(paths.dropLast()))
        let errors = expected.filter { $0.severity == "error" }
        let cases = xml.elements.filter { $0.name == "testcase" }
        let files = Set(expected.map(\.path)).union(["topologies/four-server.yaml"])
        XCTAssertEqual(cases.count, files.count + 1, "a case per file, and one for the missing path")
        XCTAssertEqual(Set(cases.map { $0.attributes["name"]! }), files.union(["no/such.yaml"]))
        let failures = xml.elements.filter { $0.name == "failure" }
        XCTAssertEqual(failures.count, errors.count)
        XCTAssertEqual(failures.map { $0.attributes["type"]! }, errors.map(\.rule))
        XCTAssertEqual(xml.elements.filter { $0.name == "error" }.count, 1)
        let suite = try XCTUnwrap(xml.elements.first { $0.name == "testsuite" })
        XCTAssertEqual(suite.attributes["tests"], String(files.count + 1))
        XCTAssertEqual(suite.attributes["failures"], String(errors.count))
        XCTAssertEqual(suite.attributes["errors"], "1")
        XCTAssertTrue(failures.contains { $0.attributes["message"]!.contains("odd name, 100% <&>#.yaml:4:1: error[unknown-key]") })
    }

    func testJUnitStrictTurnsWarningsIntoFailuresAndKeepsTheRestAsOutput() throws {
        // The single-server layout has warnings and no errors.
        let plain = try parseXML(try Tool.run(["validate", "--format", "junit", "topologies/single-server.yaml"]).stdout)
        XCTAssertEqual(plain.elements.filter { $0.name == "failure" }.count, 0)
        XCTAssertTrue(plain.text["system-out"]?.contains("warning[") ?? false)
        let strict = try Tool.run(["validate", "--format", "junit", "--strict", "topologies/single-server.yaml"])
        XCTAssertEqual(strict.status, 1)
        XCTAssertGreaterThan(try parseXML(strict.stdout).elements.filter { $0.name == "failure" }.count, 0)
    }

    func testJUnitSurvivesControlCharactersInMessages() throws {
        let path = directory.appendingPathComponent("nul.yaml")
        try Data("version: 1\ninstallation: \"a\\0b\\u0001\"\nhosts: {\"x\\u0007y\": {components: [LUI]}}\n".utf8).write(to: path)
        let run = try Tool.run(["validate", "--format", "junit", path.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertGreaterThan(try parseXML(run.stdout).elements.filter { $0.name == "failure" }.count, 0)
    }

    // MARK: GitHub

    func testGitHubAnnotationsOnePerFindingWithEscapedProperties() throws {
        let paths = try inputs()
        let run = try Tool.run(["validate", "--format", "github"] + paths)
        XCTAssertEqual(run.status, 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let expected = try reference(paths)
        XCTAssertEqual(lines.count, expected.count)
        let pattern = try NSRegularExpression(
            pattern: #"^::(error|warning|notice) file=([^,:]+),line=(\d+),col=(\d+),title=([^,:]+)::(.+)$"#)
        for (line, finding) in zip(lines, expected) {
            let match = try XCTUnwrap(pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)), line)
            func group(_ i: Int) -> String { String(line[Range(match.range(at: i), in: line)!]) }
            XCTAssertEqual(group(1), finding.severity == "note" ? "notice" : finding.severity)
            XCTAssertEqual(group(2).removingPercentEncoding, finding.path)
            XCTAssertEqual(Int(group(3)), finding.line)
            XCTAssertEqual(Int(group(4)), finding.column)
            XCTAssertEqual(group(5), "\(finding.rule) (maestro-topo)")
            XCTAssertFalse(group(6).contains("\n"))
        }
        XCTAssertTrue(run.stdout.contains("file=\(directory.path)/odd name%2C 100%25 <&>#.yaml,line=4,col=1"), run.stdout)
        XCTAssertTrue(run.stdout.contains("%0Anote: "), "notes ride along as encoded lines")
        XCTAssertTrue(run.stderr.hasPrefix("checked "), "the summary goes to the log: \(run.stderr)")
    }

    // MARK: Terminal manners

    func testQuietPrintsOnlyWhatFailsTheRun() throws {
        let loud = try Tool.run(["validate", "topologies/single-server.yaml", "topologies/broken/typos.yaml"])
        XCTAssertTrue(loud.stderr.contains("warning["), loud.stderr)
        XCTAssertTrue(loud.stderr.contains("checked 2 files"), loud.stderr)
        for flag in ["--quiet", "-q"] {
            let quiet = try Tool.run(["validate", flag, "topologies/single-server.yaml", "topologies/broken/typos.yaml"])
            XCTAssertEqual(quiet.status, 1)
            XCTAssertFalse(quiet.stderr.contains("warning["), quiet.stderr)
            XCTAssertFalse(quiet.stderr.contains("checked "), quiet.stderr)
            XCTAssertTrue(quiet.stderr.contains("error[unknown-key]"), quiet.stderr)
        }
        let strict = try Tool.run(["validate", "--quiet", "--strict", "topologies/single-server.yaml"])
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.stderr.contains("warning["), "with --strict warnings fail, so they show: \(strict.stderr)")
        XCTAssertEqual(try Tool.run(["validate", "--quiet", "topologies/four-server.yaml"]).stderr, "")
    }

    func testQuietOnTheOtherCommandsKeepsOnlyWhatFails() throws {
        let warned = "topologies/single-server.yaml"
        for command in [["plan", warned], ["graph", warned], ["diff", warned, warned]] {
            let loud = try Tool.run(command)
            XCTAssertTrue(loud.stderr.contains("warning[lui-trk-colocated]"), "\(command[0]): \(loud.stderr)")
            let quiet = try Tool.run(command + ["--quiet"])
            XCTAssertEqual(quiet.status, 0, "\(command[0]): \(quiet.stderr)")
            XCTAssertEqual(quiet.stderr, "", "\(command[0]) --quiet")
            XCTAssertEqual(quiet.stdout, loud.stdout, "\(command[0]): --quiet leaves the output itself alone")
        }
        let broken = try Tool.run(["plan", "--quiet", "topologies/broken/typos.yaml"])
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stderr.contains("error[unknown-key]"), broken.stderr)
        XCTAssertFalse(broken.stderr.contains("checked 1 file"), broken.stderr)
        XCTAssertTrue(broken.stderr.hasSuffix("no plan: fix the errors above first\n"), "the reason stays")

        let out = directory.appendingPathComponent("bundle").path
        let bundle = try Tool.run(["bundle", "-q", "topologies/four-server.yaml", "--out", out],
                                  environment: ["MAESTRO_KEYSTORE_PASSWORD": "x"])
        XCTAssertEqual(bundle.status, 0, bundle.stderr)
        XCTAssertEqual(bundle.stdout + bundle.stderr, "", "no tree and no hint")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/SHA256SUMS"))
    }

    /// Runs the tool with a terminal as its standard error (util-linux `script`).
    func runOnTerminal(_ arguments: [String]) throws -> String {
        let script = try Tool.require("script")
        // NO_COLOR may be set around the test run itself; these runs decide it.
        let command = "env -u NO_COLOR " + ([Tool.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
            + " >/dev/null"
        let run = try Tool.runProgram(script, ["-qec", command, "/dev/null"], in: Tool.packageRoot)
        return run.stdout
    }

    func testProgressLineOnlyOnATerminalAndNeverWithQuiet() throws {
        let corpus = directory.appendingPathComponent("many")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let text = try String(contentsOf: Tool.packageRoot.appendingPathComponent("topologies/four-server.yaml"), encoding: .utf8)
        for index in 0..<30 { try Data(text.utf8).write(to: corpus.appendingPathComponent("t\(index).yaml")) }
        let terminal = try runOnTerminal(["validate", corpus.path])
        XCTAssertTrue(terminal.contains("checking 30/30 files"), terminal)
        XCTAssertTrue(terminal.contains("\u{1B}[K"), "the line is cleared")
        XCTAssertTrue(terminal.contains("checked 30 files"), terminal)
        XCTAssertFalse(try runOnTerminal(["validate", "--quiet", corpus.path]).contains("checking"))
        XCTAssertFalse(try runOnTerminal(["validate", "topologies/four-server.yaml"]).contains("checking"), "not for one file")
        let piped = try Tool.run(["validate", corpus.path])
        XCTAssertFalse(piped.stderr.contains("checking"), "never in a log")
        XCTAssertFalse(piped.stderr.contains("\u{1B}"), "no escape codes off a terminal")
    }

    /// A large bundle shows how far its writing has got, on a terminal only.
    func testBundleShowsItsWritingOnATerminalOnly() throws {
        var text = try String(contentsOf: Tool.packageRoot.appendingPathComponent("topologies/four-server.yaml"), encoding: .utf8)
        for index in 0..<30 { text += "  lsv\(index).acme.example: {components: [LISTSERV]}\n" }
        let file = directory.appendingPathComponent("many.yaml")
        try Data(text.utf8).write(to: file)
        let out = directory.appendingPathComponent("bundle")
        let terminal = try runOnTerminal(["bundle", file.path, "--out", out.path, "--placeholder-secrets"])
        XCTAssertTrue(terminal.contains("writing "), terminal)
        XCTAssertTrue(terminal.range(of: #"writing \d+/\d+ files"#, options: .regularExpression) != nil, terminal)
        XCTAssertTrue(terminal.contains("\u{1B}[K"), "the line is cleared")
        let quiet = try runOnTerminal(["bundle", file.path, "--out", out.path, "--placeholder-secrets", "--force", "--quiet"])
        XCTAssertFalse(quiet.contains("writing "), quiet)
        let piped = try Tool.run(["bundle", file.path, "--out", out.path, "--placeholder-secrets", "--force"])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertFalse(piped.stderr.contains("writing "), "never in a log")
    }

    func testColourOnATerminalOnlyAndNeverWithNoColor() throws {
        let path = "topologies/broken/typos.yaml"
        let coloured = try runOnTerminal(["validate", path])
        XCTAssertTrue(coloured.contains("\u{1B}[1;31merror"), "colour on a terminal: \(coloured.debugDescription)")
        XCTAssertFalse(try runOnTerminal(["validate", "--no-color", path]).contains("\u{1B}[1;31m"))
        let script = try Tool.require("script")
        let command = "env NO_COLOR= '\(Tool.binary.path)' validate '\(path)' 'no/such.yaml'"
        let withEnv = try Tool.runProgram(script, ["-qec", command, "/dev/null"], in: Tool.packageRoot)
        XCTAssertFalse(withEnv.stdout.contains("\u{1B}[1;31m"), withEnv.stdout)
        let flagged = try runOnTerminal(["validate", "--no-color", path, "no/such.yaml"])
        XCTAssertTrue(flagged.contains("maestro-topo: error: 'no/such.yaml' does not exist"), flagged)
        XCTAssertFalse(flagged.contains("\u{1B}[1;31m"), "tool errors follow --no-color too")
    }

    func testFormatsACommandDoesNotWriteAreRefused() throws {
        for (command, format) in [("plan", "sarif"), ("bundle", "markdown"), ("diff", "junit"), ("validate", "markdown")] {
            var arguments = [command, "--format", format, "topologies/four-server.yaml"]
            if command == "bundle" { arguments += ["--out", directory.appendingPathComponent("b").path] }
            if command == "diff" { arguments.append("topologies/four-server.yaml") }
            let run = try Tool.run(arguments)
            XCTAssertEqual(run.status, 2, "\(command) \(format)")
            XCTAssertTrue(run.stderr.contains("not \(format)"), run.stderr)
        }
    }
}
