import Foundation
import TopoTestSupport
import XCTest

/// The command line as a user meets it: exit codes, streams, colour,
/// secrets, help.
final class CLITests: XCTestCase {
    func testValidExampleExitsZeroAndSaysSo() throws {
        let run = try Tool.run(["validate", "topologies/four-server.yaml"])
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(run.stderr, "checked 1 file: no problems found\n")
    }

    func testErrorsExitOneWithCompilerStyleDiagnostic() throws {
        let run = try Tool.run(["validate", "--no-color", "topologies/broken/partial-ssl.yaml"])
        XCTAssertEqual(run.status, 1)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "topologies/broken/partial-ssl.yaml:17:16: error[partial-ssl]: component SSL is off on 'trk.acme.example' but on for 'ui.acme.example'; it must be on for every Maestro server or for none")
        XCTAssertEqual(lines[1], "          enabled: false")
        XCTAssertEqual(lines[2], "                   ^")
        XCTAssertTrue(lines[3].hasPrefix("    note: "))
    }

    func testWarningsPassUnlessStrict() throws {
        let file = "topologies/single-server.yaml"
        XCTAssertEqual(try Tool.run(["validate", file]).status, 0)
        XCTAssertEqual(try Tool.run(["validate", "--strict", file]).status, 1)
        XCTAssertEqual(try Tool.run(["plan", "--strict", file]).status, 1)
    }

    func testBadFlagsAndMissingFilesExitTwo() throws {
        let badFlag = try Tool.run(["validate", "--frobnicate", "topologies"])
        XCTAssertEqual(badFlag.status, 2)
        XCTAssertTrue(badFlag.stderr.contains("--frobnicate"), badFlag.stderr)
        XCTAssertEqual(try Tool.run(["validate", "--format", "xml", "topologies"]).status, 2)
        XCTAssertEqual(try Tool.run(["validate", "--jobs", "0", "topologies"]).status, 2)
        let missing = try Tool.run(["plan", "no/such/file.yaml"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no/such/file.yaml"), missing.stderr)
    }

    func testUnreadableFileExitsTwoButOthersAreStillChecked() throws {
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("good.yaml")
        try FileManager.default.copyItem(
            at: Tool.packageRoot.appendingPathComponent("topologies/broken/partial-ssl.yaml"), to: good)
        let run = try Tool.run(["validate", "--no-color", directory.appendingPathComponent("missing.yaml").path, good.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("missing.yaml' does not exist"), run.stderr)
        XCTAssertTrue(run.stderr.contains("error[partial-ssl]"), run.stderr)
    }

    func testDirectoriesAreSearchedRecursivelyInSortedOrder() throws {
        let run = try Tool.run(["validate", "--format", "json", "topologies"])
        XCTAssertEqual(run.status, 1)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let paths = (json["files"] as! [[String: Any]]).map { $0["path"] as! String }
        XCTAssertEqual(paths, [
            "topologies/broken/allowed-clients.yaml", "topologies/broken/missing-pieces.yaml",
            "topologies/broken/partial-ssl.yaml", "topologies/broken/syntax.yaml", "topologies/broken/typos.yaml",
            "topologies/four-server.yaml", "topologies/migration/current.yaml", "topologies/migration/database-target.yaml",
            "topologies/migration/grow-current.yaml", "topologies/migration/grow-target.yaml", "topologies/migration/target.yaml",
            "topologies/mixed-os.yaml", "topologies/single-server.yaml", "topologies/two-server.yaml",
        ])
        XCTAssertEqual(json["format_version"] as? Int, 1)
        let summary = json["summary"] as! [String: Int]
        XCTAssertEqual(summary["files"], 14)
        XCTAssertEqual(summary["unreadable"], 0)
        XCTAssertGreaterThan(summary["errors"]!, 5)
    }

    func testColourOnlyWhenAsked() throws {
        // Output to a pipe is never coloured; NO_COLOR and --no-color need no terminal to be honoured.
        let plain = try Tool.run(["validate", "topologies/broken/partial-ssl.yaml"])
        XCTAssertFalse(plain.stderr.contains("\u{1B}["))
        let noColor = try Tool.run(["validate", "topologies/broken/partial-ssl.yaml"], environment: ["NO_COLOR": "1"])
        XCTAssertFalse(noColor.stderr.contains("\u{1B}["))
    }

    func testColourOnATerminal() throws {
        let script = try Tool.require("script")
        let command = "\(Tool.binary.path) validate topologies/broken/partial-ssl.yaml"
        let coloured = try Tool.runProgram(script, ["-qec", command, "/dev/null"], environment: ["NO_COLOR": ""], in: Tool.packageRoot)
        // NO_COLOR set to anything, even empty, turns colour off.
        XCTAssertFalse(coloured.stdout.contains("\u{1B}[1;31m"), coloured.stdout)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        let process = try Tool.runProgram("/usr/bin/env", ["-u", "NO_COLOR", script, "-qec", command, "/dev/null"], in: Tool.packageRoot)
        XCTAssertTrue(process.stdout.contains("\u{1B}[1;31merror"), process.stdout)
        let flag = try Tool.runProgram("/usr/bin/env", ["-u", "NO_COLOR", script, "-qec", command + " --no-color", "/dev/null"], in: Tool.packageRoot)
        XCTAssertFalse(flag.stdout.contains("\u{1B}["), flag.stdout)
    }

    func testLiteralPasswordIsNeverPrinted() throws {
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = "Sup3r-Secret-Value"
        let yaml = """
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: \(secret)}
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              trk.acme.example: {components: [TRK], ssl: {keystore_password: "\(secret)2"}}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """
        let file = directory.appendingPathComponent("literal.yaml")
        try Data(yaml.utf8).write(to: file)
        for arguments in [["validate"], ["validate", "--format", "json"], ["plan"], ["plan", "--format", "json"]] {
            let run = try Tool.run(arguments + [file.path])
            XCTAssertEqual(run.status, 0, "\(arguments): \(run.stderr)")
            XCTAssertFalse(run.stdout.contains(secret), "\(arguments) printed the password on stdout")
            // The source line of a plaintext-password warning would show it: it is masked.
            XCTAssertFalse(run.stderr.contains(secret), "\(arguments) printed the password on stderr:\n\(run.stderr)")
        }
        let plan = try Tool.run(["plan", file.path])
        XCTAssertTrue(plan.stdout.contains("SSLKeystorePassword=********"))
        XCTAssertTrue(plan.stderr.contains("warning[plaintext-password]"))
    }

    func testExplainPrintsEveryRuleAndRejectsUnknownOnes() throws {
        let list = try Tool.run(["explain"])
        XCTAssertEqual(list.status, 0)
        XCTAssertTrue(list.stdout.contains("partial-ssl"))
        let one = try Tool.run(["explain", "partial-ssl"])
        XCTAssertEqual(one.status, 0)
        XCTAssertTrue(one.stdout.contains("all-or-nothing"))
        let unknown = try Tool.run(["explain", "partial-sll"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("did you mean 'partial-ssl'?"), unknown.stderr)
    }

    func testExplainRefusesARuleWithMarkdown() throws {
        // --markdown prints every rule; a rule given with it would be ignored.
        let run = try Tool.run(["explain", "partial-ssl", "--markdown"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "")
        XCTAssertTrue(run.stderr.contains("--markdown prints every rule"), run.stderr)
        XCTAssertEqual(try Tool.run(["explain", "--markdown"]).status, 0)
    }

    func testDiffMarkdownShowsTheFindingsOnStandardError() throws {
        // As with text, and as plan --format markdown does: the ticket goes to a
        // file, the reasons to the terminal.
        let unreadable = try Tool.run(["diff", "--no-color", "--format", "markdown",
                                       "topologies/migration/current.yaml", "topologies/broken/syntax.yaml"])
        XCTAssertEqual(unreadable.status, 1)
        XCTAssertEqual(unreadable.stdout, "")
        XCTAssertTrue(unreadable.stderr.contains("topologies/broken/syntax.yaml:9:6: error[yaml-syntax]"), unreadable.stderr)
        XCTAssertTrue(unreadable.stderr.hasSuffix("cannot compare: a file is not a readable topology\n"), unreadable.stderr)
        let invalid = try Tool.run(["diff", "--no-color", "--format", "markdown",
                                    "topologies/four-server.yaml", "topologies/broken/partial-ssl.yaml"])
        XCTAssertEqual(invalid.status, 1)
        XCTAssertTrue(invalid.stderr.contains("error[partial-ssl]"), invalid.stderr)
        let quiet = try Tool.run(["diff", "--quiet", "--format", "markdown",
                                  "topologies/migration/current.yaml", "topologies/migration/target.yaml"])
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
        XCTAssertEqual(quiet.stderr, "")
        XCTAssertFalse(quiet.stdout.isEmpty)
    }

    func testBundleHelpNamesTheFolderAsItsTextDoes() throws {
        let help = try Tool.run(["bundle", "--help"])
        XCTAssertTrue(help.stdout.contains("USAGE: maestro-topo bundle [<options>] <file> --out <dir>"), help.stdout)
        XCTAssertTrue(help.stdout.contains("--out <dir>"), help.stdout)
    }

    func testHelpTeachesEverySubcommandWithExamples() throws {
        for command in ["validate", "plan", "bundle", "diff", "explain", "init"] {
            let run = try Tool.run([command, "--help"])
            XCTAssertEqual(run.status, 0, command)
            XCTAssertTrue(run.stdout.contains("Examples:"), "\(command) --help has no examples")
        }
        let top = try Tool.run(["--help"])
        XCTAssertEqual(top.status, 0)
        XCTAssertTrue(top.stdout.contains("Exit codes"))
    }

    func testInitPresetsAreValidAndWriteAtomically() throws {
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for preset in ["single", "two-server", "four-server"] {
            let file = directory.appendingPathComponent("\(preset).yaml").path
            let written = try Tool.run(["init", "--preset", preset, "--output", file])
            XCTAssertEqual(written.status, 0, written.stderr)
            let check = try Tool.run(["validate", file])
            XCTAssertEqual(check.stderr.contains("error"), false, "\(preset): \(check.stderr)")
            XCTAssertEqual(check.status, 0)
            let again = try Tool.run(["init", "--preset", preset, "--output", file])
            XCTAssertEqual(again.status, 2, "init must not overwrite without --force")
            XCTAssertEqual(try Tool.run(["init", "--preset", preset, "--output", file, "--force"]).status, 0)
        }
        let printed = try Tool.run(["init"])
        XCTAssertTrue(printed.stdout.contains("version: 1"))
        XCTAssertEqual(try Tool.run(["init", "--installation", "bad: name"]).status, 2)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [])
    }

    func testPlanRefusesAnInvalidTopology() throws {
        let text = try Tool.run(["plan", "topologies/broken/partial-ssl.yaml"])
        XCTAssertEqual(text.status, 1)
        XCTAssertEqual(text.stdout, "")
        XCTAssertTrue(text.stderr.contains("no plan"))
        let json = try Tool.run(["plan", "--format", "json", "topologies/broken/partial-ssl.yaml"])
        XCTAssertEqual(json.status, 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(object["valid"] as? Bool, false)
        XCTAssertEqual((object["diagnostics"] as? [[String: Any]])?.first?["rule"] as? String, "partial-ssl")
    }
}
