import Foundation
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

/// What the plan tells an administrator to do, in the vendor's order and
/// with the exact commands (GuidanceCLITests: `init` and the bundle's
/// READMEs).
final class GuidanceTests: GuidanceTestCase {
    // 7. The trusted-root keystore comes first on every server.
    func testChecklistSecuresTheTrustedRootsBeforeTheCertificate() throws {
        for server in try plan("topologies/mixed-os.yaml").servers {
            let certificate = try XCTUnwrap(server.certificate)
            let trust = try XCTUnwrap(server.checklist.firstIndex { $0.hasPrefix("Secure the trusted-root keystore \(certificate.trustedRootKeystore)") },
                                      "\(server.checklist)")
            let keystore = try XCTUnwrap(server.checklist.firstIndex { $0.hasPrefix("Create the keystore") })
            XCTAssertTrue(trust < keystore, "vendor step 2.2.1 comes before the server certificate")
            XCTAssertTrue(server.checklist[trust].contains("'changeit'"))
            XCTAssertTrue(server.checklist[trust].contains(server.os == .linux ? "certificate.sh trust ROOT.pem" : "certificate.cmd trust ROOT.pem"))
        }
        let ui = try XCTUnwrap(try plan("topologies/mixed-os.yaml").servers.first { $0.os == .windows })
        XCTAssertEqual(ui.certificate?.trustedRootKeystore, #"C:\Program Files\L-Soft\Maestro\jre\lib\security\cacerts"#)
    }

    func testTrustedRootKeystoreKeyOverridesTheDefault() throws {
        let yaml = cleanFourServer
            .replacingOccurrences(of: "enabled: true", with: "enabled: true\n  trusted_root_keystore: /usr/lib/jvm/jre/lib/security/cacerts")
            .replacingOccurrences(of: "components: [TRK]", with: "components: [TRK]\n    ssl: {trusted_root_keystore: /etc/maestro/cacerts}")
        let result = TopologyCheck.check(bytes: Array(yaml.utf8))
        XCTAssertEqual(result.diagnostics.errorCount, 0, "\(result.diagnostics.map(\.message))")
        let plan = Planner.plan(try XCTUnwrap(result.topology))
        XCTAssertEqual(plan.servers.map { $0.certificate?.trustedRootKeystore }, ["/usr/lib/jvm/jre/lib/security/cacerts", "/etc/maestro/cacerts"])
    }

    func testChecklistGrammarForOneComponent() throws {
        let trk = try XCTUnwrap(try plan("topologies/four-server.yaml").servers.first { $0.host == "trk.acme.example" })
        XCTAssertTrue(trk.checklist.contains { $0.hasPrefix("Check that TRK on this host uses internal communications port 1099") }, "\(trk.checklist)")
        let ui = try XCTUnwrap(try plan("topologies/four-server.yaml").servers.first { $0.host == "ui.acme.example" })
        XCTAssertTrue(ui.checklist.contains { $0.hasPrefix("Check that LUI and HUB on this host use internal") }, "\(ui.checklist)")
    }
}
