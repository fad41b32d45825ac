import MaestroTopo
import XCTest

final class SharedCertificateTests: XCTestCase {
    func testSameExplicitKeystore() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                ssl: {keystore: /etc/maestro/acme.jks}
              trk.acme.example:
                components: [TRK]
                ssl: {keystore: 1️⃣/etc/maestro/acme.jks}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings("shared-certificate", in: yaml, at: ["1️⃣"], hosts: ["trk.acme.example"])
        assertMessage("shared-certificate", in: yaml, contains: [
            "'trk.acme.example' uses the same keystore '/etc/maestro/acme.jks' as 'ui.acme.example'",
        ])
    }

    func testWindowsKeystoresCompareIgnoringCaseAndSeparator() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            defaults: {os: windows}
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                components: [LUI]
                ssl: {keystore: 'C:\\Maestro\\acme.jks'}
              hub.acme.example:
                components: [HUB]
                ssl: {keystore: 1️⃣'c:\\maestro\\ACME.jks'}
              trk.acme.example:
                components: [TRK]
                ssl: {keystore: 2️⃣'C:/Maestro/acme.jks'}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings("shared-certificate", in: yaml, at: ["1️⃣", "2️⃣"], hosts: ["hub.acme.example", "trk.acme.example"])
    }

    func testLinuxKeystoresAreCaseSensitive() {
        let yaml = """
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                ssl: {keystore: /etc/maestro/acme.jks}
              trk.acme.example:
                components: [TRK]
                ssl: {keystore: /etc/maestro/ACME.jks}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """
        assertNoFindings("shared-certificate", in: yaml)
        XCTAssertEqual(check(yaml), [])
    }

    func testAliasThatIsAnotherServersName() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                ssl: {aliases: [maestro.acme.example, 1️⃣TRK.acme.example]}
              trk.acme.example: {components: [TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings("shared-certificate", in: yaml, at: ["1️⃣"], hosts: ["ui.acme.example"])
        assertMessage("shared-certificate", in: yaml, contains: [
            "alias 'TRK.acme.example' of 'ui.acme.example' is already the name of 'trk.acme.example'",
        ])
    }

    func testAliasThatIsAnotherServersAlias() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                ssl: {aliases: [maestro.acme.example]}
              trk.acme.example:
                components: [TRK]
                ssl: {aliases: [1️⃣maestro.acme.example.]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings("shared-certificate", in: yaml, at: ["1️⃣"], hosts: ["trk.acme.example"])
        assertMessage("shared-certificate", in: yaml, contains: ["already the name of 'ui.acme.example'"])
    }

    func testOwnDerivedOrDistinctKeystoresAndOwnNameAsAlias() {
        // Derived keystores share an install folder but differ by host name;
        // an alias equal to the server's own name claims nothing new.
        let yaml = """
            version: 1
            installation: acme
            defaults: {install_folder: /opt/maestro}
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                ssl: {aliases: [UI.acme.example.]}
              trk.acme.example:
                components: [TRK]
                ssl: {keystore: /opt/maestro/keystore/trk.jks}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """
        assertNoFindings("shared-certificate", in: yaml)
        assertNoFindings("shared-certificate", in: cleanFourServer)
    }
}
