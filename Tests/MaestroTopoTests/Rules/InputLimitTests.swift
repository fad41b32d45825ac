import TopoSource
import TopoCheck
import TopoTestSupport
import XCTest

final class InputLimitTests: XCTestCase {
    /// `hosts:` holding `levels` nested flow lists; the root mapping is level 1.
    private func nested(levels: Int, markerBefore marked: Int? = nil) -> MarkedYAML {
        var text = "version: 1\ninstallation: acme\nhosts: "
        for level in 1...levels {
            if level == marked { text += "1️⃣" }
            text += "["
        }
        text += String(repeating: "]", count: levels) + "\n"
        return MarkedYAML(text)
    }

    // MARK: Nesting depth

    func testNestingDeeperThanTheDefaultLimitStopsAtTheFirstTooDeepNode() {
        // Root mapping (1) + 64 lists = 65 levels; the 64th '[' is one too many.
        let yaml = nested(levels: 64, markerBefore: 64)
        assertFindings(InputLimit.self, in: yaml, at: ["1️⃣"], hosts: [nil])
        assertMessage(InputLimit.self, in: yaml, contains: ["nested deeper than 64 levels"])
        XCTAssertEqual(yaml.location("1️⃣"), SourceLocation(line: 3, column: 8 + 63))
    }

    func testNestingExactlyAtTheLimitIsAccepted() {
        let yaml = nested(levels: 63)
        XCTAssertTrue(findings(InputLimit.self, in: yaml).isEmpty)
        // Not a valid 'hosts', but read to the end and reported as such.
        XCTAssertEqual(findings(InvalidValue.self, in: yaml).count, 1)
    }

    func testVeryDeepNestingDoesNotCrashOrHang() {
        let depth = 100_000
        let text = "hosts: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let found = check(text)
        XCTAssertEqual(found.filter { $0.rule == InputLimit.id }.map(\.location),
                       [SourceLocation(line: 1, column: 8 + 63)])
    }

    func testCustomDepthLimitAndTheFiveLevelsTheFormatNeeds() {
        // root > hosts > host > ssl > keystore_password: five levels.
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui.acme.example:
                components: [LUI, HUB, TRK]
                ssl: {enabled: true, ca: Acme CA, keystore_password: 1️⃣{env: KS_PW}}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        var four = LoaderLimits()
        four.maxDepth = 4
        assertFindings(InputLimit.self, in: yaml, at: ["1️⃣"], limits: four)
        assertMessage(InputLimit.self, in: yaml, contains: ["deeper than 4 levels"], limits: four)
        var five = LoaderLimits()
        five.maxDepth = 5
        XCTAssertTrue(findings(InputLimit.self, in: yaml, limits: five).isEmpty)
        XCTAssertTrue(findings(InputLimit.self, in: yaml).isEmpty)
    }

    // MARK: Scalar length

    func testScalarOverTheDefaultLimit() {
        let limit = LoaderLimits.default.maxScalarLength
        // Built without markers: scanning a megabyte for them is slow. The
        // value starts at line 2, column 15.
        let text = "version: 1\ninstallation: " + String(repeating: "x", count: limit + 1) + "\nhosts: {}\n"
        let found = findings(InputLimit.self, in: text)
        XCTAssertEqual(found.map(\.location), [SourceLocation(line: 2, column: 15)])
        XCTAssertEqual(
            found.first?.message, "a value of \(limit + 1) bytes; values may be at most 1 MiB (--max-scalar-length)")
        XCTAssertEqual(found.first?.severity, .error)
    }

    func testScalarExactlyAtTheDefaultLimitIsAccepted() {
        let limit = LoaderLimits.default.maxScalarLength
        let text = "version: 1\ninstallation: " + String(repeating: "x", count: limit) + "\nhosts: {}\n"
        assertNoFindings(InputLimit.self, in: text)
    }

    func testScalarOverACustomLimitStopsReadingAndNoRuleRuns() {
        let yaml = MarkedYAML("""
            version: 1
            installation: 1️⃣acme-production-number-one
            hosts:
              ui.acme.example: {components: [LUI]}
            """)
        var limits = LoaderLimits()
        limits.maxScalarLength = 20
        assertFindings(InputLimit.self, in: yaml, at: ["1️⃣"], limits: limits)
        assertMessage(InputLimit.self, in: yaml, contains: ["26 bytes", "at most 20 bytes"], limits: limits)
        // missing-component would fire on a fully read file.
        XCTAssertEqual(check(yaml.text, limits: limits).map(\.rule), [InputLimit.id])
        let loaded = TopologyLoader(limits: limits).load(bytes: Array(yaml.text.utf8))
        XCTAssertTrue(loaded.stoppedEarly)
    }

