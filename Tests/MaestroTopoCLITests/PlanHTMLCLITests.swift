import Foundation
import TopoTestSupport
import XCTest

/// `plan --format html`: one self-contained page. Without Graphviz it says
/// what to install and still succeeds; with Graphviz the picture is the
/// inlined SVG; every value from the file is escaped; nothing is loaded
/// from elsewhere.
final class PlanHTMLCLITests: TemporaryDirectoryTestCase {
    /// A PATH with no `dot` on it.
    var noGraphviz: [String: String] { ["PATH": directory.path] }

    func testWithoutGraphvizThePageSaysWhatToInstallAndSucceeds() throws {
        let run = try Tool.run(["plan", "--format", "html", "topologies/four-server.yaml"], environment: noGraphviz)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("<p class=\"note\"><strong>No picture:</strong> Graphviz's 'dot' is not installed"), run.stdout)
        XCTAssertTrue(run.stdout.contains("apt-get install graphviz"))
        XCTAssertFalse(run.stdout.contains("<svg"))
        XCTAssertTrue(run.stdout.hasSuffix("</html>\n"))
        XCTAssertTrue(run.stderr.hasPrefix("maestro-topo: warning: the page has no topology picture: Graphviz's 'dot' is not installed"), run.stderr)
        let quiet = try Tool.run(["plan", "--format", "html", "--quiet", "topologies/four-server.yaml"], environment: noGraphviz)
        XCTAssertEqual(quiet.status, 0)
        XCTAssertEqual(quiet.stderr, "")
        XCTAssertEqual(quiet.stdout, run.stdout)
    }

    func testAFailingGraphvizLeavesANoteToo() throws {
        let fake = directory.appendingPathComponent("dot")
        try "#!/bin/sh\necho 'dot: broken' >&2\nexit 3\n".write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let run = try Tool.run(["plan", "--format", "html", "topologies/four-server.yaml"], environment: ["PATH": directory.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("<strong>No picture:</strong> Graphviz's 'dot' could not draw it"), run.stdout)
        XCTAssertTrue(run.stderr.contains("dot: broken"), run.stderr)
    }

    /// With Graphviz the picture is `graph --format svg`'s, inlined without
    /// its XML prolog, DOCTYPE and namespace URLs.
    func testThePictureIsTheGraphsSVGInlined() throws {
        _ = try Tool.require("dot")
        let run = try Tool.run(["plan", "--format", "html", "topologies/four-server.yaml"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        let page = run.stdout
        XCTAssertEqual(page.components(separatedBy: "<svg").count, 2, "one picture")
        XCTAssertFalse(page.contains("<?xml"))
        XCTAssertFalse(page.contains("<!DOCTYPE svg"))
        XCTAssertFalse(page.contains("No picture"))
        let svg = try Tool.run(["graph", "--format", "svg", "topologies/four-server.yaml"]).stdout
        let body = try XCTUnwrap(svg.range(of: "<g id=\"graph0\"")).lowerBound
        XCTAssertTrue(page.contains(svg[body...].trimmingCharacters(in: .whitespacesAndNewlines)), "the graph's drawing, unchanged")
        for host in ["ui.acme.example", "trk.acme.example", "db.acme.example", "lsv.acme.example"] {
            XCTAssertTrue(page.contains(">\(host)</text>"), host)
        }
        try assertSelfContained(page)
    }

    /// Names, paths and the CA with markup, ampersands and quotes come out
    /// as text, in the page and in the picture; a literal password never.
    func testHostileValuesAreEscaped() throws {
        let file = directory.appendingPathComponent("hostile.yaml")
        try """
            version: 1
            installation: "<script>alert('x')</script> & \\"co\\""
            component_ssl:
              enabled: true
              ca: "Acme <CA> & 'Sons'"
              keystore_password: "pa<ss>&word-secret"
            defaults:
              install_folder: "/opt/<img src=x onerror=alert(1)>/a&b \\"q\\" 'm'"
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              trk.acme.example: {components: [TRK]}
              db.acme.example: {components: [DATABASE]}
              lsv.acme.example: {components: [LISTSERV]}

            """.write(to: file, atomically: true, encoding: .utf8)
        var pages: [String] = []
        let without = try Tool.run(["plan", "--format", "html", file.path], environment: noGraphviz)
        XCTAssertEqual(without.status, 0, without.stderr)
        pages.append(without.stdout)
        if Tool.which("dot") != nil {
            let with = try Tool.run(["plan", "--format", "html", file.path])
            XCTAssertEqual(with.status, 0, with.stderr)
            XCTAssertTrue(with.stdout.contains("<svg"))
            pages.append(with.stdout)
        }
        for page in pages {
            XCTAssertFalse(page.contains("<script"), "no markup from the file")
            XCTAssertFalse(page.contains("<img"), "no markup from the file")
            XCTAssertFalse(page.contains("<CA>"))
            XCTAssertFalse(page.contains("pa<ss>") || page.contains("pa&lt;ss&gt;") || page.contains("word-secret"), "the password never")
            XCTAssertTrue(page.contains("<title>Plan: &lt;script&gt;alert('x')&lt;/script&gt; &amp; \"co\"</title>"), page)
            XCTAssertTrue(page.contains("<h1>Plan: &lt;script&gt;alert('x')&lt;/script&gt; &amp; \"co\"</h1>"))
            XCTAssertTrue(page.contains("<code>/opt/&lt;img src=x onerror=alert(1)&gt;/a&amp;b \"q\" 'm'</code>"))
            XCTAssertTrue(page.contains("Acme &lt;CA&gt; &amp; 'Sons'"))
            XCTAssertTrue(page.contains("SSLKeystorePassword=********"))
            XCTAssertTrue(page.contains("(password: written in the topology file)"))
            try assertSelfContained(page)
        }
    }

    func testAPlanWithErrorsGivesNoPage() throws {
        let run = try Tool.run(["plan", "--format", "html", "topologies/broken/partial-ssl.yaml"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout, "")
        XCTAssertTrue(run.stderr.contains("no plan"), run.stderr)
    }

    func testWarningsAreListedInThePage() throws {
        let run = try Tool.run(["plan", "--format", "html", "topologies/single-server.yaml"], environment: noGraphviz)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("<section id=\"findings\">"), run.stdout)
        XCTAssertTrue(run.stdout.contains("<strong>warning</strong> <code>lui-trk-colocated</code>"), run.stdout)
    }

    func testHelpDescribesTheFormat() throws {
        let run = try Tool.run(["plan", "--help"])
        XCTAssertEqual(run.status, 0)
        let help = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(help.contains("or html (one self-contained page with the topology picture, for a change board)"), help)
        XCTAssertTrue(help.contains("--format html writes one self-contained page for a change board"), help)
        XCTAssertTrue(help.contains("(apt-get install graphviz) instead of showing the picture"), help)
        XCTAssertTrue(help.contains("maestro-topo plan --format html acme.yaml > change-board.html"), help)
        let wrong = try Tool.run(["diff", "--format", "html", "a.yaml", "b.yaml"])
        XCTAssertEqual(wrong.status, 2, "another command's format is refused: \(wrong.stderr)")
        XCTAssertTrue(wrong.stderr.contains("diff writes --format text, json or markdown, not html"), wrong.stderr)
    }
}

/// No external resource: no URL anywhere, no tag that loads anything
/// (`src`, `<link>`, `<script>`, `<object>`, …), no `url(` or `@import` in
/// the style sheet, and every `href` an anchor on the page itself. Tags
/// are read as a browser reads them: text from the file is escaped, so a
/// `src=` in it is no attribute.
func assertSelfContained(_ page: String, file: StaticString = #filePath, line: UInt = #line) throws {
    XCTAssertFalse(page.lowercased().contains("http://") || page.lowercased().contains("https://"), "a URL", file: file, line: line)
    func matches(_ pattern: String, in text: String) throws -> [String] {
        try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            .matches(in: text, range: NSRange(text.startIndex..., in: text))
            .map { String(text[Range($0.range(at: 1), in: text)!]) }
    }
    let tags = try matches(#"(<[a-z][^>]*>)"#, in: page)
    XCTAssertFalse(tags.isEmpty, file: file, line: line)
    for tag in tags {
        let name = tag.dropFirst().prefix { $0.isLetter || $0.isNumber }.lowercased()
        XCTAssertFalse(["link", "script", "img", "iframe", "object", "embed", "image", "use", "base"].contains(name),
                       "the page loads something: \(tag)", file: file, line: line)
        XCTAssertNil(tag.range(of: #"\s(src|srcset|data|action|xlink:href)\s*="#, options: [.regularExpression, .caseInsensitive]),
                     "the page loads something: \(tag)", file: file, line: line)
    }
    let style = try matches(#"<style>(.*?)</style>"#, in: page.replacingOccurrences(of: "\n", with: " "))
    XCTAssertEqual(style.count, 1, "one inline style sheet", file: file, line: line)
    for sheet in style {
        XCTAssertFalse(sheet.contains("url(") || sheet.contains("@import"), "the style sheet loads something", file: file, line: line)
    }
    let ids = Set(try matches(#"\sid="([^"]*)""#, in: page))
    for target in try matches(#"\shref="([^"]*)""#, in: page) {
        XCTAssertTrue(target.hasPrefix("#"), "href to \(target)", file: file, line: line)
        XCTAssertTrue(ids.contains(String(target.dropFirst())), "href to \(target), which is no id on the page", file: file, line: line)
    }
}
