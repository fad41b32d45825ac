import Foundation
import XCTest

/// Shell completions and help as a user meets them.
final class CompletionTests: XCTestCase {
    static let subcommands = ["validate", "plan", "bundle", "diff", "graph", "explain", "init"]

    func script(_ shell: String) throws -> String {
        let run = try Tool.run(["--generate-completion-script", shell])
        XCTAssertEqual(run.status, 0, run.stderr)
        return run.stdout
    }

    func testBashCompletesSubcommandsAndFlags() throws {
        let bash = try Tool.require("bash")
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("maestro-topo.bash")
        try Data(try script("bash").utf8).write(to: file)
        // Asks the completion function what TAB offers after `words`.
        func complete(_ words: [String]) throws -> [String] {
            let line = words.joined(separator: " ")
            let program = """
                source "$1"
                COMP_WORDS=(\(words.map { "'\($0)'" }.joined(separator: " "))); COMP_CWORD=\(words.count - 1)
                COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
                fn=$(complete -p maestro-topo | sed -E 's/.*-F ([^ ]+).*/\\1/')
                "$fn" maestro-topo '\(words.last!)' '\(words[words.count - 2])'
                printf '%s\\n' "${COMPREPLY[@]}"
                """
            let run = try Tool.runProgram(bash, ["-c", program, "_", file.path], in: directory)
            XCTAssertEqual(run.status, 0, run.stderr)
            return run.stdout.split(separator: "\n").map(String.init)
        }
        XCTAssertEqual(try complete(["maestro-topo", "va"]), ["validate"])
        XCTAssertEqual(Set(try complete(["maestro-topo", ""])).intersection(Self.subcommands), Set(Self.subcommands))
        let validateFlags = try complete(["maestro-topo", "validate", "--"])
        for flag in ["--format", "--strict", "--quiet", "--jobs", "--max-depth", "--no-color"] {
            XCTAssertTrue(validateFlags.contains(flag), "\(flag) in \(validateFlags)")
        }
        XCTAssertTrue(try complete(["maestro-topo", "graph", "--format", ""]).contains("mermaid"))
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
