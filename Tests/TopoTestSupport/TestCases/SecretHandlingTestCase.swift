import Foundation
import XCTest

/// What SecretHandlingTests and SecretHandlingCLITests share: a password
/// file in the test's folder.
open class SecretHandlingTestCase: TemporaryDirectoryTestCase {
    /// Writes `bytes` to the password file `name` with `mode`.
    public func writePassword(_ bytes: [UInt8], mode: Int = 0o600, name: String = "pw") throws {
        let url = directory.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: url)
        try Data(bytes).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
    }
}
