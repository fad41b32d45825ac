import MaestroTopo
import XCTest

final class HostAliasesTests: XCTestCase {
    func testServerWithAliases() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(
            of: "components: [LUI, HUB]",
            with: "components: [LUI, HUB]\n    ssl:\n      aliases: 1️⃣[maestro.acme.example, lui.acme.example]"))
        assertFindings("host-aliases", in: yaml, at: ["1️⃣"], hosts: ["ui.acme.example"])
        assertMessage("host-aliases", in: yaml, contains: [
            "'ui.acme.example' is also known as 'maestro.acme.example' and 'lui.acme.example'",
        ])
        XCTAssertEqual(findings("host-aliases", in: yaml).first?.severity, .warning)
        XCTAssertTrue(notes("host-aliases", in: yaml).contains("the vendor does not describe this set-up"))
    }

    func testBlockListPointsAtItsFirstDash() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(
            of: "components: [TRK]",
            with: "components: [TRK]\n    ssl:\n      aliases:\n        1️⃣- tracker.acme.example"))
        assertFindings("host-aliases", in: yaml, at: ["1️⃣"], hosts: ["trk.acme.example"])
    }

    func testEmptyOrAbsentAliasesAreNotWarned() {
        let yaml = cleanFourServer.replacingOccurrences(
            of: "components: [LUI, HUB]", with: "components: [LUI, HUB]\n    ssl: {aliases: []}")
        assertNoFindings("host-aliases", in: yaml)
        XCTAssertEqual(check(yaml), [])
        assertNoFindings("host-aliases", in: cleanFourServer)
    }

    func testAliasesOnANonMaestroHostAreMisplacedNotAliases() {
        let yaml = cleanFourServer.replacingOccurrences(
            of: "components: [LISTSERV]", with: "components: [LISTSERV]\n    ssl: {aliases: [mail.acme.example]}")
        assertNoFindings("host-aliases", in: yaml)
        XCTAssertEqual(findings("misplaced-setting", in: yaml).count, 1)
    }
}
