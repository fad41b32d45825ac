import MaestroTopo
import TopoCheck
import TopoTestSupport
import XCTest

final class DuplicateComponentTests: XCTestCase {
    func testSecondLUIIsReportedOnTheLaterHost() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui1.acme.example: {components: [LUI, HUB]}
              ui2.acme.example: {components: [1️⃣LUI]}
              trk.acme.example: {components: [TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(DuplicateComponent.self, in: yaml, at: ["1️⃣"], hosts: ["ui2.acme.example"])
        assertMessage(DuplicateComponent.self, in: yaml, contains: ["LUI is already placed on 'ui1.acme.example'", "one Maestro User Interface"])
    }

    func testTrackerOnThreeHostsAndDatabaseTwice() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              trk1.acme.example: {components: [TRK]}
              trk2.acme.example: {components: [1️⃣TRK]}
              trk3.acme.example:
                components:
                  - 2️⃣TRK
              db1.acme.example: {components: [DATABASE, LISTSERV]}
              db2.acme.example: {components: [3️⃣DATABASE]}
            """)
        assertFindings(DuplicateComponent.self, in: yaml, at: ["1️⃣", "2️⃣", "3️⃣"],
                       hosts: ["trk2.acme.example", "trk3.acme.example", "db2.acme.example"])
        for finding in findings(DuplicateComponent.self, in: yaml).prefix(2) {
            XCTAssertTrue(finding.message.contains("already placed on 'trk1.acme.example'"), finding.message)
        }
        assertMessage(DuplicateComponent.self, in: yaml, contains: ["DATABASE", "one system database"], index: 2)
    }

    func testSeveralListservHostsAreFine() {
        let yaml = cleanFourServer + "  lsv2.acme.example:\n    components: [LISTSERV]\n"
        assertNoFindings(DuplicateComponent.self, in: yaml)
        XCTAssertEqual(check(yaml), [])
    }

    func testSameComponentTwiceOnOneHostIsInvalidValueNotDuplicateComponent() {
        let yaml = cleanFourServer.replacingOccurrences(of: "[TRK]", with: "[TRK, TRK]")
        assertNoFindings(DuplicateComponent.self, in: yaml)
        XCTAssertEqual(findings(InvalidValue.self, in: yaml).count, 1)
    }
}
