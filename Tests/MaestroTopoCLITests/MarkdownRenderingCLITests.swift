import Foundation
import TopoTestSupport
import XCTest

/// A change ticket is read rendered: what the reader sees must be exactly
/// what is to be typed, backslashes included.
final class MarkdownRenderingCLITests: XCTestCase {
    /// Renders the real diff Markdown with a CommonMark renderer
    /// (markdown-it-py) and reads the text a person would see.
    func testRenderedRunbookShowsTheINITextAndCommandsExactly() throws {
        let python = try Tool.require("python3")
        let probe = try Tool.runProgram(python, ["-c", "import markdown_it"], in: Tool.packageRoot)
        if probe.status != 0 {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                XCTFail("markdown-it-py is required under CI=true (pip install markdown-it-py)")
            }
            throw XCTSkip("markdown-it-py is not installed")
        }
        let markdown = try Tool.run(["diff", "--format", "markdown",
                                     "topologies/migration/grow-current.yaml", "topologies/migration/grow-target.yaml"])
        XCTAssertEqual(markdown.status, 0, markdown.stderr)
        let script = """
            import sys, html, re
            from markdown_it import MarkdownIt
            out = MarkdownIt('commonmark').render(sys.stdin.read())
            print(html.unescape(re.sub(r'<[^>]+>', '', out)))
            """
        let rendered = try Tool.runProgram(python, ["-c", script], in: Tool.packageRoot, stdin: markdown.stdout)
        XCTAssertEqual(rendered.status, 0, rendered.stderr)
        let seen = rendered.stdout
        XCTAssertTrue(seen.contains(#"SSLKeystorePath=C:\\Program Files\\L-Soft\\Maestro\\keystore\\ui.acme.example.jks"#), seen)
        XCTAssertTrue(seen.contains(#"so write C:\\Program Files\\L-Soft\\Maestro\\hub\\backup or C:/Program Files/L-Soft/Maestro/hub/backup"#), seen)
        XCTAssertTrue(seen.contains(#"icacls "C:\Program Files\L-Soft\Maestro\commands\ssl.ini" /inheritance:r /grant:r *S-1-5-18:R *S-1-5-32-544:F"#), seen)
        XCTAssertTrue(seen.contains("MAESTRO_KEYSTORE_PASSWORD"), seen)

        // Each file's block stays inside its numbered step: one list per
        // phase, and every code block within a list item.
        let structure = """
            import sys
            from markdown_it import MarkdownIt
            tokens = MarkdownIt('commonmark').parse(sys.stdin.read())
            runbook = next(i for i, t in enumerate(tokens) if t.type == 'inline' and t.content == 'Runbook')
            lists = sum(1 for t in tokens[runbook:] if t.type == 'ordered_list_open')
            fences = [t for t in tokens[runbook:] if t.type == 'fence']
            print(lists, len(fences), all(t.level > 0 for t in fences))
            """
        let parsed = try Tool.runProgram(python, ["-c", structure], in: Tool.packageRoot, stdin: markdown.stdout)
        XCTAssertEqual(parsed.stdout, "3 2 True\n", parsed.stderr)
    }
}
