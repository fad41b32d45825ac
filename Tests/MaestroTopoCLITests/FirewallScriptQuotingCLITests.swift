import Foundation
@testable import TopoModel
@testable import TopoCheck
@testable import TopoPlan
@testable import TopoBundle
import TopoTestSupport
import XCTest

/// firewall.ps1 and firewall.nft with installation names made to break out
/// of PowerShell strings, read back by the PowerShell tokenizer of
/// FirewallScriptQuotingTestCase; the names that cannot reach those files
/// at all (line breaks, non-RFC 1123 host names, a host called `any`).
final class FirewallScriptQuotingCLITests: FirewallScriptQuotingTestCase {
    // MARK: - firewall.ps1

    func bundle(installation: String, os: String = "windows", placeholder: Bool = true) throws -> (ToolRun, URL) {
        let name = installation.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\"": "\\\""
            case "\\": "\\\\"
            default: String(scalar)
            }
        }.joined()
        let yaml = """
            version: 1
            installation: "\(name)"
            defaults:
              os: \(os)
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
              trk.acme.example:
                components: [TRK]
              db.acme.example:
                components: [DATABASE]
              lsv.acme.example:
                components: [LISTSERV]

            """
        let file = directory.appendingPathComponent("t-\(UUID().uuidString.prefix(6)).yaml")
        try Data(yaml.utf8).write(to: file)
        let out = directory.appendingPathComponent("out-\(UUID().uuidString.prefix(6))")
        let run = try Tool.run(["bundle", file.path, "--out", out.path] + (placeholder ? ["--placeholder-secrets"] : []))
        return (run, out)
    }

    /// The script with every single-quoted literal as `'S'` and every
    /// comment as `#`: what PowerShell runs, apart from the literals' text.
    func skeleton(_ tokens: [Token]) -> String {
        tokens.map { token in
            switch token {
            case let .code(text): text
            case .single: "'S'"
            case let .double(text): "\"\(text)\""
            case .comment: "#"
            }
        }.joined()
    }

    /// Every literal in firewall.ps1 means exactly the text it was made from,
    /// and the code around the literals is the same as for a plain name: no
    /// quote character, `$(…)`, backtick, `#` or bidi control in an
    /// installation name changes what the script does.
    func testEveryPowerShellLiteralRoundTripsForHostileInstallationNames() throws {
        let (plainRun, plainOut) = try bundle(installation: "acme")
        XCTAssertEqual(plainRun.status, 0, plainRun.stderr)
        let hosts = ["ui.acme.example", "trk.acme.example", "db.acme.example", "lsv.acme.example"]
        func script(_ out: URL, _ host: String) throws -> String {
            try String(contentsOf: out.appendingPathComponent("hosts/\(host)/firewall.ps1"), encoding: .utf8)
        }
        for installation in Self.hostileInstallations {
            let (run, out) = try bundle(installation: installation)
            XCTAssertEqual(run.status, 0, "\(installation): \(run.stderr)")
            for host in hosts {
                let tokens = Self.tokenize(try script(out, host))
                let plain = Self.tokenize(try script(plainOut, host))
                XCTAssertEqual(skeleton(tokens), skeleton(plain), "\(installation) on \(host)")
                let literals = tokens.compactMap { if case let .single(text) = $0 { text } else { nil } }
                let plainLiterals = plain.compactMap { if case let .single(text) = $0 { text } else { nil } }
                XCTAssertEqual(literals, plainLiterals.map { $0 == "maestro-topo acme" ? "maestro-topo " + installation : $0 },
                               "\(installation) on \(host)")
                XCTAssertTrue(literals.contains("maestro-topo " + installation))
                // The comments hold the name too; none of them ends early.
                for case let .comment(text) in tokens {
                    XCTAssertFalse(text.unicodeScalars.contains { $0 == "\n" || $0 == "\r" })
                }
                // The one double-quoted string expands $group and nothing else.
                for case let .double(text) in tokens {
                    XCTAssertEqual(text, "Inbound rules for \(host) are in place (group $group).")
                }
            }
        }
    }

    // MARK: - What cannot reach the scripts

    /// Line breaks in the installation name would end a PowerShell comment
    /// (`# Remove: … -Group '…'`); the loader refuses every one of them, so
    /// `bundle` writes nothing.
    func testLineBreaksInTheInstallationNameNeverReachAComment() throws {
        for escape in [#"\n"#, #"\r"#, #"\x85"#, #"\u2028"#, #"\u2029"#, #"\t"#, #"\x1b"#] {
            let yaml = "version: 1\ninstallation: \"acme\(escape)Start-Process calc.exe\"\ndefaults: {os: windows}\n"
                + "hosts:\n  ui.acme.example: {components: [LUI, HUB, TRK]}\n"
            let file = directory.appendingPathComponent("break.yaml")
            try Data(yaml.utf8).write(to: file)
            let out = directory.appendingPathComponent("never")
            let run = try Tool.run(["bundle", file.path, "--out", out.path, "--placeholder-secrets"])
            XCTAssertEqual(run.status, 1, escape)
            XCTAssertTrue(run.stderr.contains("error[invalid-value]: 'installation' contains a control character")
                          || run.stderr.contains("error[invalid-value]: 'installation' holds"), "\(escape): \(run.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), escape)
        }
    }

    /// Host names go unquoted into `ip saddr { … }`, nft comments and a
    /// double-quoted `Write-Host "… $group"`: only RFC 1123 names get there.
    /// Anything PowerShell or nft would read (`$`, backtick, quotes, `;`,
    /// braces, `#`, spaces) is an invalid-hostname error.
    func testHostNamesWithScriptSyntaxAreRefused() throws {
        for name in ["a$(calc).example", "a`b.example", "a'b.example", "a’b.example", "a\"b.example", "a“b.example",
                     "a;b.example", "a}b.example", "a{b.example", "a#b.example", "a b.example", "a,b.example", "ü.example"] {
            let yaml = "version: 1\ninstallation: acme\ndefaults: {os: windows}\nhosts:\n"
                + "  ui.acme.example: {components: [LUI, HUB]}\n  '\(name.replacingOccurrences(of: "'", with: "''"))': {components: [TRK]}\n"
            let file = directory.appendingPathComponent("host.yaml")
            try Data(yaml.utf8).write(to: file)
            let out = directory.appendingPathComponent("never")
            let run = try Tool.run(["bundle", file.path, "--out", out.path, "--placeholder-secrets"])
            XCTAssertEqual(run.status, 1, name)
            XCTAssertTrue(run.stderr.contains("error[invalid-hostname]"), "\(name): \(run.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), name)
        }
    }

    /// The plan names browsers and the Internet `any`. A host of that name
    /// would turn its peers' rules into "from anywhere" (nft `tcp dport 1099
    /// accept`, no -RemoteAddress): the loader refuses the name (exit 1),
    /// and bundle would refuse such a plan before writing.
    func testAHostNamedAnyIsRefused() throws {
        for (name, os, file) in [("any", "linux", "firewall.nft"), ("ANY", "windows", "firewall.ps1"), ("any.", "linux", "firewall.nft")] {
            let planned = name.hasSuffix(".") ? String(name.dropLast()) : name
            let yaml = "version: 1\ninstallation: acme\ndefaults: {os: \(os)}\nhosts:\n"
                + "  ui.acme.example: {components: [LUI, HUB]}\n  \(name): {components: [TRK]}\n"
                + "  db.acme.example: {components: [DATABASE]}\n  lsv.acme.example: {components: [LISTSERV]}\n"
            let topology = directory.appendingPathComponent("any.yaml")
            try Data(yaml.utf8).write(to: topology)
            let out = directory.appendingPathComponent("never")
            let run = try Tool.run(["bundle", topology.path, "--out", out.path, "--placeholder-secrets"])
            XCTAssertEqual(run.status, 1, "\(name): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("error[invalid-hostname]: '\(name)' is not a valid host name: 'any' is reserved"), run.stderr)
            // A plan made without the rules is still refused by the bundle builder.
            let plan = Planner.plan(try XCTUnwrap(TopologyCheck.check(bytes: Array(yaml.utf8)).topology))
            XCTAssertEqual(FirewallScript.problem(in: plan)?.description.contains(
                "refusing to write 'hosts/\(planned)/\(file)': a host named '\(planned)' cannot be told apart from 'any'"), true)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), name)
        }
    }

    /// firewall.nft names hosts in comments and in `ip saddr { … }` and holds
    /// no installation name at all: for the hostile names above its text is
    /// the plain one's, and every name in it is a host of the topology.
    func testNftablesHoldsOnlyHostNames() throws {
        let (plainRun, plainOut) = try bundle(installation: "acme", os: "linux")
        XCTAssertEqual(plainRun.status, 0, plainRun.stderr)
        for installation in Self.hostileInstallations {
            let (run, out) = try bundle(installation: installation, os: "linux")
            XCTAssertEqual(run.status, 0, run.stderr)
            for host in ["ui.acme.example", "trk.acme.example", "db.acme.example", "lsv.acme.example"] {
                let text = try String(contentsOf: out.appendingPathComponent("hosts/\(host)/firewall.nft"), encoding: .utf8)
                XCTAssertEqual(text, try String(contentsOf: plainOut.appendingPathComponent("hosts/\(host)/firewall.nft"), encoding: .utf8))
                for line in text.split(separator: "\n") where line.contains("ip saddr {") {
                    let inside = line.split(separator: "{")[1].split(separator: "}")[0]
                    for peer in inside.split(separator: ",") {
                        XCTAssertNil(HostName.problem(in: peer.trimmingCharacters(in: .whitespaces)), String(line))
                    }
                }
            }
        }
    }
}
