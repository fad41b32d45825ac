import Foundation
import TopoTestSupport
import XCTest

/// Shell completions and help as a user meets them.
final class CompletionTests: XCTestCase {
    static let subcommands = ["validate", "plan", "bundle", "diff", "graph", "explain", "init"]

    func script(_ shell: String) throws -> String {
        let run = try Tool.run(["--generate-completion-script", shell])
        XCTAssertEqual(run.status, 0, run.stderr)
        return run.stdout
    }

    /// What bash's TAB offers after `words`, asked of the completion
    /// function the generated script registers.
    func bashCompletions(_ words: [String], bash: String, script file: URL) throws -> [String] {
        let line = words.joined(separator: " ")
        let program = """
            source "$1"
            COMP_WORDS=(\(words.map { "'\($0)'" }.joined(separator: " "))); COMP_CWORD=\(words.count - 1)
            COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
            fn=$(complete -p maestro-topo | sed -E 's/.*-F ([^ ]+).*/\\1/')
            "$fn" maestro-topo '\(words.last!)' '\(words[words.count - 2])'
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let run = try Tool.runProgram(bash, ["-c", program, "_", file.path], in: file.deletingLastPathComponent())
        XCTAssertEqual(run.status, 0, run.stderr)
        return run.stdout.split(separator: "\n").map(String.init)
    }

    func testBashCompletesSubcommandsAndFlags() throws {
        let bash = try Tool.require("bash")
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("maestro-topo.bash")
        try Data(try script("bash").utf8).write(to: file)
        func complete(_ words: [String]) throws -> [String] { try bashCompletions(words, bash: bash, script: file) }
        XCTAssertEqual(try complete(["maestro-topo", "va"]), ["validate"])
        XCTAssertEqual(Set(try complete(["maestro-topo", ""])).intersection(Self.subcommands), Set(Self.subcommands))
        let validateFlags = try complete(["maestro-topo", "validate", "--"])
        for flag in ["--format", "--strict", "--quiet", "--jobs", "--max-depth", "--no-color"] {
            XCTAssertTrue(validateFlags.contains(flag), "\(flag) in \(validateFlags)")
        }
        XCTAssertTrue(try complete(["maestro-topo", "graph", "--format", ""]).contains("mermaid"))
    }

    // MARK: --format: each command offers the formats it writes, and only those

    /// The formats each command writes, in the order its help lists them.
    static let formats: [String: [String]] = [
        "validate": ["text", "json", "sarif", "junit", "github"],
        "plan": ["text", "json", "markdown", "html"],
        "diff": ["text", "json", "markdown"],
        "bundle": ["text", "json"],
        "graph": ["dot", "mermaid", "svg"],
    ]
    /// Every value any `--format` takes.
    static let allFormats = ["text", "json", "markdown", "html", "sarif", "junit", "github", "dot", "mermaid", "svg"]

    func testHelpListsOnlyTheFormatsACommandWrites() throws {
        for (command, formats) in Self.formats {
            let run = try Tool.run([command, "--help"])
            XCTAssertEqual(run.status, 0, command)
            // argument-parser's own list, made from the values the option takes.
            let flat = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let values = try XCTUnwrap(flat.components(separatedBy: "(values: ").dropFirst().first?
                .components(separatedBy: ";").first, "\(command) --help lists no values")
            XCTAssertEqual(values, formats.joined(separator: ", "), command)
            XCTAssertTrue(flat.contains("default: \(formats[0]))"), "\(command): \(flat)")
            // The sentence before it names the same formats and no other.
            let sentence = try XCTUnwrap(flat.components(separatedBy: "--format <format> ").dropFirst().first?
                .components(separatedBy: "(values:").first)
            for format in Self.allFormats {
                XCTAssertEqual(Self.words(sentence).contains(format), formats.contains(format), "\(command): \(format) in '\(sentence)'")
            }
        }
        for command in ["explain", "init"] {
            XCTAssertFalse(try Tool.run([command, "--help"]).stdout.contains("--format"), command)
        }
    }

    func testBashCompletesOnlyTheFormatsACommandWrites() throws {
        let bash = try Tool.require("bash")
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("maestro-topo.bash")
        try Data(try script("bash").utf8).write(to: file)
        for (command, formats) in Self.formats {
            let offered = try bashCompletions(["maestro-topo", command, "--format", ""], bash: bash, script: file)
            XCTAssertEqual(offered, formats, command)
            // A started word narrows the same list.
            let narrowed = try bashCompletions(["maestro-topo", command, "--format", formats[1].prefix(2).description],
                                               bash: bash, script: file)
            XCTAssertEqual(narrowed, formats.filter { $0.hasPrefix(formats[1].prefix(2)) }, command)
        }
    }

    func testZshAndFishScriptsOfferOnlyTheFormatsACommandWrites() throws {
        let zsh = try script("zsh")
        let fish = try script("fish")
        for (command, formats) in Self.formats {
            // zsh: the command's function declares the values its --format spec completes.
            let function = try XCTUnwrap(zsh.components(separatedBy: "\n_maestro-topo_\(command)() {\n").dropFirst().first?
                .components(separatedBy: "\n}\n").first, "zsh: no function for \(command)")
            let declaration = try XCTUnwrap(function.components(separatedBy: "local -ar ___format=(").dropFirst().first?
                .components(separatedBy: ")").first, "zsh: \(command) has no --format values")
            XCTAssertEqual(declaration, formats.map { "'\($0)'" }.joined(separator: " "), "zsh: \(command)")
            XCTAssertTrue(function.contains(":format:{__maestro-topo_complete \"${___format[@]}\"}"), "zsh: \(command)")
            // fish: the command's --format line and its argument list.
            let lines = fish.split(separator: "\n").filter {
                $0.contains("\"maestro-topo \(command)\" format'") && $0.contains("-l 'format'")
            }
            XCTAssertEqual(lines.count, 1, "fish: \(command): \(lines)")
            let values = lines.first?.components(separatedBy: "-rfka '").dropFirst().first?.components(separatedBy: "'").first
            XCTAssertEqual(values, formats.joined(separator: " "), "fish: \(command)")
        }
    }

    /// fish asked what TAB offers (CI installs fish; elsewhere the test
    /// skips without it).
    func testFishCompletesOnlyTheFormatsACommandWrites() throws {
        let fish = try Tool.require("fish")
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("maestro-topo.fish")
        try Data(try script("fish").utf8).write(to: file)
        for (command, formats) in Self.formats {
            let run = try Tool.runProgram(fish, ["--no-config", "-c", "source $argv[1]; complete -C 'maestro-topo \(command) --format '", file.path],
                                          in: directory)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertEqual(run.stdout.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) }, formats, command)
        }
    }

    func testAFormatACommandDoesNotWriteIsRefusedNamingTheOnesItDoes() throws {
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = "topologies/four-server.yaml"
        for (command, formats) in Self.formats {
            var arguments = [command, file]
            if command == "diff" { arguments.append(file) }
            if command == "bundle" { arguments += ["--out", directory.appendingPathComponent("bundle").path, "--placeholder-secrets"] }
            for format in Self.allFormats + ["xml"] where !formats.contains(format) {
                // validate's own quick argument reader must hand these to argument-parser.
                let environments: [[String: String]] = command == "validate" ? [[:], ["MAESTRO_TOPO_SLOW_ARGS": "1"]] : [[:]]
                for environment in environments {
                    let run = try Tool.run(arguments + ["--format", format], environment: environment)
                    XCTAssertEqual(run.status, 2, "\(command) --format \(format)")
                    XCTAssertEqual(run.stdout, "", "\(command) --format \(format)")
                    // Every format it writes is named, in help order; none other is.
                    let message = run.stderr.split(separator: "\n").first.map(String.init) ?? ""
                    let named = Self.words(message).filter { Self.allFormats.contains($0) && $0 != format }
                    XCTAssertEqual(named, formats, "\(command) --format \(format): \(message)")
                    XCTAssertTrue(message.contains(format), message)
                }
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("bundle").path))
    }

    /// The words of `text`, punctuation and quotes dropped.
    static func words(_ text: String) -> [String] {
        text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    func testZshAndFishScriptsNameEveryCommand() throws {
        let zsh = try script("zsh")
        XCTAssertTrue(zsh.hasPrefix("#compdef maestro-topo"))
        let fish = try script("fish")
        for command in Self.subcommands {
            XCTAssertTrue(zsh.contains("'\(command):"), "zsh: \(command)")
            XCTAssertTrue(fish.contains(command), "fish: \(command)")
        }
        for (shell, text) in [("zsh", zsh), ("fish", fish)] {
            guard let path = Tool.which(shell) else { continue }  // syntax-checked where the shell exists
            let directory = try Tool.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent("completion")
            try Data(text.utf8).write(to: file)
            let run = try Tool.runProgram(path, ["-n", file.path], in: directory)
            XCTAssertEqual(run.status, 0, "\(shell): \(run.stderr)")
        }
    }

    func testEverySubcommandsHelpTeachesWithExamples() throws {
        for command in Self.subcommands {
            let run = try Tool.run([command, "--help"])
            XCTAssertEqual(run.status, 0, command)
            let examples = run.stdout.components(separatedBy: "Examples:\n").dropFirst().first ?? ""
            XCTAssertTrue(examples.contains("maestro-topo \(command) "), "\(command) --help has examples")
            XCTAssertTrue(run.stdout.contains("USAGE: maestro-topo \(command)"), command)
        }
        let top = try Tool.run(["--help"])
        for command in Self.subcommands { XCTAssertTrue(top.stdout.contains("  \(command)"), command) }
    }
}
