import MaestroTopo
import TopoCheck
import TopoTestSupport
import XCTest

final class DuplicateKeyTests: XCTestCase {
    func testTopLevelKeyRepeated() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            1️⃣installation: acme-test
            hosts:
              ui.acme.example: {components: [LUI, HUB, TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(DuplicateKey.self, in: yaml, at: ["1️⃣"], hosts: [nil])
        assertMessage(DuplicateKey.self, in: yaml, contains: ["key 'installation' appears twice in the top level"])
        XCTAssertTrue(notes(DuplicateKey.self, in: yaml).contains("first defined at line 2, column 1"))
    }

    func testHostListedTwice() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              1️⃣ui.acme.example: {components: [TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(DuplicateKey.self, in: yaml, at: ["1️⃣"])
        assertMessage(DuplicateKey.self, in: yaml, contains: ["host 'ui.acme.example' is listed twice"])
        XCTAssertTrue(notes(DuplicateKey.self, in: yaml).contains("line 4, column 3"))
        // The repeated entry is skipped, not read as a second host.
        assertNoFindings(DuplicateHost.self, in: yaml.text)
        XCTAssertEqual(check(yaml.text).filter { $0.rule == MissingComponent.id }.map(\.message), ["no host runs TRK (Maestro Tracker)"])
    }

    func testKeyRepeatedInsideAHostNamesTheHost() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui.acme.example:
                components: [LUI, HUB, TRK]
                os: linux
                1️⃣os: windows
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(DuplicateKey.self, in: yaml, at: ["1️⃣"], hosts: ["ui.acme.example"])
        assertMessage(DuplicateKey.self, in: yaml, contains: ["key 'os' appears twice in a host"])
    }

    func testKeyRepeatedInComponentSSLAndInAPasswordSource() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            component_ssl:
              enabled: true
              ca: Acme CA
              keystore_password: {env: KS_PW, 2️⃣env: OTHER}
              1️⃣enabled: false
            hosts:
              ui.acme.example: {components: [LUI, HUB, TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        // Sorted by position: the password source (line 6) comes first.
        assertFindings(DuplicateKey.self, in: yaml, at: ["2️⃣", "1️⃣"])
        assertMessage(DuplicateKey.self, in: yaml, contains: ["'env' appears twice in keystore_password"], index: 0)
        assertMessage(DuplicateKey.self, in: yaml, contains: ["'enabled' appears twice in component_ssl"], index: 1)
    }

    func testQuotedAndPlainSpellingsOfOneKeyAreTheSameKey() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(
            of: "installation: acme\n", with: "installation: acme\n1️⃣\"installation\": acme2\n"))
        assertFindings(DuplicateKey.self, in: yaml, at: ["1️⃣"])
    }

    func testThreeOccurrencesGiveTwoFindings() {
        let yaml = MarkedYAML("""
            version: 1
            1️⃣version: 1
            2️⃣version: 1
            installation: acme
            hosts:
              ui.acme.example: {components: [LUI, HUB, TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(DuplicateKey.self, in: yaml, at: ["1️⃣", "2️⃣"])
        XCTAssertTrue(notes(DuplicateKey.self, in: yaml, index: 1).contains("line 1, column 1"))
    }

    func testSameKeyInSiblingMappingsAndHostsDifferingByCaseAreNotDuplicateKeys() {
        // Every host has 'components'; 'os' appears under defaults and a host;
        // 'UI.acme.example' is a different key (duplicate-host judges it).
        let yaml = """
            version: 1
            installation: acme
            defaults: {os: linux}
            hosts:
              ui.acme.example: {components: [LUI, HUB], os: linux}
              UI.acme.example: {components: [TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """
        assertNoFindings(DuplicateKey.self, in: yaml)
        XCTAssertEqual(findings(DuplicateHost.self, in: yaml).count, 1)
        assertNoFindings(DuplicateKey.self, in: cleanFourServer)
    }
}
