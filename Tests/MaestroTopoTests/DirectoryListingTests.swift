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

/// Listing a folder reads each entry's name where `readdir` put it.
/// glibc packs the records into one buffer, each cut to its name's
/// length, so the last record of a full buffer ends well before the 256
/// bytes `struct dirent` declares for the name. Thousands of short names
/// fill that buffer; under AddressSanitizer (`make test-asan`) a listing
/// that copies the whole declared name field reads past it and aborts.
final class DirectoryListingTests: XCTestCase {
    func testEveryNameOfAFullDirectoryBufferIsReadInPlace() throws {
        let folder = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let expected = (0..<3000).map { String(format: "f%04d", $0) }
        for name in expected {
            XCTAssertTrue(FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: nil))
        }
        XCTAssertEqual(try Directory.open(folder.path).names(), expected)
        XCTAssertEqual(try FileSystem.entries(of: folder.path), expected)
        XCTAssertEqual(try FileSystem.typedEntries(of: folder.path).filter { $0.kind == .regular }.count, expected.count)
    }
}
