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

/// The source line and caret under a finding, for short, long and
/// non-ASCII lines.
final class DiagnosticRenderingTests: XCTestCase {
    let renderer = DiagnosticTextRenderer(style: .plain)

    /// The character the caret points at in a rendered snippet.
    func pointed(_ snippet: (String, String)) -> Character? {
        let (text, caret) = snippet
        let offset = caret.count - 1
        guard offset >= 0, offset < text.count else { return nil }
        return text[text.index(text.startIndex, offsetBy: offset)]
    }

    func testShortASCIILine() {
        let snippet = renderer.snippet("    components: [LUI, HUB, TRK]", column: 28)
        XCTAssertEqual(snippet.0, "    components: [LUI, HUB, TRK]")
        XCTAssertEqual(pointed(snippet), "T")
    }

    func testLongASCIILineIsCutAroundTheColumn() {
        let line = String(repeating: "a", count: 500) + "X" + String(repeating: "b", count: 500)
        let snippet = renderer.snippet(line, column: 501)
        XCTAssertTrue(snippet.0.hasPrefix("…") && snippet.0.hasSuffix("…"))
        XCTAssertEqual(snippet.0.count, DiagnosticTextRenderer.snippetWidth + 2)
        XCTAssertEqual(pointed(snippet), "X")
        let atStart = renderer.snippet(line, column: 1)
        XCTAssertFalse(atStart.0.hasPrefix("…"))
        XCTAssertEqual(pointed(atStart), "a")
    }

    func testNonASCIIAndTabsKeepTheCaretInPlace() {
        let snippet = renderer.snippet("\tname: Grüße X", column: 14)
        XCTAssertEqual(pointed(snippet), "X")
        XCTAssertTrue(snippet.1.hasPrefix("\t"), "a tab in the line stays a tab before the caret")
    }
}
