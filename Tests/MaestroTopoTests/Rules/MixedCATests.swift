import MaestroTopo
import TopoCheck
import TopoTestSupport
import XCTest

final class MixedCATests: XCTestCase {
    func testOneServerNamesAnotherCA() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(
            of: "components: [TRK]", with: "components: [TRK]\n    ssl: {ca: 1️⃣Old Acme CA}"))
        assertFindings(MixedCA.self, in: yaml, at: ["1️⃣"], hosts: ["trk.acme.example"])
        assertMessage(MixedCA.self, in: yaml, contains: ["'trk.acme.example' names CA 'Old Acme CA' but 'ui.acme.example' names 'Acme CA'"])
        XCTAssertEqual(findings(MixedCA.self, in: yaml).first?.severity, .warning)
    }

    func testInheritedCAPointsAtComponentSSL() {
        // The first server overrides; the others inherit component_ssl's CA.
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: 1️⃣Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                components: [LUI]
                ssl: {ca: Acme CA 2026}
              hub.acme.example: {components: [HUB]}
              trk.acme.example:
                components: [TRK]
                ssl: {ca: 2️⃣Third CA}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(MixedCA.self, in: yaml, at: ["1️⃣", "2️⃣"], hosts: ["hub.acme.example", "trk.acme.example"])
        XCTAssertEqual(notes(MixedCA.self, in: yaml), "every server must then trust all of: Acme CA; Acme CA 2026; Third CA")
    }

    func testSameCARestatedOrSSLOffIsNotMixed() {
        let restated = cleanFourServer.replacingOccurrences(
            of: "components: [TRK]", with: "components: [TRK]\n    ssl: {ca: Acme CA}")
        assertNoFindings(MixedCA.self, in: restated)
        XCTAssertEqual(check(restated), [])
        let off = """
            version: 1
            installation: acme
            component_ssl: {enabled: false, ca: Acme CA}
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              trk.acme.example: {components: [TRK], ssl: {ca: Old Acme CA}}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """
        assertNoFindings(MixedCA.self, in: off)
        assertNoFindings(MixedCA.self, in: cleanFourServer)
    }
}
