import MaestroTopo
import TopoCheck
import TopoTestSupport
import XCTest

final class TrackerHTTPSTests: XCTestCase {
    func testTrackerHostOnPort443() {
        let yaml = MarkedYAML(cleanFourServer.replacingOccurrences(
            of: "components: [TRK]", with: "components: [TRK]\n    http_port: 1️⃣443"))
        assertFindings(TrackerHTTPS.self, in: yaml, at: ["1️⃣"], hosts: ["trk.acme.example"])
        assertMessage(TrackerHTTPS.self, in: yaml, contains: ["the TRK host 'trk.acme.example' has http_port 443", "plain HTTP only"])
    }

    func testInheritedPort443IsReportedForTheTrackerHostOnly() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            defaults: {http_port: 1️⃣443}
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              trk.acme.example: {components: [TRK]}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(TrackerHTTPS.self, in: yaml, at: ["1️⃣"], hosts: ["trk.acme.example"])
    }

    func testTrackerSharingAHostWithLUI() {
        let yaml = MarkedYAML("""
            version: 1
            installation: acme
            hosts:
              ui.acme.example: {components: [LUI, HUB, TRK], http_port: 1️⃣443}
              db.acme.example: {components: [DATABASE, LISTSERV]}
            """)
        assertFindings(TrackerHTTPS.self, in: yaml, at: ["1️⃣"], hosts: ["ui.acme.example"])
    }

    func testHTTPSOnHostsWithoutTrackerAndOtherTrackerPortsAreFine() {
        let yaml = """
            version: 1
            installation: acme
            hosts:
              ui.acme.example: {components: [LUI, HUB], http_port: 443}
              trk.acme.example: {components: [TRK], http_port: 8443}
              db.acme.example: {components: [DATABASE, LISTSERV], http_port: 443}
            """
        assertNoFindings(TrackerHTTPS.self, in: yaml)
        XCTAssertEqual(check(yaml), [])
        assertNoFindings(TrackerHTTPS.self, in: cleanFourServer)
    }
}
