import MaestroTopo
import XCTest

/// Positions are libyaml's own (pinned from real runs): the finding repeats
/// libyaml's problem and points where it gave up.
final class YAMLSyntaxTests: XCTestCase {
    func testKeyIndentedDifferentlyFromItsSibling() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui.acme.example:
               components: [LUI, HUB]
                1️⃣os: linux
            """)
        assertFindings("yaml-syntax", in: yaml, at: ["1️⃣"], hosts: [nil])
        assertMessage("yaml-syntax", in: yaml, contains: ["did not find expected key"])
        let notes = notes("yaml-syntax", in: yaml)
        XCTAssertTrue(notes.contains("starts at line 5, column 4"), notes)
        XCTAssertTrue(notes.contains("same column"), notes)
    }

    func testTabUsedForIndentation() {
        let yaml = MarkedYAML("version: 1\ninstallation: acme\nhosts:\n  ui.acme.example:\n1️⃣\tcomponents: [LUI]\n")
        assertFindings("yaml-syntax", in: yaml, at: ["1️⃣"])
        assertMessage("yaml-syntax", in: yaml, contains: ["found character that cannot start any token"])
        XCTAssertTrue(notes("yaml-syntax", in: yaml).contains("tabs"))
    }

    func testUnclosedQuoteIsReportedAtTheEndOfTheStream() {
        let yaml = MarkedYAML("""
            version: 1
            installation: "acme
            hosts: {}
            1️⃣
            """)
        assertFindings("yaml-syntax", in: yaml, at: ["1️⃣"])
        assertMessage("yaml-syntax", in: yaml, contains: ["found unexpected end of stream", "quoted scalar"])
        let notes = notes("yaml-syntax", in: yaml)
        XCTAssertTrue(notes.contains("line 2, column 15"), notes)
        XCTAssertTrue(notes.contains("never closed"), notes)
    }

    func testUnclosedFlowSequence() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui.acme.example: {components: [LUI, HUB1️⃣}
            """)
        assertFindings("yaml-syntax", in: yaml, at: ["1️⃣"])
        assertMessage("yaml-syntax", in: yaml, contains: ["did not find expected ',' or ']'"])
    }

    func testMappingValueInsidePlainScalar() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme1️⃣: production
            hosts: {}
            """)
        assertFindings("yaml-syntax", in: yaml, at: ["1️⃣"])
        assertMessage("yaml-syntax", in: yaml, contains: ["mapping values are not allowed"])
    }

    func testInvalidUTF8IsReportedAtTheByte() {
        var bytes = Array("version: 1\ninstallation: ac".utf8)
        bytes.append(0xFF)
        bytes += Array("me\nhosts: {}\n".utf8)
        let found = TopologyCheck.check(bytes: bytes).diagnostics
        XCTAssertEqual(found.map(\.rule), ["yaml-syntax"])
        XCTAssertEqual(found.first?.location, SourceLocation(line: 2, column: 17))
        XCTAssertTrue(found.first?.message.contains("UTF-8") ?? false, "\(found)")
        XCTAssertTrue(found.first?.message.contains("0xFF") ?? false, "\(found)")
    }

    func testControlCharacterColumnCountsCharactersNotBytes() {
        // 'ü' is two bytes but one column.
        let yaml = MarkedYAML("version: 1\ninstallation: ümlaut1️⃣\u{1}x\nhosts: {}\n")
        assertFindings("yaml-syntax", in: yaml, at: ["1️⃣"])
        assertMessage("yaml-syntax", in: yaml, contains: ["control characters are not allowed"])
    }

    func testNULByte() {
        let yaml = MarkedYAML("version: 1\ninstallation: ac1️⃣\u{0}me\nhosts: {}\n")
        assertFindings("yaml-syntax", in: yaml, at: ["1️⃣"])
        assertMessage("yaml-syntax", in: yaml, contains: ["control characters", "0x0"])
    }

    func testNoModelRuleRunsAfterASyntaxError() {
        // Only LUI is placed (missing-component would fire), but reading stopped.
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui.acme.example:
                components: [LUI]
                os: "linux
            1️⃣
            """)
        assertFindings("yaml-syntax", in: yaml, at: ["1️⃣"])
        XCTAssertEqual(check(yaml.text).map(\.rule), ["yaml-syntax"])
        XCTAssertTrue(check(yaml.text).allSatisfy { $0.severity == .error })
    }

    func testNearMissesParse() {
        // A quoted ': ', a comment with colons, a tab inside a flow list and
        // explicit document markers are all valid YAML.
        let yaml = """
            ---
            version: 1   # a: b: c
            installation: "acme: production"
            hosts:
              ui.acme.example: {components: [LUI,\tHUB]}
              trk.acme.example: {components: [TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            ...

            """
        assertNoFindings("yaml-syntax", in: yaml)
        XCTAssertEqual(check(yaml), [])
        assertNoFindings("yaml-syntax", in: cleanFourServer)
    }
}
