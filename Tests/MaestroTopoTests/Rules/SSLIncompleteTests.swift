import TopoCheck
import TopoTestSupport
import XCTest

final class SSLIncompleteTests: XCTestCase {
    func testNoCAIsReportedForEveryServerAtTheSwitch() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            component_ssl:
              enabled: 1️⃣true
              keystore_password: {env: KS_PW}
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              trk.acme.example: {components: [TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(SSLIncomplete.self, in: yaml, at: ["1️⃣", "1️⃣"], hosts: ["ui.acme.example", "trk.acme.example"])
        assertMessage(SSLIncomplete.self, in: yaml, contains: ["SSL is on for 'ui.acme.example' but it lacks a CA ('ca')"])
    }

    func testNoPasswordSource() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            component_ssl: {enabled: 1️⃣true, ca: Acme CA}
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                ssl: {keystore_password: {file: /root/ui.pw}}
              trk.acme.example: {components: [TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(SSLIncomplete.self, in: yaml, at: ["1️⃣"], hosts: ["trk.acme.example"])
        assertMessage(SSLIncomplete.self, in: yaml, contains: ["lacks a password source ('keystore_password')"])
    }

    func testSeveralItemsMissingAreNamedInOneFinding() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui.acme.example:
                components: [LUI, HUB, TRK]
                ssl: {enabled: true, keystore: 1️⃣""}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(SSLIncomplete.self, in: yaml, at: ["1️⃣"], hosts: ["ui.acme.example"])
        assertMessage(SSLIncomplete.self, in: yaml, contains: [
            "lacks a keystore path ('keystore'), a password source ('keystore_password') and a CA ('ca')",
        ])
    }

    /// An explicitly empty value is where the finding points.
    func testEmptyCAOverride() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(
            of: "components: [TRK]", with: "components: [TRK]\n    ssl: {enabled: true, ca: 1️⃣\"\"}"))
        assertFindings(SSLIncomplete.self, in: yaml, at: ["1️⃣"], hosts: ["trk.acme.example"])
        assertMessage(SSLIncomplete.self, in: yaml, contains: ["lacks a CA ('ca')"])
    }

    func testItemsGivenPerHostOrSSLOffAreComplete() {
        // Each server names its own CA and password source.
        let perHost = """
            version: 1
            installation: acme
            component_ssl: {enabled: true}
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                ssl: {ca: Acme CA, keystore_password: {env: UI_PW}}
              trk.acme.example:
                components: [TRK]
                ssl: {ca: Acme CA, keystore_password: {env: TRK_PW}, keystore: /etc/maestro/trk.jks}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """
        assertNoFindings(SSLIncomplete.self, in: perHost)
        XCTAssertEqual(check(perHost), [])
        // With SSL off nothing is needed.
        let off = """
            version: 1
            installation: acme
            component_ssl: {enabled: false}
            hosts:
              ui.acme.example: {components: [LUI, HUB, TRK], ssl: {keystore: ""}}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """
        assertNoFindings(SSLIncomplete.self, in: off)
        assertNoFindings(SSLIncomplete.self, in: "version: 1\ninstallation: acme\nhosts: {a.example: {components: [LUI, HUB, TRK, DATABASE, LISTSERV]}}\n")
        assertNoFindings(SSLIncomplete.self, in: cleanFourServer)
    }

    /// A password source that was given but refused has its own finding:
    /// one mistake, one finding.
    func testARefusedPasswordSourceIsNotAlsoMissing() {
        for source in ["{S3cr3t!PW}", "{env: NAME, PW}", "{}", "[a, b]", "{env: 1BAD}"] {
            let yaml = cleanFourServer.replacingOccurrences(of: "keystore_password: {env: KS_PW}", with: "keystore_password: \(source)")
            assertNoFindings(SSLIncomplete.self, in: yaml)
            let result = TopologyCheck.check(bytes: Array(yaml.utf8))
            XCTAssertEqual(result.diagnostics.count, 1, "\(source): \(result.diagnostics.map { "\($0.rule) \($0.message)" })")
        }
        // A host's own refused source stands for that host only.
        let host = cleanFourServer
            .replacingOccurrences(of: "  keystore_password: {env: KS_PW}\n", with: "")
            .replacingOccurrences(of: "components: [TRK]", with: "components: [TRK]\n    ssl: {keystore_password: {S3cr3t}}")
        let found = findings(SSLIncomplete.self, in: host)
        XCTAssertEqual(found.map(\.host), ["ui.acme.example"], "\(found.map(\.message))")
    }
}
