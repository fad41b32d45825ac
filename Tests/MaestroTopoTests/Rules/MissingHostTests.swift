import MaestroTopo
import TopoCheck
import TopoTestSupport
import XCTest

final class MissingHostTests: XCTestCase {
    func testListLeavesOutTheServerItself() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                ssl: {allowed_clients: 1️⃣[trk.acme.example]}
              trk.acme.example:
                components: [TRK]
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(MissingHost.self, in: yaml, at: ["1️⃣"], hosts: ["ui.acme.example"])
        assertMessage(MissingHost.self, in: yaml, contains: ["allowed_clients of 'ui.acme.example' leaves out 'ui.acme.example'"])
        XCTAssertTrue(notes(MissingHost.self, in: yaml).contains("a server must list itself"))
    }

    func testListLeavesOutAnotherServer() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example: {components: [LUI]}
              hub.acme.example:
                components: [HUB]
                ssl:
                  allowed_clients:
                    1️⃣- hub.acme.example
              trk.acme.example: {components: [TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(MissingHost.self, in: yaml, at: ["1️⃣"], hosts: ["hub.acme.example"])
        assertMessage(MissingHost.self, in: yaml, contains: ["leaves out 'ui.acme.example' and 'trk.acme.example'"])
        XCTAssertFalse(notes(MissingHost.self, in: yaml).contains("must list itself"))
    }

    func testUndeclaredHostInAList() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                ssl: {allowed_clients: [ui.acme.example, trk.acme.example, 1️⃣trk-old.acme.example]}
              trk.acme.example: {components: [TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(MissingHost.self, in: yaml, at: ["1️⃣"], hosts: ["ui.acme.example"])
        assertMessage(MissingHost.self, in: yaml, contains: ["names 'trk-old.acme.example', which is not declared under 'hosts'"])
    }

    func testCommaSeparatedStringIsCheckedToo() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
              trk.acme.example:
                components: [TRK]
                ssl: {allowed_clients: 1️⃣"trk.acme.example,2️⃣ui.acme.exmaple"}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        // Undeclared 'ui.acme.exmaple' (at its own column), and so
        // 'ui.acme.example' is left out (said of the whole list).
        assertFindings(MissingHost.self, in: yaml, at: ["1️⃣", "2️⃣"], hosts: ["trk.acme.example", "trk.acme.example"])
        let messages = findings(MissingHost.self, in: yaml).map(\.message)
        XCTAssertTrue(messages.contains { $0.contains("'ui.acme.exmaple', which is not declared") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("leaves out 'ui.acme.example'") }, "\(messages)")
    }

    func testCompleteListsAreAcceptedWhateverTheSpelling() {
        // Letter case, a trailing dot and an alias standing in for a server's name.
        let yaml = """
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                ssl: {allowed_clients: "UI.acme.example.,tracker.acme.example"}
              trk.acme.example:
                components: [TRK]
                ssl:
                  aliases: [tracker.acme.example]
                  allowed_clients: [ui.acme.example, trk.acme.example]
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """
        assertNoFindings(MissingHost.self, in: yaml)
        assertNoFindings(MissingHost.self, in: cleanFourServer)
    }

    func testSpellingUnlikeTheCertificateIsLeftToAllowedClientsFormat() {
        // The names differ from the certificates' only in case and a dot:
        // one finding each, by allowed-clients-format, none here.
        let yaml = """
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.corp.example:
                components: [LUI, HUB]
                ssl: {allowed_clients: [UI.CORP.EXAMPLE, trk.corp.example.]}
              trk.corp.example: {components: [TRK]}
              db.corp.example: {components: [DATABASE, LISTSERV]}
            """
        assertNoFindings(MissingHost.self, in: yaml)
        XCTAssertEqual(check(yaml).map(\.rule), [AllowedClientsFormat.id, AllowedClientsFormat.id])
    }

    func testEmptyItemsAreLeftToAllowedClientsFormat() {
        let yaml = """
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                components: [LUI, HUB, TRK]
                ssl: {allowed_clients: "ui.acme.example,,"}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """
        assertNoFindings(MissingHost.self, in: yaml)
        XCTAssertEqual(findings(AllowedClientsFormat.self, in: yaml).count, 2)
    }
}
