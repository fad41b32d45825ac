import MaestroTopo
import TopoCheck
import TopoTestSupport
import XCTest

final class DuplicateHostTests: XCTestCase {
    func testNamesDifferingOnlyByCase() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              1️⃣UI.Acme.Example: {components: [TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(DuplicateHost.self, in: yaml, at: ["1️⃣"], hosts: ["UI.Acme.Example"])
        assertMessage(DuplicateHost.self, in: yaml, contains: ["'UI.Acme.Example' names the same host as 'ui.acme.example'"])
        XCTAssertTrue(notes(DuplicateHost.self, in: yaml).contains("declared at line 4"))
    }

    func testTrailingDot() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui.acme.example.: {components: [LUI, HUB]}
              trk.acme.example: {components: [TRK]}
              1️⃣ui.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(DuplicateHost.self, in: yaml, at: ["1️⃣"], hosts: ["ui.acme.example"])
        assertMessage(DuplicateHost.self, in: yaml, contains: ["same host as 'ui.acme.example.'"])
    }

    func testThreeSpellingsGiveTwoFindingsBothReferringToTheFirst() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              1️⃣UI.ACME.EXAMPLE.: {components: [TRK]}
              2️⃣Ui.Acme.Example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(DuplicateHost.self, in: yaml, at: ["1️⃣", "2️⃣"], hosts: ["UI.ACME.EXAMPLE.", "Ui.Acme.Example"])
        for finding in findings(DuplicateHost.self, in: yaml) {
            XCTAssertTrue(finding.message.hasSuffix("as 'ui.acme.example'"), finding.message)
        }
    }

    func testDistinctNamesAndExactRepeatsAreNotDuplicateHosts() {
        let distinct = """
            version: 1
            installation: acme
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              ui2.acme.example: {components: [TRK]}
              ui.acme.example.org: {components: [DATABASE]}
              ui.acme: {components: [LISTSERV]}
            """
        assertNoFindings(DuplicateHost.self, in: distinct)
        // An exact repeat is a repeated key, reported by duplicate-key alone.
        let repeated = """
            version: 1
            installation: acme
            hosts:
              ui.acme.example: {components: [LUI, HUB, TRK]}
              ui.acme.example: {components: [DATABASE]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """
        assertNoFindings(DuplicateHost.self, in: repeated)
        XCTAssertEqual(findings(DuplicateKey.self, in: repeated).count, 1)
        assertNoFindings(DuplicateHost.self, in: cleanFourServer)
    }

    func testOnlyOneTrailingDotIsIgnored() {
        // Two dots leave an empty label (invalid-hostname's); less one dot
        // the name still differs from the others.
        let yaml = """
            version: 1
            installation: acme
            hosts:
              ui.acme.example..: {components: [LUI, HUB]}
              ui.acme.example.: {components: [TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """
        assertNoFindings(DuplicateHost.self, in: yaml)
        XCTAssertEqual(findings(InvalidHostname.self, in: yaml).count, 1)
    }
}
