import MaestroTopo
import XCTest

final class MixedCATests: XCTestCase {
    func testOneServerNamesAnotherCA() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(
            of: "components: [TRK]", with: "components: [TRK]\n    ssl: {ca: 1️⃣Old Acme CA}"))
        assertFindings("mixed-ca", in: yaml, at: ["1️⃣"], hosts: ["trk.acme.example"])
        assertMessage("mixed-ca", in: yaml, contains: ["'trk.acme.example' names CA 'Old Acme CA' but 'ui.acme.example' names 'Acme CA'"])
        XCTAssertEqual(findings("mixed-ca", in: yaml).first?.severity, .warning)
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
        assertFindings("mixed-ca", in: yaml, at: ["1️⃣", "2️⃣"], hosts: ["hub.acme.example", "trk.acme.example"])
        XCTAssertEqual(notes("mixed-ca", in: yaml), "every server must then trust all of: Acme CA; Acme CA 2026; Third CA")
    }

    func testSameCARestatedOrSSLOffIsNotMixed() {
        let restated = cleanFourServer.replacingOccurrences(
            of: "components: [TRK]", with: "components: [TRK]\n    ssl: {ca: Acme CA}")
        assertNoFindings("mixed-ca", in: restated)
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
        assertNoFindings("mixed-ca", in: off)
        assertNoFindings("mixed-ca", in: cleanFourServer)
    }
}
