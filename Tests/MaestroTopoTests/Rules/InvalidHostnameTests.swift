import MaestroTopo
import TopoCheck
import TopoTestSupport
import XCTest

final class InvalidHostnameTests: XCTestCase {
    /// A topology whose LISTSERV host is called `name` (written as a YAML key).
    private func withListservHost(_ writtenName: String) -> MarkedYAML {
        MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              trk.acme.example: {components: [TRK]}
              db.acme.example: {components: [DATABASE]}
              1️⃣\(writtenName): {components: [LISTSERV]}
            """)
    }

    private func assertRefused(
        _ writtenName: String, host: String, because problem: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let yaml = withListservHost(writtenName)
        assertFindings(InvalidHostname.self, in: yaml, at: ["1️⃣"], hosts: [host], file: file, line: line)
        assertMessage(InvalidHostname.self, in: yaml, contains: ["is not a valid host name", problem], file: file, line: line)
    }

    func testSpaces() {
        assertRefused("ui acme example", host: "ui acme example", because: "a space")
    }

    func testComma() {
        assertRefused("lsv1.acme.example,lsv2.acme.example", host: "lsv1.acme.example,lsv2.acme.example", because: "a comma")
    }

    func testEqualsSign() {
        assertRefused("SSLKeystorePath=x", host: "SSLKeystorePath=x", because: "'='")
    }

    func testPathSeparators() {
        assertRefused("../../etc/lsv", host: "../../etc/lsv", because: "a path separator '/'")
        assertRefused(#"'lsv\acme'"#, host: #"lsv\acme"#, because: #"a path separator '\'"#)
    }

    func testUnderscore() {
        assertRefused("lsv_1.acme.example", host: "lsv_1.acme.example", because: "an underscore")
    }

    func testLineBreakInAQuotedKeyIsShownEscaped() {
        let yaml = withListservHost(#""lsv.acme.example\nSSLAllowedClients=evil""#)
        assertFindings(InvalidHostname.self, in: yaml, at: ["1️⃣"], hosts: ["lsv.acme.example\nSSLAllowedClients=evil"])
        let message = findings(InvalidHostname.self, in: yaml).first?.message ?? ""
        XCTAssertTrue(message.contains(#"'lsv.acme.example\nSSLAllowedClients=evil'"#), message)
        XCTAssertTrue(message.contains("a line break"), message)
        XCTAssertFalse(message.contains("\n"), "the message must stay on one line")
    }

    func testOtherControlCharacterAndNonASCII() {
        assertRefused(#""lsv\tacme""#, host: "lsv\tacme", because: "a tab")
        assertRefused("lsv.bücher.example", host: "lsv.bücher.example", because: "U+00FC")
    }

    func testLabelOver63Characters() {
        let label = String(repeating: "a", count: 64)
        assertRefused("\(label).acme.example", host: "\(label).acme.example", because: "is 64 characters long; a label has at most 63")
    }

    func testNameOver253Characters() {
        let label = String(repeating: "a", count: 63)
        let name = [label, label, label, label].joined(separator: ".")  // 255
        assertRefused(name, host: name, because: "it is 255 characters long; a host name has at most 253")
    }

    func testEmptyLabelsHyphensAndEmptyName() {
        assertRefused("lsv..acme.example", host: "lsv..acme.example", because: "an empty label")
        assertRefused(".lsv.acme.example", host: ".lsv.acme.example", because: "an empty label")
        assertRefused("-lsv.acme.example", host: "-lsv.acme.example", because: "'-lsv' starts or ends with '-'")
        assertRefused("lsv-.acme.example", host: "lsv-.acme.example", because: "starts or ends with '-'")
        assertRefused(#""""#, host: "", because: "the name is empty")
    }

    func testInvalidAlias() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui.acme.example:
                components: [LUI, HUB, TRK]
                ssl: {aliases: [maestro.acme.example, 1️⃣maestro_2.acme.example]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(InvalidHostname.self, in: yaml, at: ["1️⃣"], hosts: ["ui.acme.example"])
        assertMessage(InvalidHostname.self, in: yaml, contains: ["alias 'maestro_2.acme.example' is not a valid host name", "underscore"])
    }

    func testValidNamesAreAccepted() {
        let label63 = String(repeating: "b", count: 63)
        let name253 = [String(repeating: "c", count: 63), String(repeating: "c", count: 63),
                       String(repeating: "c", count: 63), String(repeating: "c", count: 61)].joined(separator: ".")
        XCTAssertEqual(name253.count, 253)
        for name in ["lsv.acme.example.", "LSV.Acme.Example", "10-0-0-7.acme.example", "lsv", "xn--bcher-kva.example",
                     "\(label63).acme.example", name253, "\(name253)."] {
            let yaml = withListservHost(name)
            XCTAssertTrue(findings(InvalidHostname.self, in: yaml).isEmpty, "\(name) was refused")
        }
        assertNoFindings(InvalidHostname.self, in: cleanFourServer)
        assertNoFindings(InvalidHostname.self, in: cleanFourServer.replacingOccurrences(
            of: "components: [TRK]", with: "components: [TRK]\n    ssl: {aliases: [tracker.acme.example.]}"))
    }

    func testAnyIsReservedInEveryCase() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(of: "  db.acme.example:", with: "  1️⃣ANY.:"))
        assertFindings(InvalidHostname.self, in: yaml, at: ["1️⃣"])
        assertMessage(InvalidHostname.self, in: yaml, contains: ["'any' is reserved"])
        assertNoFindings(InvalidHostname.self, in: cleanFourServer.replacingOccurrences(of: "db.acme.example", with: "any.acme.example"))
    }
}
