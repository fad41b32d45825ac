import Foundation
import XCTest

/// What FuzzRegressionTests and FuzzRegressionCLITests share: the inputs the
/// fuzzer (Fuzz/, `make fuzz`) found or was seeded with, each in
/// Fixtures/fuzz-regressions and named by what it triggers.
open class FuzzRegressionTestCase: XCTestCase {
    public static let folder = Tool.fixtures.appendingPathComponent("fuzz-regressions")

    public static func inputs() throws -> [(name: String, bytes: [UInt8])] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try names.map { name in
            (name, Array(try Data(contentsOf: folder.appendingPathComponent(name))))
        }
    }
}
