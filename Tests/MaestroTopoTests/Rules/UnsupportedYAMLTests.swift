import TopoSource
import TopoCheck
import TopoTestSupport
import XCTest

final class UnsupportedYAMLTests: XCTestCase {
    func testPythonObjectTag() {
        let yaml = MarkedYAML("""
            version: 1
            installation: 1️⃣!!python/object/apply:os.system ["rm -rf /"]
            hosts:
              ui.acme.example: {components: [LUI, HUB, TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(UnsupportedYAML.self, in: yaml, at: ["1️⃣"], hosts: [nil])
        assertMessage(UnsupportedYAML.self, in: yaml, contains: ["YAML tag '!!python/object/apply:os.system'", "remove it"])
    }

    func testLocalTagOnAMappingValue() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            component_ssl: 1️⃣!include ssl.yaml
            hosts:
              ui.acme.example: {components: [LUI, HUB, TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(UnsupportedYAML.self, in: yaml, at: ["1️⃣"])
        assertMessage(UnsupportedYAML.self, in: yaml, contains: ["'!include'"])
    }

    func testEvenAHarmlessStandardTagIsRefused() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(
            of: "installation: acme", with: "installation: 1️⃣!!str acme"))
        assertFindings(UnsupportedYAML.self, in: yaml, at: ["1️⃣"])
    }

    func testAnchorOnAMapping() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            defaults: 1️⃣&base {os: linux}
            hosts:
              ui.acme.example: {components: [LUI, HUB, TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(UnsupportedYAML.self, in: yaml, at: ["1️⃣"])
        assertMessage(UnsupportedYAML.self, in: yaml, contains: ["anchor '&base'"])
    }

    func testAnchorAndAliasAreEachReported() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            defaults:
              os: 1️⃣&os linux
            hosts:
              ui.acme.example: {components: [LUI, HUB, TRK], os: 2️⃣*os}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(UnsupportedYAML.self, in: yaml, at: ["1️⃣", "2️⃣"], hosts: [nil, nil])
        assertMessage(UnsupportedYAML.self, in: yaml, contains: ["anchor '&os'"], index: 0)
        assertMessage(UnsupportedYAML.self, in: yaml, contains: ["alias '*os'", "never expanded"], index: 1)
    }

    func testAliasBombIsNeverExpanded() {
        var lines = ["version: 1", "installation: acme", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            lines.append("a\(level): &a\(level) [" + Array(repeating: previous, count: 9).joined(separator: ", ") + "]")
        }
        lines.append("hosts: {ui.acme.example: {components: [LUI, HUB, TRK]}, db.acme.example: {components: [DATABASE, LISTSERV]}}")
        let found = findings(UnsupportedYAML.self, in: lines.joined(separator: "\n"))
        // 10 anchors and 9 × 9 aliases, no more: the aliases were not followed.
        XCTAssertEqual(found.count, 10 + 81)
        XCTAssertEqual(found.filter { $0.message.hasPrefix("anchor") }.count, 10)
    }

    func testAliasFloodIsCutOffAtTheFindingLimit() {
        // 3 bytes of input per finding: without a cap, memory would grow many
        // times faster than the file.
        let limit = LoaderLimits.default.maxFindings
        let text = "version: 1\ninstallation: acme\na: &a x\nb: [" + String(repeating: "*a,", count: 3 * limit) + "]\n"
        let found = check(text)
        XCTAssertEqual(found.count, limit + 1)
        // Findings 1–3: the anchor and the unknown keys 'a' and 'b'; then one
        // per alias, so alias number limit - 2 is the first one too many.
        XCTAssertEqual(found.filter { $0.rule == UnknownKey.id }.count, 2)
        XCTAssertEqual(found.filter { $0.rule == UnsupportedYAML.id }.count, limit - 2)
        let stop = found.last
        XCTAssertEqual(stop?.rule, InputLimit.id)
        XCTAssertEqual(stop?.location, SourceLocation(line: 4, column: 5 + 3 * (limit - 3)))
    }

    func testSecondDocument() {
        let yaml = MarkedYAML(cleanFourServer + "1️⃣---\nversion: 1\n")
        assertFindings(UnsupportedYAML.self, in: yaml, at: ["1️⃣"])
        assertMessage(UnsupportedYAML.self, in: yaml, contains: ["second YAML document"])
    }

    func testSecondDocumentAfterAnEndMarker() {
        let yaml = MarkedYAML(cleanFourServer + "...\n1️⃣---\nversion: 2\n")
        assertFindings(UnsupportedYAML.self, in: yaml, at: ["1️⃣"])
        // Without '---' libyaml itself refuses a second document.
        let bare = MarkedYAML(cleanFourServer + "...\n1️⃣version: 2\n")
        assertFindings(YAMLSyntax.self, in: bare, at: ["1️⃣"])
        assertMessage(YAMLSyntax.self, in: bare, contains: ["did not find expected <document start>"])
    }

    func testNearMisses() {
        // Explicit start and end markers of the one document, '&', '*' and
        // '!' inside values, and a comment that looks like a tag.
        let yaml = """
            --- # !!python/object
            version: 1
            installation: "&acme *prod !!str"
            component_ssl:
              enabled: true
              ca: Acme & Sons CA!
              keystore_password: {env: KS_PW}
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              trk.acme.example: {components: [TRK]}
              db.acme.example: {components: [DATABASE]}
              lsv.acme.example: {components: [LISTSERV]}
            ...

            """
        assertNoFindings(UnsupportedYAML.self, in: yaml)
        XCTAssertEqual(check(yaml), [])
    }
}
