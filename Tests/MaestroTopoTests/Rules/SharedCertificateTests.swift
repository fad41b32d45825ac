import MaestroTopo
import TopoCheck
import TopoTestSupport
import XCTest

final class SharedCertificateTests: XCTestCase {
    func testSameNetworkKeystore() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            defaults: {os: windows}
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                ssl: {keystore: '\\\\fs.acme.example\\certs\\acme.jks'}
              trk.acme.example:
                components: [TRK]
                ssl: {keystore: 1️⃣'\\\\fs.acme.example\\certs\\acme.jks'}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(SharedCertificate.self, in: yaml, at: ["1️⃣"], hosts: ["trk.acme.example"])
        assertMessage(SharedCertificate.self, in: yaml, contains: [
            #"'trk.acme.example' uses the same keystore '\\fs.acme.example\certs\acme.jks' as 'ui.acme.example'"#,
        ])
    }

    func testNetworkKeystoresCompareIgnoringCaseAndSeparator() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            defaults: {os: windows}
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                components: [LUI]
                ssl: {keystore: '\\\\fs\\Certs\\acme.jks'}
              hub.acme.example:
                components: [HUB]
                ssl: {keystore: 1️⃣'\\\\FS\\certs\\ACME.jks'}
              trk.acme.example:
                components: [TRK]
                ssl: {keystore: 2️⃣'//fs/Certs/acme.jks'}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(SharedCertificate.self, in: yaml, at: ["1️⃣", "2️⃣"], hosts: ["hub.acme.example", "trk.acme.example"])
    }

    func testSameLocalPathOnTwoHostsIsTwoFiles() {
        // A uniform keystore path is common practice: one file on each machine.
        let linux = """
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                ssl: {keystore: /etc/maestro/server.jks}
              trk.acme.example:
                components: [TRK]
                ssl: {keystore: /etc/maestro/server.jks}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """
        assertNoFindings(SharedCertificate.self, in: linux)
        XCTAssertEqual(check(linux), [])
        let windows = linux
            .replacingOccurrences(of: "installation: acme\n", with: "installation: acme\ndefaults: {os: windows}\n")
            .replacingOccurrences(of: "{keystore: /etc/maestro/server.jks}\n  trk", with: "{keystore: 'D:\\Certs\\server.jks'}\n  trk")
            .replacingOccurrences(of: "{keystore: /etc/maestro/server.jks}", with: "{keystore: 'd:/certs/SERVER.jks'}")
        XCTAssertTrue(windows.contains("os: windows") && windows.contains("SERVER"), windows)
        assertNoFindings(SharedCertificate.self, in: windows)
        // On Linux '//x/y' is the local '/x/y', not a share.
        assertNoFindings(SharedCertificate.self, in: linux.replacingOccurrences(of: "/etc/maestro", with: "//fs/maestro"))
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
        assertFindings(SharedCertificate.self, in: yaml, at: ["1️⃣"], hosts: ["ui.acme.example"])
        assertMessage(SharedCertificate.self, in: yaml, contains: [
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
        assertFindings(SharedCertificate.self, in: yaml, at: ["1️⃣"], hosts: ["trk.acme.example"])
        assertMessage(SharedCertificate.self, in: yaml, contains: ["already the name of 'ui.acme.example'"])
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
        assertNoFindings(SharedCertificate.self, in: yaml)
        assertNoFindings(SharedCertificate.self, in: cleanFourServer)
    }
}
