import TopoSource
import TopoCheck
import TopoTestSupport
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
        assertFindings(YAMLSyntax.self, in: yaml, at: ["1️⃣"], hosts: [nil])
        assertMessage(YAMLSyntax.self, in: yaml, contains: ["did not find expected key"])
        let notes = notes(YAMLSyntax.self, in: yaml)
        XCTAssertTrue(notes.contains("starts at line 5, column 4"), notes)
        XCTAssertTrue(notes.contains("same column"), notes)
    }

    func testTabUsedForIndentation() {
        let yaml = MarkedYAML("version: 1\ninstallation: acme\nhosts:\n  ui.acme.example:\n1️⃣\tcomponents: [LUI]\n")
        assertFindings(YAMLSyntax.self, in: yaml, at: ["1️⃣"])
        assertMessage(YAMLSyntax.self, in: yaml, contains: ["found character that cannot start any token"])
        XCTAssertTrue(notes(YAMLSyntax.self, in: yaml).contains("tabs"))
    }

    func testUnclosedQuoteIsReportedAtTheEndOfTheStream() {
        let yaml = MarkedYAML("""
            version: 1
            installation: "acme
            hosts: {}
            1️⃣
            """)
        assertFindings(YAMLSyntax.self, in: yaml, at: ["1️⃣"])
        assertMessage(YAMLSyntax.self, in: yaml, contains: ["found unexpected end of stream", "quoted scalar"])
        let notes = notes(YAMLSyntax.self, in: yaml)
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
        assertFindings(YAMLSyntax.self, in: yaml, at: ["1️⃣"])
        assertMessage(YAMLSyntax.self, in: yaml, contains: ["did not find expected ',' or ']'"])
    }

    func testMappingValueInsidePlainScalar() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme1️⃣: production
            hosts: {}
            """)
        assertFindings(YAMLSyntax.self, in: yaml, at: ["1️⃣"])
        assertMessage(YAMLSyntax.self, in: yaml, contains: ["mapping values are not allowed"])
    }

    func testInvalidUTF8IsReportedAtTheByte() {
        var bytes = Array("version: 1\ninstallation: ac".utf8)
        bytes.append(0xFF)
        bytes += Array("me\nhosts: {}\n".utf8)
        let found = TopologyCheck.check(bytes: bytes).diagnostics
        XCTAssertEqual(found.map(\.rule), [YAMLSyntax.id])
        XCTAssertEqual(found.first?.location, SourceLocation(line: 2, column: 17))
        XCTAssertTrue(found.first?.message.contains("UTF-8") ?? false, "\(found)")
        XCTAssertTrue(found.first?.message.contains("0xFF") ?? false, "\(found)")
    }

    func testControlCharacterColumnCountsCharactersNotBytes() {
        // 'ü' is two bytes but one column.
        let yaml = MarkedYAML("version: 1\ninstallation: ümlaut1️⃣\u{1}x\nhosts: {}\n")
        assertFindings(YAMLSyntax.self, in: yaml, at: ["1️⃣"])
        assertMessage(YAMLSyntax.self, in: yaml, contains: ["control characters are not allowed"])
    }

    func testNULByte() {
        let yaml = MarkedYAML("version: 1\ninstallation: ac1️⃣\u{0}me\nhosts: {}\n")
        assertFindings(YAMLSyntax.self, in: yaml, at: ["1️⃣"])
        assertMessage(YAMLSyntax.self, in: yaml, contains: ["control characters", "0x0"])
    }

    // MARK: Windows paths in double quotes

    func testUnknownEscapeInAWindowsPath() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui.acme.example:
                components: [LUI, HUB, TRK, DATABASE, LISTSERV]
                os: windows
                ssl: {keystore: "D:1️⃣\\Certs\\ui.jks"}
            """)
        assertFindings(YAMLSyntax.self, in: yaml, at: ["1️⃣"])
        assertMessage(YAMLSyntax.self, in: yaml, contains: ["found unknown escape character"])
        let notes = notes(YAMLSyntax.self, in: yaml)
        XCTAssertTrue(notes.contains(#"in double quotes a backslash starts an escape; write Windows paths in single quotes: 'D:\Certs\ui.jks'"#), notes)
    }

    func testEscapeWithoutItsHexDigits() {
        // '\U' wants eight hex digits; libyaml stops just after it.
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui.acme.example:
                components: [LUI, HUB, TRK, DATABASE, LISTSERV]
                install_folder: "C:\\U1️⃣sers\\maestro"
            """)
        assertFindings(YAMLSyntax.self, in: yaml, at: ["1️⃣"])
        XCTAssertTrue(notes(YAMLSyntax.self, in: yaml).contains(#"single quotes: 'C:\Users\maestro'"#))
        // A trailing backslash escapes the closing quote; the form still ends there.
        let trailing = MarkedYAML("version: 1\ninstallation: acme\nhosts: {ui.example: {install_folder: \"C:1️⃣\\Temp\\\"}}\n")
        assertFindings(YAMLSyntax.self, in: trailing, at: ["1️⃣"])
        XCTAssertTrue(notes(YAMLSyntax.self, in: trailing).contains(#"single quotes: 'C:\Temp\'"#))
    }

    func testAPasswordIsNeverQuotedBack() {
        // Nor under a misspelt key: the same keys count as PasswordText masks.
        for key in ["keystore_password", "keystore_pasword", "Secret"] {
            let yaml = "version: 1\ninstallation: acme\ncomponent_ssl: {\(key): \"HUNTER2\\q\"}\n"
            let found = check(yaml)
            XCTAssertEqual(found.map(\.rule), [YAMLSyntax.id], key)
            let text = found.map { $0.message + $0.notes.joined() }.joined()
            XCTAssertFalse(text.contains("HUNTER2"), text)
            XCTAssertTrue(text.contains("write Windows paths in single quotes, where a backslash is an ordinary character"), text)
        }
    }

    func testNotesFollowTheSourceNotLibyamlsWording() {
        // An unknown escape in a multi-line scalar: the typed text is not on
        // the line, so the note gives the advice without a form.
        let yaml = MarkedYAML("version: 1\ninstallation: \"acme\n  1️⃣\\q\"\nhosts: {}\n")
        assertFindings(YAMLSyntax.self, in: yaml, at: ["1️⃣"])
        XCTAssertTrue(notes(YAMLSyntax.self, in: yaml).contains("single quotes, where a backslash is an ordinary character"))
        // '@' cannot start a plain value.
        let at = MarkedYAML("version: 1\ninstallation: 1️⃣@acme\nhosts: {}\n")
        assertFindings(YAMLSyntax.self, in: at, at: ["1️⃣"])
        XCTAssertTrue(notes(YAMLSyntax.self, in: at).contains("put the value in quotes"))
        // A stray comma in a flow list.
        let comma = MarkedYAML("version: 1\ninstallation: acme\nhosts: {ui.example: {components: [LUI, 1️⃣, HUB]}}\n")
        assertFindings(YAMLSyntax.self, in: comma, at: ["1️⃣"])
        XCTAssertTrue(notes(YAMLSyntax.self, in: comma).contains("stray comma"))
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
        assertFindings(YAMLSyntax.self, in: yaml, at: ["1️⃣"])
        XCTAssertEqual(check(yaml.text).map(\.rule), [YAMLSyntax.id])
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
        assertNoFindings(YAMLSyntax.self, in: yaml)
        XCTAssertEqual(check(yaml), [])
        assertNoFindings(YAMLSyntax.self, in: cleanFourServer)
    }
}
