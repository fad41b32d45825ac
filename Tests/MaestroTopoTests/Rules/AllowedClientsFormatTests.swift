import MaestroTopo
import TopoCheck
import TopoTestSupport
import XCTest

final class AllowedClientsFormatTests: XCTestCase {
    private func topology(_ allowedClients: String) -> MarkedYAML {
        MarkedYAML("""
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                ssl: {allowed_clients: \(allowedClients)}
              trk.acme.example: {components: [TRK]}
              db.acme.example: {components: [DATABASE]}
              lsv.acme.example: {components: [LISTSERV]}
            """)
    }

    func testSpacesInTheString() {
        // The caret stands on the first item with a space, here the space itself.
        let yaml = topology("\"ui.acme.example,1️⃣ trk.acme.example\"")
        assertFindings(AllowedClientsFormat.self, in: yaml, at: ["1️⃣"], hosts: ["ui.acme.example"])
        assertMessage(AllowedClientsFormat.self, in: yaml, contains: ["allowed_clients of 'ui.acme.example' contains spaces"])
        XCTAssertEqual(notes(AllowedClientsFormat.self, in: yaml), "write 'ui.acme.example,trk.acme.example'")
        // The items themselves are read without the spaces.
        assertNoFindings(MissingHost.self, in: yaml.text)
    }

    func testEmptyItemsInTheString() {
        // An empty item stands where its comma (or the closing quote) is.
        let yaml = topology("\"1️⃣,ui.acme.example,2️⃣,trk.acme.example,3️⃣\"")
        assertFindings(AllowedClientsFormat.self, in: yaml, at: ["1️⃣", "2️⃣", "3️⃣"])
        assertMessage(AllowedClientsFormat.self, in: yaml, contains: ["has an empty item"])
    }

    func testSpacesAroundAndInsideListItems() {
        let yaml = topology("[\"ui.acme.example\", 1️⃣\" trk.acme.example\", 2️⃣\"ui.acme.example trk.acme.example\"]")
        assertFindings(AllowedClientsFormat.self, in: yaml, at: ["1️⃣", "2️⃣"], hosts: ["ui.acme.example", "ui.acme.example"])
        assertMessage(AllowedClientsFormat.self, in: yaml, contains: ["item ' trk.acme.example' of allowed_clients"], index: 0)
        assertMessage(AllowedClientsFormat.self, in: yaml, contains: ["has spaces around it"], index: 0)
        assertMessage(AllowedClientsFormat.self, in: yaml, contains: ["item 'ui.acme.example trk.acme.example' of allowed_clients contains spaces"], index: 1)
    }

    func testEmptyListItem() {
        let yaml = topology("[ui.acme.example, trk.acme.example, 1️⃣\"\"]")
        assertFindings(AllowedClientsFormat.self, in: yaml, at: ["1️⃣"])
        assertMessage(AllowedClientsFormat.self, in: yaml, contains: ["has an empty item"])
    }

    func testHostsRunningNoMaestroComponent() {
        let yaml = topology("[ui.acme.example, trk.acme.example, 1️⃣db.acme.example, 2️⃣LSV.acme.example.]")
        assertFindings(AllowedClientsFormat.self, in: yaml, at: ["1️⃣", "2️⃣"])
        assertMessage(AllowedClientsFormat.self, in: yaml, contains: ["names 'db.acme.example', which runs no Maestro component"], index: 0)
        let string = topology("\"ui.acme.example,trk.acme.example,1️⃣lsv.acme.example\"")
        assertFindings(AllowedClientsFormat.self, in: string, at: ["1️⃣"])
    }

    // MARK: Names as the certificates have them

