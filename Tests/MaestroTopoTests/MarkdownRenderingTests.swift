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

/// A change ticket is read rendered: what the reader sees must be exactly
/// what is to be typed, backslashes included.
final class MarkdownRenderingTests: XCTestCase {
    func testProseKeepsBackslashesAndCodeSpans() {
        XCTAssertEqual(Markdown.text(#"write C:\\Maestro or C:\x"#), #"write C:\\\\Maestro or C:\\x"#)
        XCTAssertEqual(Markdown.text("run `icacls \"C:\\a\" *S-1-5-18:R` now *and* _then_"),
                       "run `icacls \"C:\\a\" *S-1-5-18:R` now \\*and\\* \\_then\\_")
        XCTAssertEqual(Markdown.text("an unmatched ` stays"), "an unmatched \\` stays")
        XCTAssertEqual(Markdown.text("<b>[link]</b>"), "\\<b\\>\\[link\\]\\</b\\>")
    }

    func testFenceOutlastsBackticksInTheText() {
        XCTAssertEqual(Markdown.fence("a\r\nb```c\r\n", language: "x", indent: "  "), "  ````x\n  a\n  b```c\n  ````\n")
    }
}
