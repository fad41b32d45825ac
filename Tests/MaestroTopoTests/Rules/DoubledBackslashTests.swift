import MaestroTopo
import TopoCheck
import TopoTestSupport
import XCTest

final class DoubledBackslashTests: XCTestCase {
    private func windows(_ lines: String) -> MarkedYAML {
        MarkedYAML("""
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                os: windows
            \(lines)
              trk.acme.example: {components: [TRK], os: windows}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
    }

    func testSingleQuotedKeystoreWithDoubledBackslashes() {
        let yaml = windows(#"    ssl: {keystore: 1️⃣'D:\\Certs\\ui.jks'}"#)
        assertFindings(DoubledBackslash.self, in: yaml, at: ["1️⃣"], hosts: ["ui.acme.example"])
        assertMessage(DoubledBackslash.self, in: yaml, contains: [#"keystore 'D:\\Certs\\ui.jks' has doubled backslashes"#])
        XCTAssertEqual(notes(DoubledBackslash.self, in: yaml), #"write each backslash once: keystore: 'D:\Certs\ui.jks'"#)
        XCTAssertEqual(findings(DoubledBackslash.self, in: yaml).first?.severity, .warning)
    }

    func testPlainInstallFolderAndTrustedRootKeystore() {
        let yaml = windows(#"""
                install_folder: 1️⃣C:\\Maestro
                ssl: {trusted_root_keystore: 2️⃣'\\\\fs\\certs\\cacerts'}
            """#)
        assertFindings(DoubledBackslash.self, in: yaml, at: ["1️⃣", "2️⃣"])
        // A doubled network path keeps its two leading backslashes.
        XCTAssertEqual(notes(DoubledBackslash.self, in: yaml, index: 1),
                       #"write each backslash once: trusted_root_keystore: '\\fs\certs\cacerts'"#)
    }

    func testInheritedValueIsReportedOnceWhereItIsWritten() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            defaults: {os: windows, install_folder: 1️⃣'C:\\\\Maestro'}
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}, trusted_root_keystore: 2️⃣'C:\\\\Java\\\\cacerts'}
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              trk.acme.example: {components: [TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(DoubledBackslash.self, in: yaml, at: ["1️⃣", "2️⃣"], hosts: [nil, nil])
    }

    func testSingleBackslashesNetworkPathsAndDoubleQuotesAreFine() {
        // A leading '\\' opens a network path; "\\" in double quotes is one backslash.
        let fine = windows(#"""
                install_folder: "C:\\Program Files\\Maestro"
                ssl: {keystore: '\\fs\certs\ui.jks', trusted_root_keystore: 'C:\Java\lib\security\cacerts'}
            """#)
        assertNoFindings(DoubledBackslash.self, in: fine.text)
        XCTAssertEqual(check(fine.text), [])
        assertNoFindings(DoubledBackslash.self, in: cleanFourServer)
        // External hosts have no ssl.ini; only Maestro servers are checked.
        let external = cleanFourServer.replacingOccurrences(
            of: "components: [LISTSERV]", with: #"components: [LISTSERV]\#n    install_folder: 'C:\\LSV'"#)
        assertNoFindings(DoubledBackslash.self, in: external)
    }
}