    func testLongKeyCountsToo() {
        let yaml = MarkedYAML("version: 1\n1️⃣" + String(repeating: "k", count: 30) + ": x\n")
        var limits = LoaderLimits()
        limits.maxScalarLength = 20
        assertFindings(InputLimit.self, in: yaml, at: ["1️⃣"], limits: limits)
    }

    // MARK: Hosts

    func testMoreHostsThanTheLimitPointsAtTheFirstHostTooMany() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(of: "  lsv.acme.example:", with: "  1️⃣lsv.acme.example:"))
        var limits = LoaderLimits()
        limits.maxHosts = 3
        assertFindings(InputLimit.self, in: yaml, at: ["1️⃣"], hosts: [nil], limits: limits)
        assertMessage(InputLimit.self, in: yaml, contains: ["more than 3 hosts"], limits: limits)
        let loaded = TopologyLoader(limits: limits).load(bytes: Array(yaml.text.utf8))
        XCTAssertTrue(loaded.stoppedEarly)
        XCTAssertEqual(check(yaml.text, limits: limits).map(\.rule), [InputLimit.id])
    }

    func testExactlyTheHostLimitIsAccepted() {
        var limits = LoaderLimits()
        limits.maxHosts = 4
        XCTAssertEqual(check(cleanFourServer, limits: limits), [])
    }

    // MARK: Number of findings

    func testFloodOfFindingsStopsReadingAtTheFirstOneTooMany() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui.acme.example: {components: [x1, x2, x3, 1️⃣x4, x5, x6]}
            """)
        var limits = LoaderLimits()
        limits.maxFindings = 3
        assertFindings(InputLimit.self, in: yaml, at: ["1️⃣"], limits: limits)
        assertMessage(InputLimit.self, in: yaml, contains: ["more than 3 findings; reading stopped here"], limits: limits)
        let found = check(yaml.text, limits: limits)
        XCTAssertEqual(found.map(\.rule), [InvalidValue.id, InvalidValue.id, InvalidValue.id, InputLimit.id])
        XCTAssertTrue(TopologyLoader(limits: limits).load(bytes: Array(yaml.text.utf8)).stoppedEarly)
    }

    func testExactlyTheFindingLimitIsReadToTheEnd() {
        let yaml = """
            version: 1
            installation: acme
            hosts:
              ui.acme.example: {components: [lui, hbu, trak]}
            """
        var limits = LoaderLimits()
        limits.maxFindings = 3
        assertNoFindings(InputLimit.self, in: yaml, limits: limits)
        // Read to the end, so the model rules ran too (the three misspelt
        // names count for LUI, HUB and TRK, reported where they stand).
        XCTAssertEqual(findings(MissingComponent.self, in: yaml, limits: limits).count, 2)
    }

    // MARK: File size

    func testFileOverTheSizeLimitIsRefusedAtTheStart() {
        let bytes = Array(cleanFourServer.utf8)
        var limits = LoaderLimits()
        limits.maxFileSize = bytes.count - 1
        let loaded = TopologyLoader(limits: limits).load(bytes: bytes)
        XCTAssertNil(loaded.topology)
        XCTAssertTrue(loaded.stoppedEarly)
        XCTAssertEqual(loaded.diagnostics.map(\.rule), [InputLimit.id])
        XCTAssertEqual(loaded.diagnostics.first?.location, .start)
        XCTAssertEqual(loaded.diagnostics.first?.severity, .error)
        let message = loaded.diagnostics.first?.message ?? ""
        XCTAssertTrue(message.contains("larger than \(bytes.count - 1) bytes"), message)
        XCTAssertTrue(message.hasSuffix("(--max-file-size)"), message)

        let checked = TopologyCheck.check(bytes: bytes, limits: limits)
        XCTAssertEqual(checked.diagnostics.map(\.rule), [InputLimit.id])
    }

    func testFileExactlyAtTheSizeLimitIsRead() {
        let bytes = Array(cleanFourServer.utf8)
        var limits = LoaderLimits()
        limits.maxFileSize = bytes.count
        let checked = TopologyCheck.check(bytes: bytes, limits: limits)
        XCTAssertEqual(checked.diagnostics, [])
        XCTAssertNotNil(checked.topology)
    }

    func testCleanFileHitsNoLimit() {
        assertNoFindings(InputLimit.self, in: cleanFourServer)
    }
}
