import MaestroTopo
import TopoCheck
import TopoTestSupport
import XCTest

final class PartialSSLTests: XCTestCase {
    func testServerSwitchedOffWhileOthersAreOn() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
              trk.acme.example:
                components: [TRK]
                ssl:
                  enabled: 1️⃣false
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(PartialSSL.self, in: yaml, at: ["1️⃣"], hosts: ["trk.acme.example"])
    }

    func testOnlyOneServerSwitchedOnPointsAtTheOthers() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
              1️⃣trk.acme.example:
                components: [TRK]
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(PartialSSL.self, in: yaml, at: ["1️⃣"], hosts: ["trk.acme.example"])
    }

    func testAllOnOrAllOffIsClean() {
        XCTAssertTrue(findings(PartialSSL.self, in: MarkedYAML(cleanFourServer)).isEmpty)
        let off = cleanFourServer.replacingOccurrences(of: "enabled: true", with: "enabled: false")
        XCTAssertTrue(findings(PartialSSL.self, in: MarkedYAML(off)).isEmpty)
    }

    func testCleanBaseHasNoFindingsAtAll() {
        XCTAssertEqual(check(cleanFourServer), [])
    }
}
