import MaestroTopo
import TopoCheck
import TopoTestSupport
import XCTest

final class HostAliasesTests: XCTestCase {
    func testServerWithAliases() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(
            of: "components: [LUI, HUB]",
            with: "components: [LUI, HUB]\n    ssl:\n      aliases: 1️⃣[maestro.acme.example, lui.acme.example]"))
        assertFindings(HostAliases.self, in: yaml, at: ["1️⃣"], hosts: ["ui.acme.example"])
        assertMessage(HostAliases.self, in: yaml, contains: [
            "'ui.acme.example' is also known as 'maestro.acme.example' and 'lui.acme.example'",
        ])
        XCTAssertEqual(findings(HostAliases.self, in: yaml).first?.severity, .warning)
        XCTAssertTrue(notes(HostAliases.self, in: yaml).contains("the vendor does not describe this set-up"))
    }

    func testBlockListPointsAtItsFirstDash() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(
            of: "components: [TRK]",
            with: "components: [TRK]\n    ssl:\n      aliases:\n        1️⃣- tracker.acme.example"))
        assertFindings(HostAliases.self, in: yaml, at: ["1️⃣"], hosts: ["trk.acme.example"])
    }

    func testEmptyOrAbsentAliasesAreNotWarned() {
        let yaml = cleanFourServer.replacingOccurrences(
            of: "components: [LUI, HUB]", with: "components: [LUI, HUB]\n    ssl: {aliases: []}")
        assertNoFindings(HostAliases.self, in: yaml)
        XCTAssertEqual(check(yaml), [])
        assertNoFindings(HostAliases.self, in: cleanFourServer)
    }

    func testAliasesOnANonMaestroHostAreMisplacedNotAliases() {
        let yaml = cleanFourServer.replacingOccurrences(
            of: "components: [LISTSERV]", with: "components: [LISTSERV]\n    ssl: {aliases: [mail.acme.example]}")
        assertNoFindings(HostAliases.self, in: yaml)
        XCTAssertEqual(findings(MisplacedSetting.self, in: yaml).count, 1)
    }
}
