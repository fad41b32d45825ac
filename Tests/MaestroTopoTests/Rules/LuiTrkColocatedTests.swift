import MaestroTopo
import XCTest

final class LuiTrkColocatedTests: XCTestCase {
    func testLUIAndTRKOnOneHostPointsAtTRK() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              maestro.acme.example: {components: [LUI, HUB, 1️⃣TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings("lui-trk-colocated", in: yaml, at: ["1️⃣"], hosts: ["maestro.acme.example"])
        assertMessage("lui-trk-colocated", in: yaml, contains: ["LUI and TRK both run on 'maestro.acme.example'"])
        XCTAssertEqual(findings("lui-trk-colocated", in: yaml).first?.severity, .warning)
    }

    func testOrderOfComponentsDoesNotMatter() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              maestro.acme.example:
                components:
                  - 1️⃣TRK
                  - HUB
                  - LUI
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings("lui-trk-colocated", in: yaml, at: ["1️⃣"], hosts: ["maestro.acme.example"])
    }

    func testTrackerWithHUBOnlyOrOnItsOwnHost() {
        let hubAndTrk = """
            version: 1
            installation: acme
            hosts:
              ui.acme.example: {components: [LUI]}
              hub.acme.example: {components: [HUB, TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """
        assertNoFindings("lui-trk-colocated", in: hubAndTrk)
        XCTAssertEqual(check(hubAndTrk), [])
        assertNoFindings("lui-trk-colocated", in: cleanFourServer)
    }
}
