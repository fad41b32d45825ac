import Foundation
@testable import TopoSystem
import TopoTestSupport
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// The lock file's record of a run's folders is TopoSystem's own format,
/// so it is written here, beside the tests that plant leftovers.
extension BundleFolderTestCase {
    /// Writes the lock file beside DIR as a killed run leaves it: recording
    /// `folders` as made by that run (it is their device and inode that
    /// count), so the next run knows them for its leftovers. Owned by
    /// `owner` when given (a run of that user).
    func recordAsLeftovers(
        _ folders: [(URL, LeftoverRecord.Kind)], for base: String = "out", in folder: URL? = nil, owner: uid_t? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        var records: [LeftoverRecord] = []
        for (url, kind) in folders {
            var info = stat()
            XCTAssertEqual(lstat(url.path, &info), 0, url.path, file: file, line: line)
            records.append(LeftoverRecord(kind: kind, device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
        }
        let lock = (folder ?? directory).appendingPathComponent(BundleNames(base: base).lock)
        try Data(LeftoverRecord.text(records).utf8).write(to: lock)
        XCTAssertEqual(chmod(lock.path, 0o600), 0, file: file, line: line)
        if let owner { XCTAssertEqual(chown(lock.path, owner, gid_t(owner)), 0, file: file, line: line) }
    }
}