    func testCaseOrTrailingDotUnlikeTheCertificateName() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.corp.example:
                components: [LUI, HUB]
                ssl: {allowed_clients: [1️⃣UI.CORP.EXAMPLE, 2️⃣trk.corp.example., 3️⃣Trk.Corp.Example.]}
              trk.corp.example.:
                components: [TRK]
                ssl: {allowed_clients: "ui.corp.example,4️⃣trk.corp.example."}
              db.corp.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(AllowedClientsFormat.self, in: yaml, at: ["1️⃣", "2️⃣", "3️⃣", "4️⃣"])
        assertMessage(AllowedClientsFormat.self, in: yaml, contains: [
            "'UI.CORP.EXAMPLE' in allowed_clients of 'ui.corp.example' is not spelt like the certificate name 'ui.corp.example': it differs in letter case",
        ], index: 0)
        XCTAssertTrue(notes(AllowedClientsFormat.self, in: yaml, index: 0).hasPrefix("write 'ui.corp.example'"))
        // The certificate name is the host's name without its trailing dot.
        assertMessage(AllowedClientsFormat.self, in: yaml, contains: ["certificate name 'trk.corp.example': it has a trailing dot"], index: 1)
        XCTAssertTrue(notes(AllowedClientsFormat.self, in: yaml, index: 1).hasPrefix("write 'trk.corp.example'"))
        // Listed twice wins over the spelling: removing it fixes both.
        assertMessage(AllowedClientsFormat.self, in: yaml, contains: ["lists 'Trk.Corp.Example.' twice"], index: 2)
        XCTAssertEqual(notes(AllowedClientsFormat.self, in: yaml, index: 2), "first listed at column 46; remove one")
        assertMessage(AllowedClientsFormat.self, in: yaml, contains: ["it has a trailing dot"], index: 3)
        // One mistake, one finding: missing-host compares canonically.
        assertNoFindings(MissingHost.self, in: yaml.text)
    }

    func testAnAliasIsListedExactlyAsWritten() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                ssl: {allowed_clients: [ui.acme.example, Maestro.Acme.Example, 1️⃣maestro.acme.example]}
              trk.acme.example:
                components: [TRK]
                ssl:
                  aliases: [Maestro.Acme.Example]
                  allowed_clients: [ui.acme.example, 2️⃣MAESTRO.acme.example]
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(AllowedClientsFormat.self, in: yaml, at: ["1️⃣", "2️⃣"])
        assertMessage(AllowedClientsFormat.self, in: yaml, contains: ["lists 'maestro.acme.example' twice"], index: 0)
        assertMessage(AllowedClientsFormat.self, in: yaml, contains: ["certificate name 'Maestro.Acme.Example'"], index: 1)
    }

    func testNameListedTwiceInTheString() {
        let yaml = topology("\"ui.acme.example,trk.acme.example,1️⃣UI.acme.example\"")
        assertFindings(AllowedClientsFormat.self, in: yaml, at: ["1️⃣"])
        assertMessage(AllowedClientsFormat.self, in: yaml, contains: ["lists 'UI.acme.example' twice"])
        XCTAssertEqual(notes(AllowedClientsFormat.self, in: yaml), "first listed at column 29; remove one")
    }

    // MARK: Positions in the one-string form

    /// `allowed_clients` in block style, where a plain scalar may hold commas.
    private func blockTopology(_ allowedClients: String) -> MarkedYAML {
        MarkedYAML("""
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                ssl:
                  allowed_clients: \(allowedClients)
              trk.acme.example: {components: [TRK]}
              db.acme.example: {components: [DATABASE]}
              lsv.acme.example: {components: [LISTSERV]}
            """)
    }

    func testEachItemOfTheStringHasItsOwnColumn() {
        // Plain, single-quoted and double-quoted text that stands in the source as typed.
        for (open, close) in [("", ""), ("'", "'"), ("\"", "\"")] {
            let yaml = blockTopology("\(open)ui.acme.example,1️⃣db.acme.example,2️⃣TRK.acme.example\(close)")
            assertFindings(AllowedClientsFormat.self, in: yaml, at: ["1️⃣", "2️⃣"])
        }
        // Columns count characters, not bytes.
        let yaml = blockTopology("\"ui.acme.example,1️⃣ trk.acme.example\"  # ü")
        assertFindings(AllowedClientsFormat.self, in: yaml, at: ["1️⃣"])
    }

    func testItemsStandAtTheStringWhenColumnsAreUnknown() {
        // '' and escapes make the text shorter than the source; a string over
        // two lines has no single line. Every item then points at the string.
        let doubled = blockTopology("1️⃣'ui.acme.example,trk.acme.example,db.acme.example,it''s'")
        assertFindings(AllowedClientsFormat.self, in: doubled, at: ["1️⃣"])
        let escaped = blockTopology("1️⃣\"ui.acme.example,\\x74rk.acme.example,db.acme.example\"")
        assertFindings(AllowedClientsFormat.self, in: escaped, at: ["1️⃣"])
        assertNoFindings(MissingHost.self, in: escaped.text)
        let folded = MarkedYAML("""
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                ssl:
                  allowed_clients: 1️⃣"ui.acme.example,trk.acme.example,
                    db.acme.example"
              trk.acme.example: {components: [TRK]}
              db.acme.example: {components: [DATABASE]}
              lsv.acme.example: {components: [LISTSERV]}
            """)
        // The fold makes a space before 'db.acme.example'.
        assertFindings(AllowedClientsFormat.self, in: folded, at: ["1️⃣", "1️⃣"])
    }

    func testWellFormedListsAreAccepted() {
        assertNoFindings(AllowedClientsFormat.self, in: topology("\"ui.acme.example,trk.acme.example\"").text)
        assertNoFindings(AllowedClientsFormat.self, in: topology("[ui.acme.example, trk.acme.example]").text)
        assertNoFindings(AllowedClientsFormat.self, in: topology("'ui.acme.example,trk.acme.example'").text)
        assertNoFindings(AllowedClientsFormat.self, in: topology("ui.acme.example").text)
        XCTAssertEqual(check(blockTopology("ui.acme.example,trk.acme.example").text), [])
        XCTAssertEqual(check(topology("[ui.acme.example, trk.acme.example]").text), [])
        assertNoFindings(AllowedClientsFormat.self, in: cleanFourServer)
    }
}
