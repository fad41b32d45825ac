import Foundation
import TopoTestSupport
import XCTest

/// The runbook as `diff` prints it: the file text in every format, read
/// back by Java, and the findings of the current file.
final class RunbookCLITests: RunbookTestCase {
    func testTextMarkdownAndJSONShowTheFileTextAndJavaReadsItBack() throws {
        let java = try Tool.require("java")
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let current = directory.appendingPathComponent("current.yaml"), target = directory.appendingPathComponent("target.yaml")
        try Data(DiffTestCase.topology(DiffTestCase.fourServers, ssl: false).utf8).write(to: current)
        try Data(DiffTestCase.topology(Self.windowsUI).utf8).write(to: target)
        let escaped = #"SSLKeystorePath=C:\\Program Files\\L-Soft\\Maestro\\keystore\\ui.acme.example.jks"#
        let text = try Tool.run(["diff", "--no-color", current.path, target.path])
        XCTAssertTrue(text.stdout.contains("         " + escaped + "\n"), text.stdout)
        let markdown = try Tool.run(["diff", "--format", "markdown", current.path, target.path])
        XCTAssertTrue(markdown.stdout.contains("   ```properties\n   # Component SSL settings"), markdown.stdout)
        XCTAssertTrue(markdown.stdout.contains("   " + escaped + "\n"), markdown.stdout)
        let json = try Tool.run(["diff", "--format", "json", current.path, target.path])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let steps = try XCTUnwrap(object["steps"] as? [[String: Any]])
        XCTAssertTrue(steps.allSatisfy { ($0["host"] as? String)?.isEmpty == false }, "every step names its host")
        let files = steps.compactMap { $0["file"] as? [String: String] }
        XCTAssertEqual(files.count, 2)
        var paths: [String] = []
        for (i, file) in files.enumerated() {
            let url = directory.appendingPathComponent("\(i).ini")
            try Data(try XCTUnwrap(file["text"]).utf8).write(to: url)
            paths.append(url.path)
        }
        let run = try Tool.runProgram(java, [ReadProperties.source] + paths, in: directory)
        XCTAssertEqual(run.status, 0, run.stderr)
        let read = ReadProperties.parse(run.stdout)
        XCTAssertEqual(read[paths[0]]?["SSLKeystorePath"], #"C:\Program Files\L-Soft\Maestro\keystore\ui.acme.example.jks"#)
        XCTAssertEqual(read[paths[1]]?["SSLKeystorePath"], "/opt/lsoft/maestro/keystore/trk.acme.example.jks")
        XCTAssertEqual(read[paths[0]]?["SSLAllowedClients"], "ui.acme.example,trk.acme.example")
    }

    func testSwitchingSSLOffReportsTheCurrentFileInTheCLI() throws {
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let on = DiffTestCase.topology(DiffTestCase.fourServers)
        let current = directory.appendingPathComponent("current.yaml"), target = directory.appendingPathComponent("target.yaml")
        try Data(on.utf8).write(to: current)
        try Data(on.replacingOccurrences(of: "component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: KS_PW}}\n", with: "").utf8).write(to: target)
        let run = try Tool.run(["diff", "--no-color", current.path, target.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("current.yaml:4:26: warning[ssl-switch]: component SSL is switched off"), run.stderr)
    }
}
