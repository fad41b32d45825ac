import TopoRender
import TopoTestSupport
import XCTest

/// The summary line of a `validate` run counts the paths that could not be
/// read, so "no problems found" never stands alone over an exit 2
/// (ValidateSummaryCLITests: missing, unreadable, not a regular file, a
/// folder without topology files).
final class ValidateSummaryTests: XCTestCase {
    func testSummaryLineCountsPathsNotRead() {
        let renderer = DiagnosticTextRenderer(style: .plain)
        XCTAssertEqual(renderer.summary(files: 1, errors: 0, warnings: 0, notes: 0, unreadable: 0),
                       "checked 1 file: no problems found\n")
        XCTAssertEqual(renderer.summary(files: 1, errors: 0, warnings: 0, notes: 0, unreadable: 1),
                       "checked 1 file: no problems found; 1 path could not be read\n")
        XCTAssertEqual(renderer.summary(files: 3, errors: 2, warnings: 1, notes: 0, unreadable: 2),
                       "checked 3 files: 2 errors, 1 warning; 2 paths could not be read\n")
    }
}
