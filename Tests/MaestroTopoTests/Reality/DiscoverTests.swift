import TopoCheck
import TopoModel
@testable import TopoReality
import TopoRender
import XCTest

/// What discover writes reads back as what it found, whatever the names
/// and paths hold; the install folder and OS are inferred as documented.
final class DiscoverTests: XCTestCase {
    func testHostileValuesReadBackAsThemselves() throws {
        // Control characters never make a valid value (the loader refuses
        // them), so the hostile values here are printable ones.
        let hostile = ["C:\\Program Files (x86)\\L-Soft & Co\\Maestro", "/opt/it's \"quoted\" #1: {x}",
                       "/opt/percent %PATH% !bang! $HOME", "/opt/unicode é ü"]
        for value in hostile {
            let fragment = HostFragment(
                name: "hub.example.com", os: value.hasPrefix("C:") ? .windows : .linux, installFolder: value, components: [.hub],
                ssl: .init(keystore: value + "\\keystore\\hub.jks", allowedClients: ["hub.example.com", value], ca: value,
                           password: HostFragment.passwordPlaceholder),
                remarks: ["found in \(value)"])
            let text = FragmentRenderer.fragment(fragment, header: ["from \(value)"])
            let result = TopologyCheck.check(bytes: Array(text.utf8))
            XCTAssertFalse(result.diagnostics.contains { RuleRegistry.isLoadRule($0.rule) }, "\(value): \(result.diagnostics)\n\(text)")
            let host = try XCTUnwrap(result.topology?.hosts.first)
            XCTAssertEqual(host.settings.installFolder?.value, value)
            XCTAssertEqual(host.ssl?.ca?.value, value)
            XCTAssertEqual(host.ssl?.keystore?.value, value + "\\keystore\\hub.jks")
            XCTAssertEqual(host.ssl?.allowedClients?.items.map(\.value), ["hub.example.com", value])
            XCTAssertEqual(host.ssl?.keystorePassword?.value, HostFragment.passwordPlaceholder)
        }
    }

    func testTheInstallFolderAndOSFromTheKeystorePath() {
        XCTAssertEqual(InstallationDiscovery.installFolder(fromKeystore: "/opt/lsoft/maestro/keystore/hub.jks", os: .linux),
                       "/opt/lsoft/maestro")
        XCTAssertEqual(InstallationDiscovery.installFolder(fromKeystore: "C:\\Maestro\\Keystore\\hub.jks", os: .windows), "C:\\Maestro")
        XCTAssertNil(InstallationDiscovery.installFolder(fromKeystore: "/srv/keys/hub.jks", os: .linux))
        XCTAssertTrue(InstallationDiscovery.looksLikeWindows("D:\\keys\\hub.jks"))
        XCTAssertTrue(InstallationDiscovery.looksLikeWindows("\\\\server\\share\\hub.jks"))
        XCTAssertFalse(InstallationDiscovery.looksLikeWindows("/opt/x.jks"))
    }

    func testADeclaredDatabaseHostWithoutAnEngineSaysWhatItAssumed() {
        let host = InstallationDiscovery.declared(host: "db.example.com", os: .linux, components: [.database], databaseEngine: nil)
        XCTAssertEqual(host.databaseEngine, .internal)
        XCTAssertEqual(host.remarks.count, 1)
        let listserv = InstallationDiscovery.declared(host: "lsv.example.com", os: .linux, components: [.listserv], databaseEngine: .mysql)
        XCTAssertNil(listserv.databaseEngine, "no database on a LISTSERV-only host")
    }
}
