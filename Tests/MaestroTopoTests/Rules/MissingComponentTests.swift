import MaestroTopo
import XCTest

final class MissingComponentTests: XCTestCase {
    func testMissingTrackerPointsAtHosts() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            1️⃣hosts:
              ui.acme.example: {components: [LUI, HUB]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings("missing-component", in: yaml, at: ["1️⃣"], hosts: [nil])
        assertMessage("missing-component", in: yaml, contains: ["no host runs TRK (Maestro Tracker)"])
        XCTAssertTrue(notes("missing-component", in: yaml).contains("add TRK"))
    }

    func testEveryMissingComponentIsReportedInOrder() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            1️⃣hosts:
              ui.acme.example: {components: [HUB]}
            """)
        assertFindings("missing-component", in: yaml, at: ["1️⃣", "1️⃣", "1️⃣", "1️⃣"])
        XCTAssertEqual(findings("missing-component", in: yaml).map(\.message), [
            "no host runs LUI (Maestro User Interface)",
            "no host runs TRK (Maestro Tracker)",
            "no host runs DATABASE (system database)",
            "no host runs LISTSERV",
        ])
        XCTAssertTrue(notes("missing-component", in: yaml, index: 2).contains("database: {engine: internal}"))
    }

    func testMissingDatabaseAndListserv() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            1️⃣hosts:
              ui.acme.example: {components: [LUI, HUB, TRK]}
            """)
        assertFindings("missing-component", in: yaml, at: ["1️⃣", "1️⃣"])
        assertMessage("missing-component", in: yaml, contains: ["DATABASE"], index: 0)
        assertMessage("missing-component", in: yaml, contains: ["LISTSERV"], index: 1)
    }

    func testMisspeltComponentIsReportedOnceByInvalidValue() {
        let yaml = """
            version: 1
            installation: acme
            hosts:
              ui.acme.example: {components: [LUI, HUB, trk]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """
        assertNoFindings("missing-component", in: yaml)
        XCTAssertEqual(findings("invalid-value", in: yaml).map(\.message), ["unknown component 'trk'; did you mean 'TRK'?"])
    }

    func testEverythingPlacedOnOneHostIsComplete() {
        assertNoFindings("missing-component", in: """
            version: 1
            installation: acme
            hosts:
              all.acme.example: {components: [LUI, HUB, TRK, DATABASE, LISTSERV]}
            """)
        assertNoFindings("missing-component", in: cleanFourServer)
    }

    func testNoHostsAtAllIsLeftToInvalidValue() {
        assertNoFindings("missing-component", in: "version: 1\ninstallation: acme\nhosts: {}\n")
        assertNoFindings("missing-component", in: "version: 1\ninstallation: acme\n")
    }
}
