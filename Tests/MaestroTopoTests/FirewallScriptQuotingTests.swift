import Foundation
@testable import TopoSource
@testable import TopoYAML
@testable import TopoModel
@testable import TopoCheck
@testable import TopoPlan
@testable import TopoRender
@testable import TopoBundle
@testable import TopoSystem
@testable import MaestroTopo
import TopoTestSupport
import XCTest

/// The quoting firewall.ps1, certificate.sh and certificate.cmd are
/// written with, read back by the PowerShell tokenizer of
/// FirewallScriptQuotingTestCase and by sh (FirewallScriptQuotingCLITests:
/// the scripts `bundle` writes for hostile names).
final class FirewallScriptQuotingTests: FirewallScriptQuotingTestCase {
    func testTheTokenizerFollowsTheQuotingRules() {
        XCTAssertEqual(Self.tokenize("'a''b'"), [.single("a'b")])
        XCTAssertEqual(Self.tokenize("'a’’b'"), [.single("a’b")])
        XCTAssertEqual(Self.tokenize("'a’'b'"), [.single("a'b")], "a pair of any two quotes is one quote, the second")
        XCTAssertEqual(Self.tokenize("'a’; calc; ’'"), [.single("a"), .code("; calc; "), .single("")])
        XCTAssertEqual(Self.tokenize("\"x $g\" # c\nx"), [.double("x $g"), .code(" "), .comment(" c"), .code("\nx")])
    }

    func testQuotingDoublesEachPowerShellQuoteAsItself() {
        XCTAssertEqual(Quoting.powershell("a'b’c‘d‚e‛f"), "'a''b’’c‘‘d‚‚e‛‛f'")
        XCTAssertEqual(Quoting.powershell("x'\u{301}"), "'x''\u{301}'", "a combining mark does not hide a quote")
        for text in Self.hostileInstallations {
            XCTAssertEqual(Self.tokenize(Quoting.powershell(text)), [.single(text)], text)
        }
    }

    /// A quote followed by a combining mark is one Character to Swift but a
    /// quote to sh and cmd: both quotings work on scalars.
    func testShellAndCmdQuotingSeeAQuoteUnderACombiningMark() throws {
        let text = "a'\u{301}; touch pwned; '\u{301}b"
        let run = try Tool.runProgram("/bin/sh", ["-c", "printf '%s' " + Quoting.shell(text)], in: directory)
        XCTAssertEqual(run.stdout, text)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("pwned").path))
        XCTAssertEqual(Quoting.cmd("100%\u{301} \"\u{301}x"), "100%%\u{301} \u{301}x")
    }
}
