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

/// Every ssl.ini variant is read back by java.util.Properties, as Maestro
/// reads it, and must give exactly the intended values.
final class SSLIniJavaTests: XCTestCase {
    struct Variant {
        var name: String
        var plan: SSLIniPlan
        var password: String
    }

    static let awkwardPasswords = [
        #"back\slash"#, "hash#bang!", "equals=colon:", " leading and trailing ", "tab\tand\nnewline",
        "Grüße-パスワード-😀", #"C:\Temp\x"#, "#starts-with-hash", "!starts-with-bang", "=starts", ":starts",
        "\\", "",
    ]

    func variants() throws -> [Variant] {
        var variants: [Variant] = []
        let paths: [(String, String)] = [
            ("linux", "/opt/lsoft/maestro/keystore/ui.acme.example.jks"),
            ("windows", #"C:\Program Files\L-Soft\Maestro\keystore\ui.acme.example.jks"#),
            ("windows-forward", "C:/Program Files/L-Soft/Maestro/keystore/ui.jks"),
            ("unc", #"\\fileserver\certs\ui.jks"#),
            ("linux-spaces", "/srv/maestro keys/ui #1.jks"),
            ("non-ascii-path", "/opt/lsoft/maestro/schlüssel/ui.jks"),
        ]
        for (i, (name, path)) in paths.enumerated() {
            for (j, password) in Self.awkwardPasswords.enumerated() {
                let plan = SSLIniPlan(
                    path: "/unused", allowedClients: ["ui.acme.example", "trk.acme.example"], keystorePath: path,
                    password: .environment("KS_PW"), lineEnding: (i + j) % 2 == 0 ? "\n" : "\r\n")
                variants.append(Variant(name: "\(name)-\(j)", plan: plan, password: password))
            }
        }
        // And the ssl.ini of every server the bundled examples plan.
        for example in ["four-server", "mixed-os"] {
            let url = Tool.packageRoot.appendingPathComponent("topologies/\(example).yaml")
            let result = TopologyCheck.check(bytes: Array(try Data(contentsOf: url)))
            let plan = Planner.plan(try XCTUnwrap(result.topology))
            for server in plan.servers {
                let ini = try XCTUnwrap(server.sslIni)
                variants.append(Variant(name: "\(example)-\(server.host)", plan: ini, password: "pw=\\#!: ü"))
            }
        }
        return variants
    }

    func testJavaPropertiesReadsBackEveryVariant() throws {
        let java = try Tool.require("java")
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let variants = try variants()
        var files: [String] = []
        for (i, variant) in variants.enumerated() {
            let url = directory.appendingPathComponent("\(i).ini")
            // The file is plain ASCII: everything else is \u-escaped.
            let text = variant.plan.text(password: variant.password)
            XCTAssertTrue(text.unicodeScalars.allSatisfy(\.isASCII), variant.name)
            try Data(text.utf8).write(to: url)
            files.append(url.path)
        }
        let run = try Tool.runProgram(java, [ReadProperties.source] + files, in: directory)
        XCTAssertEqual(run.status, 0, run.stderr)
        let read = ReadProperties.parse(run.stdout)
        XCTAssertEqual(read.count, variants.count)
        for (i, variant) in variants.enumerated() {
            let expected = [
                "SSLAllowedClients": variant.plan.allowedClients.joined(separator: ","),
                "SSLKeystorePath": variant.plan.keystorePath,
                "SSLKeystorePassword": variant.password,
            ]
            XCTAssertEqual(read[files[i]], expected, "variant \(variant.name)")
        }
    }
}
