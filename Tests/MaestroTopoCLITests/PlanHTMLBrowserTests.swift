import Foundation
import TopoTestSupport
import XCTest

/// The page as a browser shows it: headless Chromium (Debian package
/// `chromium`) loads it without a console message, its DOM holds every
/// section and the picture with the host names as text, and it draws to a
/// real PNG. Only console messages count as page errors: Chromium's own
/// warnings on standard error (D-Bus, GPU) say nothing about the page.
final class PlanHTMLBrowserTests: TemporaryDirectoryTestCase {
    static let hosts = ["ui.acme.example", "trk.acme.example", "db.acme.example", "lsv.acme.example"]

    func testChromiumLoadsThePageWithItsPicture() throws {
        let chromium = try Tool.require("chromium")
        _ = try Tool.require("dot")
        let page = try writePage(["topologies/four-server.yaml"])
        let dom = try browse(chromium, page, ["--dump-dom"])
        XCTAssertEqual(dom.console, [], "the page logs to the console")
        for id in ["topology", "hosts", "firewall", "server-0", "server-1", "external-0", "external-1"] {
            XCTAssertTrue(dom.stdout.contains("<section id=\"\(id)\""), "section \(id) in the DOM")
        }
        XCTAssertEqual(dom.stdout.components(separatedBy: "<svg").count, 2, "the picture, once")
        for host in Self.hosts {
            XCTAssertTrue(dom.stdout.contains(">\(host)</text>"), "\(host) as text in the picture")
        }
        XCTAssertTrue(dom.stdout.contains("SSLKeystorePassword=********"))
        XCTAssertFalse(dom.stdout.contains("No picture"))

        let png = directory.appendingPathComponent("plan.png")
        let shot = try browse(chromium, page, ["--screenshot=\(png.path)", "--window-size=1200,2000"])
        XCTAssertEqual(shot.console, [], "the page logs to the console")
        let bytes = try Data(contentsOf: png)
        XCTAssertEqual(Array(bytes.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG")
        XCTAssertEqual(Array(bytes[12..<16]), Array("IHDR".utf8))
        XCTAssertEqual(Self.bigEndian(bytes, at: 16), 1200, "width")
        XCTAssertEqual(Self.bigEndian(bytes, at: 20), 2000, "height")
        XCTAssertGreaterThan(bytes.count, 30_000, "a page with a picture, not a blank window")
    }

    /// The page without Graphviz shows the note where the picture goes.
    func testChromiumShowsTheNoteWithoutGraphviz() throws {
        let chromium = try Tool.require("chromium")
        let page = try writePage(["topologies/four-server.yaml"], environment: ["PATH": directory.path])
        let dom = try browse(chromium, page, ["--dump-dom"])
        XCTAssertEqual(dom.console, [])
        XCTAssertTrue(dom.stdout.contains("<p class=\"note\"><strong>No picture:</strong>"), dom.stdout)
        XCTAssertFalse(dom.stdout.contains("<svg"))
    }

    /// The check above would see a page that logs: it is not vacuous.
    func testTheConsoleCheckSeesAPageError() throws {
        let chromium = try Tool.require("chromium")
        let page = directory.appendingPathComponent("bad.html")
        try "<!DOCTYPE html><p>x</p><script>console.error('boom'); undefinedFunction();</script>\n"
            .write(to: page, atomically: true, encoding: .utf8)
        let dom = try browse(chromium, page, ["--dump-dom"])
        XCTAssertEqual(dom.console.count, 2, "\(dom.console)")
        XCTAssertTrue(dom.console.contains { $0.contains("undefinedFunction is not defined") }, "\(dom.console)")
    }

    // MARK: Helpers

    private func writePage(_ arguments: [String], environment: [String: String] = [:]) throws -> URL {
        let run = try Tool.run(["plan", "--format", "html"] + arguments, environment: environment)
        XCTAssertEqual(run.status, 0, run.stderr)
        let page = directory.appendingPathComponent("plan.html")
        try Data(run.stdout.utf8).write(to: page)
        return page
    }

    /// Loads `page` in headless Chromium with a profile and a home of its
    /// own in the test's folder. `console` holds the console messages it
    /// logged (errors, uncaught exceptions, anything a script printed).
    private func browse(_ chromium: String, _ page: URL, _ arguments: [String]) throws -> (stdout: String, console: [String]) {
        let profile = directory.appendingPathComponent("profile-\(UUID().uuidString)")
        let run = try Bounded.run(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)",
            "--enable-logging=stderr", "--v=0",
        ] + arguments + [page.absoluteString], in: directory,
            environment: ["HOME": directory.path, "XDG_CONFIG_HOME": profile.path, "XDG_CACHE_HOME": profile.path],
            seconds: 180)
        XCTAssertEqual(run.status, 0, run.stderr)
        let console = run.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        return (run.stdout, console)
    }

    private static func bigEndian(_ bytes: Data, at offset: Int) -> Int {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
    }
}
