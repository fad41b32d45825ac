import MaestroTopo
import TopoCheck
import TopoTestSupport
import XCTest

final class PortConflictTests: XCTestCase {
    func testInternalEqualsTrackerOnOneHostPointsAtTheLaterKey() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui.acme.example:
                components: [LUI, HUB, TRK]
                internal_port: 7000
                tracker_port: 1️⃣7000
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(PortConflict.self, in: yaml, at: ["1️⃣"], hosts: ["ui.acme.example"])
        assertMessage(PortConflict.self, in: yaml, contains: ["internal_port and tracker_port of 'ui.acme.example' are both 7000"])
    }

    func testConflictThroughDefaultsIsReportedForEveryServer() {
        // tracker_port 1099 from defaults meets the default internal port 1099.
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            defaults:
              tracker_port: 1099
            hosts:
              1️⃣ui.acme.example: {components: [LUI, HUB]}
              2️⃣trk.acme.example: {components: [TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(PortConflict.self, in: yaml, at: ["1️⃣", "2️⃣"], hosts: ["ui.acme.example", "trk.acme.example"])
    }

    func testHTTPPortEqualToAnotherPort() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(
            of: "components: [TRK]", with: "components: [TRK]\n    http_port: 1️⃣7000"))
        assertFindings(PortConflict.self, in: yaml, at: ["1️⃣"], hosts: ["trk.acme.example"])
        assertMessage(PortConflict.self, in: yaml, contains: ["tracker_port and http_port of 'trk.acme.example' are both 7000"])
    }

    func testTrackerPortDiffersBetweenLUIAndTRKHosts() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui.acme.example: {components: [LUI, HUB], tracker_port: 7000}
              trk.acme.example: {components: [TRK], tracker_port: 1️⃣7001}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(PortConflict.self, in: yaml, at: ["1️⃣"], hosts: ["trk.acme.example"])
        assertMessage(PortConflict.self, in: yaml, contains: [
            "tracker_port is 7001 on the TRK host 'trk.acme.example' but 7000 on the LUI host 'ui.acme.example'",
        ])
        XCTAssertTrue(notes(PortConflict.self, in: yaml).contains("under 'defaults'"))
    }

    func testTrackerPortDiffersWhenOnlyTheLUIHostSetsIt() {
        // The TRK host keeps the default 7000; the finding points at its name.
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              1️⃣trk.acme.example: {components: [TRK]}
              ui.acme.example: {components: [LUI, HUB], tracker_port: 7100}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(PortConflict.self, in: yaml, at: ["1️⃣"], hosts: ["trk.acme.example"])
    }

    func testNearMisses() {
        // Same tracker port through defaults; LUI and TRK on one host; a HUB
        // host with another tracker port; equal ports on a non-Maestro host.
        let yaml = """
            version: 1
            installation: acme
            defaults: {tracker_port: 7100, internal_port: 1199}
            hosts:
              ui.acme.example: {components: [LUI]}
              hub.acme.example: {components: [HUB], tracker_port: 7200}
              trk.acme.example: {components: [TRK], http_port: 8080}
              db.acme.example: {components: [DATABASE, LISTSERV], internal_port: 7100, http_port: 7100}
            """
        assertNoFindings(PortConflict.self, in: yaml)
        XCTAssertEqual(check(yaml), [])
        let together = """
            version: 1
            installation: acme
            hosts:
              all.acme.example: {components: [LUI, HUB, TRK], tracker_port: 7001}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """
        assertNoFindings(PortConflict.self, in: together)
        assertNoFindings(PortConflict.self, in: cleanFourServer)
    }
}
