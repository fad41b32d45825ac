import Foundation
import TopoCheck
import TopoPlan
import TopoBundle
import TopoSystem
import TopoTestSupport
import XCTest

/// Building a bundle keeps its passwords out of core files
/// (SecretHandlingCLITests: how `bundle` reads a password).
final class SecretHandlingTests: SecretHandlingTestCase {
    func testBundleSwitchesCoreFilesOff() throws {
        // In-process, as bundle runs it; /proc shows the limit without any new API.
        try writePassword(Array("S3cr3t-core\n".utf8))
        let yaml = cleanFourServer.replacingOccurrences(of: "{env: KS_PW}", with: "{file: \(directory.appendingPathComponent("pw").path)}")
        let plan = Planner.plan(try XCTUnwrap(TopologyCheck.check(bytes: Array(yaml.utf8)).topology))
        _ = try BundleBuilder.build(plan: plan, diagnostics: [], secrets: SecretResolver(baseDirectory: "/", placeholders: false))
        let limits = try String(contentsOfFile: "/proc/self/limits", encoding: .utf8)
        let core = try XCTUnwrap(limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") })
        XCTAssertEqual(core.split(separator: " ", omittingEmptySubsequences: true).dropFirst(4).prefix(2), ["0", "0"], String(core))
    }
}
