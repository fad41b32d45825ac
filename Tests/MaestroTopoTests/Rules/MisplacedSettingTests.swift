import MaestroTopo
import TopoCheck
import TopoTestSupport
import XCTest

final class MisplacedSettingTests: XCTestCase {
    func testDatabaseSectionOnAHostWithoutDatabase() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui.acme.example:
                components: [LUI, HUB, TRK]
                database: 1️⃣{engine: postgresql}
              db.acme.example: {components: [DATABASE]}
              lsv.acme.example: {components: [LISTSERV]}
            """)
        assertFindings(MisplacedSetting.self, in: yaml, at: ["1️⃣"], hosts: ["ui.acme.example"])
        assertMessage(MisplacedSetting.self, in: yaml, contains: ["'database' is set on 'ui.acme.example', which does not run DATABASE"])
    }

    func testSSLSectionOnListservAndDatabaseHosts() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui.acme.example: {components: [LUI, HUB, TRK]}
              db.acme.example:
                components: [DATABASE]
                ssl:
                  1️⃣enabled: true
              lsv.acme.example: {components: [LISTSERV], ssl: 2️⃣{enabled: false}}
            """)
        assertFindings(MisplacedSetting.self, in: yaml, at: ["1️⃣", "2️⃣"], hosts: ["db.acme.example", "lsv.acme.example"])
        assertMessage(MisplacedSetting.self, in: yaml, contains: ["'ssl' is set on 'db.acme.example', which runs no Maestro component"])
        XCTAssertTrue(notes(MisplacedSetting.self, in: yaml).contains("get no ssl.ini"))
    }

    func testSectionsWhereTheyBelong() {
        let yaml = """
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                components: [LUI, HUB, DATABASE]
                database: {engine: internal}
                ssl: {ca: Acme CA}
              trk.acme.example:
                components: [TRK]
                ssl: {enabled: true}
              lsv.acme.example: {components: [LISTSERV]}
            """
        assertNoFindings(MisplacedSetting.self, in: yaml)
        XCTAssertEqual(check(yaml), [])
    }

    func testHostWithoutComponentsIsLeftToInvalidValue() {
        let yaml = cleanFourServer + "  spare.acme.example:\n    ssl: {enabled: true}\n"
        assertNoFindings(MisplacedSetting.self, in: yaml)
        XCTAssertEqual(findings(InvalidValue.self, in: yaml).map(\.host), ["spare.acme.example"])
    }

    func testUnreadComponentsThatMayRunTheSectionAreLeftAlone() {
        // The misspelt key is the one mistake: 'database' is not also misplaced.
        let yaml = """
            version: 1
            installation: acme
            hosts:
              ui.acme.example: {components: [LUI, HUB, TRK]}
              db.acme.example:
                componets: [DATABASE, LISTSERV]
                database: {engine: mysql}
              lsv.acme.example:
                components: [LISTSERV, Tracker]
                ssl: {enabled: false}
            """
        assertNoFindings(MisplacedSetting.self, in: yaml)
        // Unread names that cannot mean DATABASE do not excuse the section.
        let wrong = yaml.replacingOccurrences(of: "componets: [DATABASE, LISTSERV]", with: "components: [LISTSERV, LSVX]")
            .replacingOccurrences(of: "[LUI, HUB, TRK]", with: "[LUI, HUB, TRK, DATABASE]")
        XCTAssertEqual(findings(MisplacedSetting.self, in: wrong).count, 0, "LSVX has no suggestion: it could be DATABASE")
        let lsv = yaml.replacingOccurrences(of: "componets: [DATABASE, LISTSERV]", with: "components: [LISTSERV, LSV]")
        XCTAssertEqual(findings(MisplacedSetting.self, in: lsv).count, 1)
    }
}
