import TopoSource
import TopoTestSupport
import XCTest

/// Passwords masked in the lines a finding prints, and everything else on
/// those lines left readable (HostileInputCLITests: hostile input through
/// the real binary).
final class HostileInputTests: XCTestCase {
    func testValidSourcesStayReadableBesideMaskedForms() throws {
        let yaml = """
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                ssl:
                  keystore_password:
                    file: /etc/maestro/pw   # owner only
              trk.acme.example: {ssl: {keystore_password: {'file': '/etc/pw'}}}
              lsv.acme.example: {ssl: {keystore_password: {env: KS_PW, S3cr3tX}}}
              "passport.acme.example": {components: [LISTSERV]}
              db.acme.example:
                ssl:
                  keystore_password:
                    S3cr3tY: x
                  ca: After CA
            """
        let source = SourceFile(path: "t.yaml", bytes: Array(yaml.utf8))
        let index = source.lineIndex()
        func shown(_ line: Int) -> String { source.displayLine(line, column: 1, index: index)?.text ?? "<none>" }
        // The text alone, without the loader's spans: what libyaml never reached.
        XCTAssertEqual(shown(1), "component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}")
        XCTAssertEqual(shown(6), "        file: /etc/maestro/pw   # owner only")
        XCTAssertEqual(shown(7), "  trk.acme.example: {ssl: {keystore_password: {'file': '/etc/pw'}}}")
        XCTAssertEqual(shown(8), "  lsv.acme.example: {ssl: {keystore_password: ********}}")
        XCTAssertEqual(shown(9), "  \"passport.acme.example\": {components: [LISTSERV]}")
        XCTAssertEqual(shown(13), "        ********")
        XCTAssertEqual(shown(14), "      ca: After CA")
        // Exactly one source, and nothing after it on its line.
        let more = SourceFile(path: "u.yaml", bytes: Array("""
            a: {keystore_password: {env: KS_PW, env: S3cr3tW}}
            b: {keystore_password: {env: KS_PW}, ca: X}   # a comment
            c:
              keystore_password: {env: KS_PW}S3cr3tV
            d:
              keystore_password:
                env: KS_PW
                file: S3cr3tU
            """.utf8))
        let moreIndex = more.lineIndex()
        func shownMore(_ line: Int) -> String { more.displayLine(line, column: 1, index: moreIndex)?.text ?? "<none>" }
        XCTAssertEqual(shownMore(1), "a: {keystore_password: ********}")
        XCTAssertEqual(shownMore(2), "b: {keystore_password: {env: KS_PW}, ca: X}   # a comment")
        XCTAssertEqual(shownMore(4), "  keystore_password: ********")
        XCTAssertEqual(shownMore(7), "    ********")
        XCTAssertEqual(shownMore(8), "********")
    }

    func testPasswordMaskingLeavesEverythingElseReadable() throws {
        let yaml = """
            component_ssl: {enabled: true, ca: Pass CA, keystore_password: {env: KS_PW}}
            hosts:
              ui.acme.example:
                ssl:
                  keystore: /opt/pass/ui.jks
                  keystore_password:
                    file: /etc/maestro/pw
              trk.acme.example: {ssl: {keystore_password: HUNTER2, ca: X}}
              lsv.acme.example:
                ssl:
                  "keystore_password" : 'it''s HUNTER2' # comment
                  ca: After CA
            """
        let source = SourceFile(path: "t.yaml", bytes: Array(yaml.utf8))
        let index = source.lineIndex()
        func shown(_ line: Int) -> String { source.displayLine(line, column: 1, index: index)?.text ?? "<none>" }
        XCTAssertEqual(shown(1), "component_ssl: {enabled: true, ca: Pass CA, keystore_password: {env: KS_PW}}")
        XCTAssertEqual(shown(5), "      keystore: /opt/pass/ui.jks")
        XCTAssertEqual(shown(6), "      keystore_password:")
        XCTAssertEqual(shown(7), "        file: /etc/maestro/pw")
        XCTAssertEqual(shown(8), "  trk.acme.example: {ssl: {keystore_password: ********")
        XCTAssertEqual(shown(11), #"      "keystore_password" : ******** # comment"#)
        XCTAssertEqual(shown(12), "      ca: After CA")
        // The caret follows the text it pointed at.
        XCTAssertEqual(source.displayLine(11, column: 45, index: index)?.column, 38)
        XCTAssertEqual(source.displayLine(11, column: 33, index: index)?.column, 29, "inside the password: its start")
    }
}
