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

/// docs/ and topologies/ stay true to the code (DocsAndExamplesCLITests:
/// to the command's output).
final class DocsAndExamplesTests: XCTestCase {
    func testRulesDocumentIsGeneratedFromTheRegistry() throws {
        let url = Tool.packageRoot.appendingPathComponent("docs/rules.md")
        let committed = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(committed, RuleDocRenderer.markdown(), "docs/rules.md is stale: run 'make docs'")
    }

    /// The key tables of docs/format.md §2 are made from FormatKeys, the
    /// list the loader reads its keys from; RECORD_GOLDEN=1 (`make docs`)
    /// writes them anew.
    func testFormatKeyTablesAreGeneratedFromTheKeyList() throws {
        let url = Tool.packageRoot.appendingPathComponent("docs/format.md")
        let committed = try String(contentsOf: url, encoding: .utf8)
        let current = try XCTUnwrap(FormatReferenceRenderer.splice(into: committed),
                                    "docs/format.md lost a '<!-- keys: … -->' or '<!-- end keys -->' marker")
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1", current != committed {
            try current.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        XCTAssertEqual(committed, current, "docs/format.md's key tables are stale: run 'make docs'")
        // Every section's table is there, one row per key.
        for section in Section.documented where section != .secret {
            for key in FormatKeys.keys(of: section) {
                XCTAssertTrue(FormatReferenceRenderer.table(section).contains("| `\(key.name)` |"), key.name)
            }
        }
        XCTAssertNil(FormatReferenceRenderer.splice(into: "no markers here"))
    }

    func testSchemaDocumentIsGeneratedFromTheKeyList() throws {
        let url = Tool.packageRoot.appendingPathComponent("docs/topology.schema.json")
        let committed = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(committed, TopologySchemaRenderer.json(), "docs/topology.schema.json is stale: run 'make docs'")
    }

    /// The loader's key lists are FormatKeys' own, section by section.
    func testLoaderKeysAreTheDocumentedKeys() {
        for section in Section.documented {
            XCTAssertEqual(section.keys, FormatKeys.keys(of: section).map(\.name), section.id)
        }
        XCTAssertEqual(Section.hosts.keys, [])
    }

    func testEverySpecRuleIsRegisteredWithItsSeverity() {
        let spec: [String: Severity] = [
            "yaml-syntax": .error, "duplicate-key": .error, "unknown-key": .error, "invalid-value": .error,
            "invalid-hostname": .error, "duplicate-host": .error, "missing-component": .error,
            "duplicate-component": .error, "missing-host": .error, "partial-ssl": .error, "ssl-incomplete": .error,
            "relative-keystore-path": .error, "shared-certificate": .error, "port-conflict": .error,
            "allowed-clients-format": .error, "mixed-ca": .warning, "plaintext-password": .warning,
            "host-aliases": .warning, "lui-trk-colocated": .warning, "four-server-layout": .note,
        ]
        for (id, severity) in spec {
            XCTAssertEqual(RuleRegistry.descriptor(id: id)?.severity, severity, id)
        }
        let ids = RuleRegistry.descriptors.map(\.id)
        XCTAssertEqual(Set(ids).count, ids.count, "rule ids must be unique")
        for rule in RuleRegistry.descriptors {
            XCTAssertTrue(rule.documentation.contains("```yaml"), "\(rule.id) documentation has no example")
            XCTAssertTrue(rule.documentation.contains("Fix"), "\(rule.id) documentation says no fix")
        }
    }

    func testGoodExamplesHaveNoErrors() throws {
        for name in ["four-server", "two-server", "single-server", "mixed-os"] {
            let url = Tool.packageRoot.appendingPathComponent("topologies/\(name).yaml")
            let result = TopologyCheck.check(bytes: Array(try Data(contentsOf: url)))
            XCTAssertEqual(result.diagnostics.errorCount, 0, "\(name): \(result.diagnostics.map(\.message))")
        }
    }

    /// Each broken example must say what is wrong, where, and how to fix it:
    /// an error with a position, plus a note or a suggestion.
    func testBrokenExamplesExplainThemselves() throws {
        let expected: [String: Set<String>] = [
            "partial-ssl": ["partial-ssl"],
            "typos": ["unknown-key", "invalid-value"],
            "allowed-clients": ["allowed-clients-format", "missing-host"],
            "missing-pieces": ["ssl-incomplete", "relative-keystore-path", "missing-component"],
            "syntax": ["yaml-syntax"],
        ]
        let directory = Tool.packageRoot.appendingPathComponent("topologies/broken")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }
        XCTAssertEqual(Set(files.map { String($0.dropLast(5)) }), Set(expected.keys))
        for (name, rules) in expected {
            let bytes = Array(try Data(contentsOf: directory.appendingPathComponent("\(name).yaml")))
            let diagnostics = TopologyCheck.check(bytes: bytes).diagnostics
            XCTAssertEqual(Set(diagnostics.map(\.rule)), rules, name)
            for diagnostic in diagnostics {
                XCTAssertEqual(diagnostic.severity, .error, "\(name): \(diagnostic.message)")
                XCTAssertGreaterThan(diagnostic.location.line, 1, "\(name): \(diagnostic.message)")
                XCTAssertTrue(!diagnostic.notes.isEmpty || diagnostic.message.contains("did you mean")
                              || diagnostic.message.contains("between 1 and 65535"),
                              "\(name): '\(diagnostic.message)' does not say how to fix it")
            }
        }
    }

    func testPresetsMatchTheirPromise() {
        for preset in Preset.allCases {
            let result = TopologyCheck.check(bytes: Array(preset.yaml().utf8))
            XCTAssertEqual(result.diagnostics.errorCount, 0, "\(preset): \(result.diagnostics.map(\.message))")
            let plan = Planner.plan(result.topology!)
            switch preset {
            case .single: XCTAssertEqual(plan.servers.count, 1)
            case .twoServer: XCTAssertEqual(plan.servers.count + plan.external.count, 2)
            case .fourServer:
                XCTAssertEqual(plan.servers.count, 2)
                XCTAssertEqual(plan.external.count, 2)
                XCTAssertTrue(plan.componentSSL)
                XCTAssertEqual(result.diagnostics, [], "the four-server preset is the recommended layout")
            }
        }
    }

    /// The README says where `make build` leaves the binary and how to put
    /// it on PATH; no document cites the product spec, which is not part
    /// of the repository.
    func testReadmeNamesTheBinaryAndNoDocumentCitesTheSpec() throws {
        let readme = try String(contentsOf: Tool.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(readme.contains("`.build/release/maestro-topo`"), "README: where the binary is")
        XCTAssertTrue(readme.contains("make install PREFIX="), "README: how to install it")
        XCTAssertTrue(readme.contains("PATH"), "README: how to call it by name")
        let docs = try FileManager.default.contentsOfDirectory(atPath: Tool.packageRoot.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.map { "docs/" + $0 } + ["README.md"]
        for path in docs {
            let text = try String(contentsOf: Tool.packageRoot.appendingPathComponent(path), encoding: .utf8)
            XCTAssertFalse(text.contains("SPEC.md") || text.contains("SPEC §") || text.contains("the spec"), "\(path) cites the spec")
        }
    }
}
