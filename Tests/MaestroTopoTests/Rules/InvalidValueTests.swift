import MaestroTopo
import TopoCheck
import TopoTestSupport
import XCTest

final class InvalidValueTests: XCTestCase {
    // MARK: Ports

    func testPortOutOfRange() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            defaults:
              internal_port: 1️⃣70000
            hosts:
              ui.acme.example: {components: [LUI, HUB, TRK], tracker_port: 2️⃣0}
              db.acme.example:
                components: [DATABASE, LISTSERV]
                database: {engine: mysql, port: 3️⃣-1}
            """)
        assertFindings(InvalidValue.self, in: yaml, at: ["1️⃣", "2️⃣", "3️⃣"], hosts: [nil, "ui.acme.example", "db.acme.example"])
        assertMessage(InvalidValue.self, in: yaml, contains: ["'internal_port' is 70000", "between 1 and 65535"], index: 0)
        assertMessage(InvalidValue.self, in: yaml, contains: ["'tracker_port' is 0"], index: 1)
        // '-1' is not a whole number of the format (no sign but '+').
        assertMessage(InvalidValue.self, in: yaml, contains: ["'port' takes a whole number, not '-1'"], index: 2)
    }

    func testQuotedPortIsText() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(
            of: "components: [TRK]", with: "components: [TRK]\n    http_port: 1️⃣\"8080\""))
        assertFindings(InvalidValue.self, in: yaml, at: ["1️⃣"], hosts: ["trk.acme.example"])
        assertMessage(InvalidValue.self, in: yaml, contains: ["'http_port' takes a whole number, not '8080'"])
    }

    func testPortBoundsAreAccepted() {
        let yaml = cleanFourServer.replacingOccurrences(
            of: "components: [TRK]", with: "components: [TRK]\n    http_port: 1\n    internal_port: 65535\n    tracker_port: +7000")
        assertNoFindings(InvalidValue.self, in: yaml)
    }

    // MARK: Components

    func testUnknownComponentSuggestsTheNearestName() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui.acme.example: {components: [1️⃣lui, HUB, 2️⃣TRAK]}
              db.acme.example: {components: [DATABASE, 3️⃣MAIL, LISTSERV]}
            """)
        assertFindings(InvalidValue.self, in: yaml, at: ["1️⃣", "2️⃣", "3️⃣"],
                       hosts: ["ui.acme.example", "ui.acme.example", "db.acme.example"])
        assertMessage(InvalidValue.self, in: yaml, contains: ["unknown component 'lui'; did you mean 'LUI'?"], index: 0)
        assertMessage(InvalidValue.self, in: yaml, contains: ["unknown component 'TRAK'; did you mean 'TRK'?"], index: 1)
        let far = findings(InvalidValue.self, in: yaml)[2].message
        XCTAssertEqual(far, "unknown component 'MAIL'")
        XCTAssertTrue(notes(InvalidValue.self, in: yaml).contains("one of: LUI, HUB, TRK, DATABASE, LISTSERV"))
    }

    func testOtherNamesOfComponentsSuggestTheirShortName() {
        let cases: [(String, String)] = [
            ("TRACKER", "TRK"), ("Tracker", "TRK"), ("Maestro Tracker", "TRK"),
            ("UI", "LUI"), ("User Interface", "LUI"), ("WEB", "LUI"),
            ("Hub", "HUB"), ("Administration Hub", "HUB"), ("ADMIN", "HUB"),
            ("DB", "DATABASE"), ("LSV", "LISTSERV"),
        ]
        for (name, suggestion) in cases {
            let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(of: "[LUI, HUB]", with: "[LUI, HUB, 1️⃣\(name)]"))
            assertFindings(InvalidValue.self, in: yaml, at: ["1️⃣"])
            assertMessage(InvalidValue.self, in: yaml, contains: ["unknown component '\(name)'; did you mean '\(suggestion)'?"])
        }
    }

    func testComponentsAsTextSuggestTheListForm() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(of: "components: [LUI, HUB]", with: "components: 1️⃣LUI, HUB"))
        assertFindings(InvalidValue.self, in: yaml, at: ["1️⃣"])
        assertMessage(InvalidValue.self, in: yaml, contains: ["'components' takes a list, not 'LUI, HUB'"])
        XCTAssertEqual(notes(InvalidValue.self, in: yaml), "write a list: components: [LUI, HUB]")
        // Names are spelt as the format wants them when that can be told.
        let loose = MarkedYAML(cleanFourServer.replacingOccurrences(of: "components: [LUI, HUB]", with: "components: lui Hub"))
        XCTAssertEqual(notes(InvalidValue.self, in: loose), "write a list: components: [LUI, HUB]")
        XCTAssertEqual(check(loose.text).map(\.rule), [InvalidValue.id])
    }

    func testComponentListedTwiceOnOneHost() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(of: "[LUI, HUB]", with: "[LUI, HUB, 1️⃣LUI]"))
        assertFindings(InvalidValue.self, in: yaml, at: ["1️⃣"], hosts: ["ui.acme.example"])
        assertMessage(InvalidValue.self, in: yaml, contains: ["LUI is listed twice on host 'ui.acme.example'"])
        assertNoFindings(DuplicateComponent.self, in: yaml.text)
    }

    func testHostWithoutComponents() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui.acme.example: {components: [LUI, HUB, TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
              1️⃣spare1.acme.example:
              2️⃣spare2.acme.example: {os: linux}
              spare3.acme.example: {components: 3️⃣[]}
              spare4.acme.example: {components: 4️⃣LUI}
            """)
        assertFindings(InvalidValue.self, in: yaml, at: ["1️⃣", "2️⃣", "3️⃣", "4️⃣"],
                       hosts: ["spare1.acme.example", "spare2.acme.example", "spare3.acme.example", "spare4.acme.example"])
        assertMessage(InvalidValue.self, in: yaml, contains: ["host 'spare1.acme.example' runs no components"], index: 0)
        assertMessage(InvalidValue.self, in: yaml, contains: ["runs no components"], index: 2)
        assertMessage(InvalidValue.self, in: yaml, contains: ["'components' takes a list, not 'LUI'"], index: 3)
    }

    // MARK: Closed sets

    func testUnknownOSEngineProfileAndTrackerDirection() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            profile: 1️⃣high_volume
            tracker_direction: 2️⃣sideways
            defaults: {os: 3️⃣solaris}
            hosts:
              ui.acme.example: {components: [LUI, HUB, TRK], os: 4️⃣Windows}
              db.acme.example:
                components: [DATABASE, LISTSERV]
                database: {engine: 5️⃣postgres}
            """)
        assertFindings(InvalidValue.self, in: yaml, at: ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣"],
                       hosts: [nil, nil, nil, "ui.acme.example", "db.acme.example"])
        assertMessage(InvalidValue.self, in: yaml, contains: ["unknown profile 'high_volume'; did you mean 'high-volume'?"], index: 0)
        assertMessage(InvalidValue.self, in: yaml, contains: ["unknown tracker direction 'sideways'"], index: 1)
        assertMessage(InvalidValue.self, in: yaml, contains: ["unknown operating system 'solaris'"], index: 2)
        assertMessage(InvalidValue.self, in: yaml, contains: ["did you mean 'windows'?"], index: 3)
        assertMessage(InvalidValue.self, in: yaml, contains: ["unknown database engine 'postgres'; did you mean 'postgresql'?"], index: 4)
    }

    // MARK: Booleans

    func testYesNoOnOffAreNotBooleans() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            component_ssl: {enabled: 1️⃣yes, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example: {components: [LUI, HUB], ssl: {enabled: 2️⃣on}}
              trk.acme.example: {components: [TRK], ssl: {enabled: 3️⃣"true"}}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(InvalidValue.self, in: yaml, at: ["1️⃣", "2️⃣", "3️⃣"], hosts: [nil, "ui.acme.example", "trk.acme.example"])
        assertMessage(InvalidValue.self, in: yaml, contains: ["'enabled' takes true or false, not 'yes'"], index: 0)
        XCTAssertEqual(notes(InvalidValue.self, in: yaml, index: 0), "YAML 1.2 reads yes/no/on/off as text; write true or false")
        XCTAssertEqual(notes(InvalidValue.self, in: yaml, index: 1), "YAML 1.2 reads yes/no/on/off as text; write true or false")
        // A quoted "true" is text, but not a yes/no word.
        XCTAssertEqual(notes(InvalidValue.self, in: yaml, index: 2), "")
    }

    func testTrueFalseSpellingsAreAccepted() {
        for spelling in ["true", "True", "TRUE"] {
            assertNoFindings(InvalidValue.self, in: cleanFourServer.replacingOccurrences(of: "enabled: true", with: "enabled: \(spelling)"))
        }
        for spelling in ["false", "False", "FALSE"] {
            assertNoFindings(InvalidValue.self, in: cleanFourServer.replacingOccurrences(of: "enabled: true", with: "enabled: \(spelling)"))
        }
    }

    // MARK: Password sources

    func testPasswordSourceProblems() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW, 1️⃣file: /root/pw}}
            hosts:
              ui.acme.example: {components: [LUI, HUB], ssl: {keystore_password: {env: 2️⃣1BAD}}}
              trk.acme.example: {components: [TRK], ssl: {keystore_password: 3️⃣{}}}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(InvalidValue.self, in: yaml, at: ["1️⃣", "2️⃣", "3️⃣"], hosts: [nil, "ui.acme.example", "trk.acme.example"])
        assertMessage(InvalidValue.self, in: yaml, contains: ["either 'env' or 'file', not both"], index: 0)
        assertMessage(InvalidValue.self, in: yaml, contains: ["'env' takes the name of an environment variable", "the value is not shown"], index: 1)
        assertMessage(InvalidValue.self, in: yaml, contains: ["'keystore_password' names no source"], index: 2)
    }

    func testPasswordSourceOfTheWrongKind() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(of: "{env: KS_PW}", with: "1️⃣[KS_PW]"))
        assertFindings(InvalidValue.self, in: yaml, at: ["1️⃣"])
        assertMessage(InvalidValue.self, in: yaml, contains: ["'keystore_password' takes a mapping, not a list"])
    }

    // MARK: Text values

    func testControlCharacterInText() {
        // A tab typed inside double quotes: no escape, so no talk of escapes.
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(
            of: "ca: Acme CA", with: "ca: 1️⃣\"Acme\tCA\""))
        assertFindings(InvalidValue.self, in: yaml, at: ["1️⃣"])
        assertMessage(InvalidValue.self, in: yaml, contains: ["'ca' contains a control character"])
    }

    func testMappingWhereTextIsExpectedAndComplexKey() {
        let yaml = MarkedYAML("""
            version: 1
            installation: 1️⃣{name: acme}
            ? 2️⃣[a, b]
            : c
            hosts:
              ui.acme.example: {components: [LUI, HUB, TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(InvalidValue.self, in: yaml, at: ["1️⃣", "2️⃣"])
        assertMessage(InvalidValue.self, in: yaml, contains: ["'installation' takes text, not a mapping"], index: 0)
        assertMessage(InvalidValue.self, in: yaml, contains: ["a key must be plain text, not a list"], index: 1)
    }

    // MARK: The document

    func testMissingVersionInstallationAndHosts() {
        let yaml = MarkedYAML("""
            # an almost empty topology
            1️⃣maestro_version: "6.0-1"
            """)
        assertFindings(InvalidValue.self, in: yaml, at: ["1️⃣", "1️⃣", "1️⃣"])
        let messages = findings(InvalidValue.self, in: yaml).map(\.message)
        XCTAssertEqual(messages, [
            "the topology has no 'version'; add it, e.g. 'version: 1'",
            "the topology has no 'installation'; add it, e.g. 'installation: acme-production'",
            "the topology has no 'hosts'; add it, e.g. 'hosts: {ui.example.com: {components: [LUI, HUB]}}'",
        ])
    }

    func testVersionTwo() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(of: "version: 1", with: "version: 1️⃣2"))
        assertFindings(InvalidValue.self, in: yaml, at: ["1️⃣"])
        assertMessage(InvalidValue.self, in: yaml, contains: ["format version 2 is not supported", "reads version 1"])
    }

    func testVersionAsTextOrDecimal() {
        for written in ["\"1\"", "1.0"] {
            let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(of: "version: 1", with: "version: 1️⃣\(written)"))
            assertFindings(InvalidValue.self, in: yaml, at: ["1️⃣"])
            assertMessage(InvalidValue.self, in: yaml, contains: ["'version' takes a whole number"])
        }
    }

    func testEmptyFile() {
        for text in ["", "\n", "# nothing yet\n\n"] {
            let found = findings(InvalidValue.self, in: text)
            XCTAssertEqual(found.map(\.location), [.start], "\(text.debugDescription): \(found)")
            XCTAssertEqual(found.first?.message, "the file holds no topology; start with 'version: 1' (maestro-topo init prints a starting point)")
        }
    }

    func testDocumentThatIsNotAMapping() {
        let list = MarkedYAML("""
            # hosts, one a line
            1️⃣- ui.acme.example
            - trk.acme.example
            """)
        assertFindings(InvalidValue.self, in: list, at: ["1️⃣"], hosts: [nil])
        assertMessage(InvalidValue.self, in: list, contains: ["a topology is a mapping", "the file holds a list"])
        let scalar = MarkedYAML("1️⃣just some text\n")
        assertFindings(InvalidValue.self, in: scalar, at: ["1️⃣"])
        assertMessage(InvalidValue.self, in: scalar, contains: ["the file holds 'just some text'"])
    }

    func testEmptyHosts() {
        let yaml = MarkedYAML("version: 1\ninstallation: acme\nhosts: 1️⃣{}\n")
        assertFindings(InvalidValue.self, in: yaml, at: ["1️⃣"])
        assertMessage(InvalidValue.self, in: yaml, contains: ["'hosts' is empty"])
    }

    func testCleanFilesHaveNoInvalidValue() {
        assertNoFindings(InvalidValue.self, in: cleanFourServer)
        let full = """
            version: 1
            installation: acme
            profile: high-volume
            tracker_direction: both
            defaults: {os: windows, install_folder: 'C:\\Maestro', internal_port: 1099, tracker_port: 7000, http_port: 80}
            component_ssl: {enabled: false}
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              trk.acme.example: {components: [TRK], os: linux, install_folder: /opt/maestro}
              db.acme.example: {components: [DATABASE], database: {engine: mssql, port: 1433}}
              lsv.acme.example: {components: [LISTSERV]}
            """
        assertNoFindings(InvalidValue.self, in: full)
        XCTAssertEqual(check(full), [])
    }
}

final class InvalidValueSecretTests: XCTestCase {
    func testEmptyFileOrEnvironmentNameIsRejectedOnce() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(
            of: "keystore_password: {env: KS_PW}", with: "keystore_password: {file: 1️⃣\"\"}"))
        assertFindings(InvalidValue.self, in: yaml, at: ["1️⃣"])
        XCTAssertTrue(findings(InvalidValue.self, in: yaml).first?.message.contains("path of a file") ?? false)
    }
}
