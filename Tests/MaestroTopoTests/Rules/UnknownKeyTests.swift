@testable import TopoSource
@testable import TopoYAML
@testable import TopoModel
@testable import TopoCheck
@testable import TopoPlan
@testable import TopoRender
@testable import TopoBundle
@testable import TopoSystem
@testable import MaestroTopo
import TopoTestSupport
import XCTest

final class UnknownKeyTests: XCTestCase {
    func testTypoInComponentSSLSuggestsEnabled() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            component_ssl:
              1️⃣enable: true
              ca: Acme CA
              keystore_password: {env: KS_PW}
            hosts:
              ui.acme.example: {components: [LUI, HUB, TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(UnknownKey.self, in: yaml, at: ["1️⃣"], hosts: [nil])
        assertMessage(UnknownKey.self, in: yaml, contains: ["unknown key 'enable' in component_ssl", "did you mean 'enabled'?"])
        XCTAssertEqual(notes(UnknownKey.self, in: yaml), "allowed here: enabled, ca, keystore_password, trusted_root_keystore")
    }

    func testTypoAtTheTopLevel() {
        let yaml = MarkedYAML("""
            version: 1
            1️⃣instalation: acme
            hosts:
              ui.acme.example: {components: [LUI, HUB, TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(UnknownKey.self, in: yaml, at: ["1️⃣"])
        assertMessage(UnknownKey.self, in: yaml, contains: ["in the top level", "did you mean 'installation'?"])
        // The misspelt key does not count as the required one.
        XCTAssertTrue(findings(InvalidValue.self, in: yaml).contains { $0.message.contains("no 'installation'") })
    }

    func testTypoInAHostNamesTheHost() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui.acme.example:
                components: [LUI, HUB, TRK]
                1️⃣instal_folder: /opt/maestro
                ssl: {2️⃣keystore_pasword: {env: KS_PW}}
                database: {3️⃣engin: mysql}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(UnknownKey.self, in: yaml, at: ["1️⃣", "2️⃣", "3️⃣"],
                       hosts: ["ui.acme.example", "ui.acme.example", "ui.acme.example"])
        assertMessage(UnknownKey.self, in: yaml, contains: ["in a host", "did you mean 'install_folder'?"], index: 0)
        assertMessage(UnknownKey.self, in: yaml, contains: ["in ssl", "did you mean 'keystore_password'?"], index: 1)
        assertMessage(UnknownKey.self, in: yaml, contains: ["in database", "did you mean 'engine'?"], index: 2)
    }

    func testNearMissesOfThePortKeys() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            defaults:
              1️⃣Ports: 80
            hosts:
              ui.acme.example:
                components: [LUI, HUB, TRK]
                2️⃣prot: 8080
                3️⃣internal_prot: 1099
                4️⃣trakcer_port: 7000
              db.acme.example:
                components: [DATABASE, LISTSERV]
                database: {5️⃣prot: 5432}
            """)
        assertFindings(UnknownKey.self, in: yaml, at: ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣"])
        let allThree = "did you mean 'internal_port', 'tracker_port' or 'http_port'?"
        assertMessage(UnknownKey.self, in: yaml, contains: ["unknown key 'Ports' in defaults; " + allThree], index: 0)
        assertMessage(UnknownKey.self, in: yaml, contains: ["unknown key 'prot' in a host; " + allThree], index: 1)
        assertMessage(UnknownKey.self, in: yaml, contains: ["did you mean 'internal_port'?"], index: 2)
        assertMessage(UnknownKey.self, in: yaml, contains: ["did you mean 'tracker_port'?"], index: 3)
        // A swap of two letters is one slip: 'prot' is next to 'port'.
        assertMessage(UnknownKey.self, in: yaml, contains: ["unknown key 'prot' in database; did you mean 'port'?"], index: 4)
    }

    func testTranspositionCountsAsOneEdit() {
        XCTAssertEqual(Suggestion.editDistance("prot", "port"), 1)
        XCTAssertEqual(Suggestion.editDistance("trakcer_port", "tracker_port"), 1)
        XCTAssertEqual(Suggestion.editDistance("abc", "ca"), 3)  // optimal string alignment, not Damerau
        XCTAssertEqual(Suggestion.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(Suggestion.editDistance("", "port"), 4)
    }

    func testHostKeyThatDefaultsDoNotTake() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            defaults:
              1️⃣components: [LISTSERV]
              2️⃣ssl: {enabled: false}
            hosts:
              ui.acme.example: {components: [LUI, HUB, TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(UnknownKey.self, in: yaml, at: ["1️⃣", "2️⃣"])
        XCTAssertTrue(notes(UnknownKey.self, in: yaml).contains("os, install_folder, internal_port, tracker_port, http_port"))
    }

    func testUnknownKeyInAPasswordSource() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(
            of: "{env: KS_PW}", with: "{env: KS_PW, 1️⃣path: /root/pw}"))
        assertFindings(UnknownKey.self, in: yaml, at: ["1️⃣"])
        assertMessage(UnknownKey.self, in: yaml, contains: ["an unknown key in keystore_password (not shown, as it may be the password)"])
    }

    func testFarFromAnyKnownKeyHasNoSuggestion() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(
            of: "installation: acme\n", with: "installation: acme\n1️⃣colour: blue\n"))
        assertFindings(UnknownKey.self, in: yaml, at: ["1️⃣"])
        let message = findings(UnknownKey.self, in: yaml).first?.message ?? ""
        XCTAssertEqual(message, "unknown key 'colour' in the top level")
        XCTAssertFalse(message.contains("did you mean"))
    }

    func testEveryKnownKeyIsAccepted() {
        // Every key of format version 1, once; host names are never unknown keys.
        let yaml = """
            version: 1
            installation: acme
            maestro_version: "6.0-1"
            profile: standard
            tracker_direction: lui-to-trk
            defaults:
              os: linux
              install_folder: /opt/lsoft/maestro
              internal_port: 1099
              tracker_port: 7000
              http_port: 80
            component_ssl:
              enabled: true
              ca: Acme CA
              keystore_password: {file: /root/ks.pw}
            hosts:
              ui.acme.example:
                components: [LUI, HUB]
                os: linux
                install_folder: /opt/maestro
                internal_port: 1099
                tracker_port: 7000
                http_port: 8080
                ssl:
                  enabled: true
                  keystore: /opt/maestro/ui.jks
                  keystore_password: {env: UI_PW}
                  ca: Acme CA
                  allowed_clients: [ui.acme.example, trk.acme.example]
                  aliases: []
              trk.acme.example: {components: [TRK]}
              db.acme.example:
                components: [DATABASE]
                database: {engine: postgresql, port: 5433}
              version: {components: [LISTSERV]}
            """
        assertNoFindings(UnknownKey.self, in: yaml)
        XCTAssertEqual(check(yaml), [])
    }
}
