import Foundation
import TopoTestSupport
import XCTest

/// The fuzzer's inputs (FuzzRegressionTestCase) through the CLI, which
/// reads each file itself.
final class FuzzRegressionCLITests: FuzzRegressionTestCase {
    /// The CLI reads each file itself and reports errors, never a crash.
    func testValidateReportsEveryInput() throws {
        for (name, _) in try Self.inputs() {
            let path = Self.folder.appendingPathComponent(name).path
            let run = try Tool.run(["validate", "--no-color", path])
            XCTAssertTrue([0, 1].contains(run.status), "\(name): status \(run.status)\n\(run.stderr)")
            if run.status == 1 { XCTAssertTrue(run.stderr.contains("\(path):"), "\(name): \(run.stderr)") }
        }
    }
}
