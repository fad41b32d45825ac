import MaestroTopo
import TopoCheck
import TopoTestSupport
import XCTest

/// Text whose control character came from an escape typed in double
/// quotes, most often a Windows path (`"E:\newkeys"`).
extension InvalidValueTests {
    func testEscapeInDoubleQuotesIsNamed() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(
            of: "ca: Acme CA", with: #"ca: 1️⃣"Acme\nCA""#))
        assertFindings(InvalidValue.self, in: yaml, at: ["1️⃣"])
        assertMessage(InvalidValue.self, in: yaml, contains: [#"'ca' holds a line break: in double quotes '\n' is an escape"#])
    }

    func testWindowsPathInDoubleQuotes() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(
            of: "components: [LUI, HUB]\n", with: "components: [LUI, HUB]\n    os: windows\n    ssl: {keystore: 1️⃣\"E:\\newkeys\\trk.jks\"}\n"))
        assertFindings(InvalidValue.self, in: yaml, at: ["1️⃣"])
        assertMessage(InvalidValue.self, in: yaml, contains: [#"'keystore' holds a line break: in double quotes '\n' is an escape"#])
        XCTAssertEqual(notes(InvalidValue.self, in: yaml),
                       #"in double quotes a backslash starts an escape; write Windows paths in single quotes: 'E:\newkeys\trk.jks'"#)
        // '\\' was meant as one backslash, a ' is doubled; '\L' makes a line break too.
        let mixed = MarkedYAML(cleanFourServer.replacingOccurrences(
            of: "ca: Acme CA", with: #"ca: "C:\\Acme's\Logs""#))
        XCTAssertEqual(notes(InvalidValue.self, in: mixed),
                       #"in double quotes a backslash starts an escape; write Windows paths in single quotes: 'C:\Acme''s\Logs'"#)
        // Over two lines the typed text is not quoted back.
        let folded = MarkedYAML(cleanFourServer.replacingOccurrences(
            of: "ca: Acme CA", with: "ca: \"C:\\new\n    folder\""))
        XCTAssertEqual(notes(InvalidValue.self, in: folded),
                       "in double quotes a backslash starts an escape; write Windows paths in single quotes, where a backslash is an ordinary character")
    }

    func testEscapeInAPasswordIsNotQuotedBack() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(
            of: "{env: KS_PW}", with: #"1️⃣"s3cr\nt""#))
        assertFindings(InvalidValue.self, in: yaml, at: ["1️⃣"])
        let finding = findings(InvalidValue.self, in: yaml)[0]
        XCTAssertFalse((finding.message + finding.notes.joined()).contains("s3cr"), "\(finding)")
    }
}
