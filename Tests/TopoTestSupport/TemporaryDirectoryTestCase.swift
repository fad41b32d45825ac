import Foundation
import XCTest

/// A test with a private temporary folder, `directory`, made before each
/// test method and removed after it.
open class TemporaryDirectoryTestCase: XCTestCase {
    public var directory: URL!

    override open func setUpWithError() throws {
        try super.setUpWithError()
        directory = try Tool.temporaryDirectory()
    }

    override open func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
        try super.tearDownWithError()
    }
}
