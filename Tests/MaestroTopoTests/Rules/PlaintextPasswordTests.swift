import MaestroTopo
import TopoCheck
import TopoTestSupport
import XCTest

final class PlaintextPasswordTests: XCTestCase {
    func testLiteralInComponentSSLAndInAHost() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: 1️⃣s3cret!}
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              trk.acme.example:
                components: [TRK]
                ssl:
                  keystore_password: 2️⃣"tr#k=pw"
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(PlaintextPassword.self, in: yaml, at: ["1️⃣", "2️⃣"], hosts: [nil, "trk.acme.example"])
        assertMessage(PlaintextPassword.self, in: yaml, contains: ["the keystore password is written in the file"])
        for finding in findings(PlaintextPassword.self, in: yaml) {
            XCTAssertEqual(finding.severity, .warning)
            let shown = ([finding.message] + finding.notes).joined(separator: "\n")
            XCTAssertFalse(shown.contains("s3cret"), "a finding must never show the password")
            XCTAssertFalse(shown.contains("tr#k"), "a finding must never show the password")
        }
        // No finding of any rule repeats the password.
        XCTAssertFalse(check(yaml.text).contains { $0.message.contains("s3cret") || $0.notes.joined().contains("s3cret") })
    }

    func testEnvironmentAndFileSourcesAreNotWarned() {
        let yaml = cleanFourServer.replacingOccurrences(
            of: "components: [TRK]", with: "components: [TRK]\n    ssl: {keystore_password: {file: /root/trk.pw}}")
        assertNoFindings(PlaintextPassword.self, in: yaml)
        XCTAssertEqual(check(yaml), [])
        assertNoFindings(PlaintextPassword.self, in: cleanFourServer)
    }
}
