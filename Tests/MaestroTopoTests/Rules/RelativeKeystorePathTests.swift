import MaestroTopo
import TopoCheck
import TopoTestSupport
import XCTest

final class RelativeKeystorePathTests: XCTestCase {
    func testRelativeKeystoreOnLinux() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(
            of: "components: [LUI, HUB]", with: "components: [LUI, HUB]\n    ssl: {keystore: 1️⃣keystore/ui.jks}"))
        assertFindings(RelativeKeystorePath.self, in: yaml, at: ["1️⃣"], hosts: ["ui.acme.example"])
        assertMessage(RelativeKeystorePath.self, in: yaml, contains: ["keystore 'keystore/ui.jks' of 'ui.acme.example' is not an absolute linux path"])
        XCTAssertTrue(notes(RelativeKeystorePath.self, in: yaml).contains("starts with '/'"))
    }

    func testWindowsPathOnALinuxHostAndLinuxPathOnAWindowsHost() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                ssl: {keystore: 1️⃣'C:\\Maestro\\ui.jks'}
              trk.acme.example:
                components: [TRK]
                os: windows
                ssl: {keystore: 2️⃣/opt/maestro/trk.jks}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(RelativeKeystorePath.self, in: yaml, at: ["1️⃣", "2️⃣"], hosts: ["ui.acme.example", "trk.acme.example"])
        assertMessage(RelativeKeystorePath.self, in: yaml, contains: ["not an absolute windows path"], index: 1)
        XCTAssertTrue(notes(RelativeKeystorePath.self, in: yaml, index: 1).contains("starts with a drive"))
    }

    func testRelativeTrustedRootKeystoreFromComponentSSLAndHost() {
        let yaml = MarkedYAML(cleanFourServer
            .replacingOccurrences(of: "enabled: true", with: "enabled: true\n  trusted_root_keystore: 1️⃣jre/cacerts")
            .replacingOccurrences(of: "components: [TRK]", with: "components: [TRK]\n    ssl: {trusted_root_keystore: 2️⃣cacerts}"))
        assertFindings(RelativeKeystorePath.self, in: yaml, at: ["1️⃣", "2️⃣"], hosts: ["ui.acme.example", "trk.acme.example"])
        assertMessage(RelativeKeystorePath.self, in: yaml, contains: ["trusted_root_keystore 'cacerts' of 'trk.acme.example' is not an absolute linux path"], index: 1)
    }

    func testAbsoluteTrustedRootKeystoreIsFine() {
        let yaml = cleanFourServer.replacingOccurrences(
            of: "enabled: true", with: "enabled: true\n  trusted_root_keystore: /usr/lib/jvm/java-8/jre/lib/security/cacerts")
        assertNoFindings(RelativeKeystorePath.self, in: yaml)
    }

    func testDriveRelativeWindowsPath() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(
            of: "components: [TRK]", with: "components: [TRK]\n    os: windows\n    ssl: {keystore: 1️⃣'C:keystore\\trk.jks'}"))
        assertFindings(RelativeKeystorePath.self, in: yaml, at: ["1️⃣"], hosts: ["trk.acme.example"])
    }

    func testRelativeInstallFolderEvenWithSSLOff() {
        let yaml = MarkedYAML(cleanFourServer
            .replacingOccurrences(of: "enabled: true", with: "enabled: false")
            .replacingOccurrences(of: "components: [TRK]", with: "components: [TRK]\n    install_folder: 1️⃣maestro"))
        assertFindings(RelativeKeystorePath.self, in: yaml, at: ["1️⃣"], hosts: ["trk.acme.example"])
        assertMessage(RelativeKeystorePath.self, in: yaml, contains: ["install folder 'maestro' of 'trk.acme.example' is not an absolute linux path"])
    }

    func testInheritedRelativeInstallFolderPointsAtDefaultsOncePerServer() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            defaults:
              install_folder: 1️⃣lsoft/maestro
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              trk.acme.example: {components: [TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        // The database/LISTSERV host gets no keystore and is not reported.
        assertFindings(RelativeKeystorePath.self, in: yaml, at: ["1️⃣", "1️⃣"], hosts: ["ui.acme.example", "trk.acme.example"])
    }

    func testEmptyInstallFolder() {
        // An empty install folder would put ssl.ini at /commands/ssl.ini.
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(
            of: "components: [TRK]", with: "components: [TRK]\n    install_folder: 1️⃣\"\""))
        assertFindings(RelativeKeystorePath.self, in: yaml, at: ["1️⃣"], hosts: ["trk.acme.example"])
        assertMessage(RelativeKeystorePath.self, in: yaml, contains: ["install folder of 'trk.acme.example' is empty"])
    }

    func testAbsolutePathsAreAccepted() {
        let yaml = """
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                components: [LUI]
                os: windows
                install_folder: 'D:\\L-Soft\\Maestro'
                ssl: {keystore: 'C:/Maestro/keystore/ui.jks'}
              hub.acme.example:
                components: [HUB]
                os: windows
                ssl: {keystore: '\\\\fileserver\\keys\\hub.jks'}
              trk.acme.example:
                components: [TRK]
                install_folder: /srv/maestro
                ssl: {keystore: /etc/maestro/trk.jks}
              db.acme.example: {components: [DATABASE, LISTSERV], install_folder: relative/is/fine/here}
            """
        assertNoFindings(RelativeKeystorePath.self, in: yaml)
        XCTAssertEqual(check(yaml), [])
        assertNoFindings(RelativeKeystorePath.self, in: cleanFourServer)
    }
}
