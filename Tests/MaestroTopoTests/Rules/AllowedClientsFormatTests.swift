import MaestroTopo
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
        let yaml = topology("1️⃣\"ui.acme.example, trk.acme.example\"")
        assertFindings("allowed-clients-format", in: yaml, at: ["1️⃣"], hosts: ["ui.acme.example"])
        assertMessage("allowed-clients-format", in: yaml, contains: ["allowed_clients of 'ui.acme.example' contains spaces"])
        XCTAssertEqual(notes("allowed-clients-format", in: yaml), "write 'ui.acme.example,trk.acme.example'")
        // The items themselves are read without the spaces.
        assertNoFindings("missing-host", in: yaml.text)
    }

    func testEmptyItemsInTheString() {
        let yaml = topology("1️⃣\",ui.acme.example,,trk.acme.example\"")
        assertFindings("allowed-clients-format", in: yaml, at: ["1️⃣", "1️⃣"])
        assertMessage("allowed-clients-format", in: yaml, contains: ["has an empty item"])
    }

    func testSpacesAroundAndInsideListItems() {
        let yaml = topology("[\"ui.acme.example\", 1️⃣\" trk.acme.example\", 2️⃣\"ui.acme.example trk.acme.example\"]")
        assertFindings("allowed-clients-format", in: yaml, at: ["1️⃣", "2️⃣"], hosts: ["ui.acme.example", "ui.acme.example"])
        assertMessage("allowed-clients-format", in: yaml, contains: ["item ' trk.acme.example' of allowed_clients"], index: 0)
        assertMessage("allowed-clients-format", in: yaml, contains: ["has spaces around it"], index: 0)
        assertMessage("allowed-clients-format", in: yaml, contains: ["item 'ui.acme.example trk.acme.example' of allowed_clients contains spaces"], index: 1)
    }

    func testEmptyListItem() {
        let yaml = topology("[ui.acme.example, trk.acme.example, 1️⃣\"\"]")
        assertFindings("allowed-clients-format", in: yaml, at: ["1️⃣"])
        assertMessage("allowed-clients-format", in: yaml, contains: ["has an empty item"])
    }

    func testHostsRunningNoMaestroComponent() {
        let yaml = topology("[ui.acme.example, trk.acme.example, 1️⃣db.acme.example, 2️⃣LSV.acme.example.]")
        assertFindings("allowed-clients-format", in: yaml, at: ["1️⃣", "2️⃣"])
        assertMessage("allowed-clients-format", in: yaml, contains: ["names 'db.acme.example', which runs no Maestro component"], index: 0)
        let string = topology("1️⃣\"ui.acme.example,trk.acme.example,lsv.acme.example\"")
        assertFindings("allowed-clients-format", in: string, at: ["1️⃣"])
    }

    func testWellFormedListsAreAccepted() {
        assertNoFindings("allowed-clients-format", in: topology("\"ui.acme.example,trk.acme.example\"").text)
        assertNoFindings("allowed-clients-format", in: topology("[ui.acme.example, trk.acme.example]").text)
        assertNoFindings("allowed-clients-format", in: topology("\"UI.acme.example.,trk.acme.example\"").text)
        XCTAssertEqual(check(topology("[ui.acme.example, trk.acme.example]").text), [])
        assertNoFindings("allowed-clients-format", in: cleanFourServer)
    }
}
