import Foundation
import TopoTestSupport
import XCTest

/// Compares output with a file under Tests/MaestroTopoCLITests/Golden. Run with
/// RECORD_GOLDEN=1 to write the files anew after an intended change, then
/// review the diff before committing.
func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let url = Tool.packageRoot.appendingPathComponent("Tests/MaestroTopoCLITests/Golden/\(name)")
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
        try Data(actual.utf8).write(to: url)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        XCTFail("golden file \(name) is missing; run the tests with RECORD_GOLDEN=1", file: file, line: line)
        return
    }
    if actual != expected {
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = Array(zip(actualLines, expectedLines)).firstIndex { $0 != $1 } ?? min(actualLines.count, expectedLines.count)
        XCTFail("""
            output differs from golden file \(name) at line \(first + 1):
              expected: \(first < expectedLines.count ? String(expectedLines[first]) : "<end>")
              actual:   \(first < actualLines.count ? String(actualLines[first]) : "<end>")
            (RECORD_GOLDEN=1 re-records after an intended change)
            """, file: file, line: line)
    }
}
