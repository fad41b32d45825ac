import Foundation
import MaestroTopo
import TopoCheck
import TopoTestSupport
import XCTest

/// What certificate.cmd cannot carry in a Windows host's values: reported
/// where it is written, so `validate` and `plan` catch what `bundle` would
/// refuse.
extension InvalidValueTests {
    func testCharactersCmdCannotCarryInAWindowsPath() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                os: windows
                install_folder: 1️⃣'C:\\A"B\\Maestro'
              trk.acme.example:
                components: [TRK]
                os: windows
                ssl: {keystore: 2️⃣'C:\\keys\\*.jks', trusted_root_keystore: 3️⃣'D:\\x"y\\cacerts'}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(InvalidValue.self, in: yaml, at: ["1️⃣", "2️⃣", "3️⃣"],
                       hosts: ["ui.acme.example", "trk.acme.example", "trk.acme.example"])
        assertMessage(InvalidValue.self, in: yaml, contains: [
            #"install_folder 'C:\A"B\Maestro' of Windows host 'ui.acme.example' holds a double quote ("), which no Windows path holds"#,
        ], index: 0)
        assertMessage(InvalidValue.self, in: yaml, contains: [#"keystore 'C:\keys\*.jks'"#, "holds an asterisk (*)"], index: 1)
        assertMessage(InvalidValue.self, in: yaml, contains: [#"trusted_root_keystore 'D:\x"y\cacerts'"#, "a double quote"], index: 2)
        XCTAssertEqual(notes(InvalidValue.self, in: yaml, index: 0),
                       "certificate.cmd passes every value in double quotes, so one inside a value would end it early; "
                           + "bundle refuses the host until the value is corrected")
        XCTAssertEqual(notes(InvalidValue.self, in: yaml, index: 1),
                       "certificate.cmd separates the values it passes to keytool with '*', so one inside a value would split it; "
                           + "bundle refuses the host until the value is corrected")
    }

    func testASharedWindowsValueIsReportedOnceWhereItIsWritten() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            defaults: {os: windows, install_folder: 1️⃣'C:\\Program Files\\"Maestro"'}
            component_ssl: {enabled: true, ca: 2️⃣'The "Acme" CA', keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              trk.acme.example: {components: [TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(InvalidValue.self, in: yaml, at: ["1️⃣", "2️⃣"], hosts: ["ui.acme.example", "ui.acme.example"])
        assertMessage(InvalidValue.self, in: yaml, contains: [#"ca 'The "Acme" CA'"#, "which certificate.cmd cannot carry"], index: 1)
    }

    func testWhatCmdCarriesIsAcceptedAndLinuxPathsAreNotItsConcern() {
        // `&`, `|`, `(`, `)`, `^`, `%`, `!` and spaces reach keytool exactly (WindowsScriptTests).
        assertNoFindings(InvalidValue.self, in: cleanFourServer(
            replacing: "components: [LUI, HUB]",
            with: "components: [LUI, HUB]\n    os: windows\n    install_folder: 'C:\\Program Files (x86)\\a&b|c^d%e!f'"))
        // A Linux path may hold both, and a CA name an asterisk.
        assertNoFindings(InvalidValue.self, in: cleanFourServer(
            replacing: "components: [LUI, HUB]",
            with: "components: [LUI, HUB]\n    install_folder: '/opt/\"maestro\"/*'\n    ssl: {ca: 'Acme * CA'}"))
        // Without SSL no certificate.cmd is written, so a CA name is no concern; a path still is.
        let plain = cleanFourServer(replacing: "  enabled: true\n", with: "  enabled: false\n")
            .replacingOccurrences(of: "ca: Acme CA", with: "ca: 'The \"Acme\" CA'")
            .replacingOccurrences(of: "components: [LUI, HUB]", with: "components: [LUI, HUB]\n    os: windows")
        assertNoFindings(InvalidValue.self, in: plain)
    }
}
