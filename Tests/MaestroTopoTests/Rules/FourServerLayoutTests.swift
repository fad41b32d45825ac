import MaestroTopo
import TopoCheck
import TopoTestSupport
import XCTest

final class FourServerLayoutTests: XCTestCase {
    func testHighVolumeOnTwoServers() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            profile: 1️⃣high-volume
            hosts:
              ui.acme.example: {components: [LUI, HUB, TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(FourServerLayout.self, in: yaml, at: ["1️⃣"], hosts: [nil])
        assertMessage(FourServerLayout.self, in: yaml, contains: ["not the recommended four servers"])
        XCTAssertEqual(findings(FourServerLayout.self, in: yaml).first?.severity, .note)
    }

    func testHighVolumeWithLUIAndHUBApartOrDatabaseWithListserv() {
        let split = MarkedYAML("""
            version: 1
            installation: acme
            profile: 1️⃣high-volume
            hosts:
              ui.acme.example: {components: [LUI]}
              hub.acme.example: {components: [HUB]}
              trk.acme.example: {components: [TRK]}
              db.acme.example: {components: [DATABASE]}
              lsv.acme.example: {components: [LISTSERV]}
            """)
        assertFindings(FourServerLayout.self, in: split, at: ["1️⃣"])
        let shared = MarkedYAML("""
            version: 1
            installation: acme
            profile: 1️⃣high-volume
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              trk.acme.example: {components: [TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(FourServerLayout.self, in: shared, at: ["1️⃣"])
    }

    func testFourServerLayoutWithSeveralListservHostsIsFine() {
        let yaml = cleanFourServer.replacingOccurrences(of: "installation: acme", with: "installation: acme\nprofile: high-volume")
            + "  lsv2.acme.example: {components: [LISTSERV]}\n"
        assertNoFindings(FourServerLayout.self, in: yaml)
        XCTAssertEqual(check(yaml), [])
    }

    func testSmallLayoutsWithoutTheHighVolumeProfile() {
        let small = """
            version: 1
            installation: acme
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              trk.acme.example: {components: [TRK, DATABASE, LISTSERV]}
            """
        assertNoFindings(FourServerLayout.self, in: small)
        assertNoFindings(FourServerLayout.self, in: small.replacingOccurrences(
            of: "installation: acme", with: "installation: acme\nprofile: standard"))
    }
}
