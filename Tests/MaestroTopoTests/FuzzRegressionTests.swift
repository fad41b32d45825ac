import Foundation
import TopoSource
import TopoCheck
import TopoPlan
import TopoRender
import TopoTestSupport
import XCTest

/// Inputs the fuzzer (Fuzz/, `make fuzz`) found or was seeded with, each in
/// Fixtures/fuzz-regressions and named by what it triggers. Every one goes
/// through what the fuzz target runs: load, rules, diagnostics rendered
/// against the source, and, for a clean topology, the plan as text and JSON
/// (FuzzRegressionCLITests: `validate` on each file).
final class FuzzRegressionTests: FuzzRegressionTestCase {
    func testFolderHoldsInputs() throws {
        XCTAssertGreaterThanOrEqual(try Self.inputs().count, 3)
    }

    func testEveryInputChecksPlansAndRenders() throws {
        for (name, bytes) in try Self.inputs() {
            let result = TopologyCheck.check(bytes: bytes)
            let lines = Self.lineCount(bytes)
            for diagnostic in result.diagnostics {
                let location = diagnostic.location
                XCTAssertTrue((1...lines).contains(location.line), "\(name): \(diagnostic) is past line \(lines)")
                XCTAssertTrue((1...bytes.count + 1).contains(location.column), "\(name): \(diagnostic) has no column")
            }
            if !result.isComplete {
                XCTAssertGreaterThan(result.diagnostics.errorCount, 0, "\(name): read in part without saying why")
            }

            let source = SourceFile(path: name, bytes: bytes, secrets: result.secretSpans)
            let renderer = DiagnosticTextRenderer(style: .plain)
            let index = source.lineIndex()
            for diagnostic in result.diagnostics {
                let text = renderer.render(diagnostic, in: source, index: index)
                XCTAssertTrue(text.hasPrefix("\(name):\(diagnostic.location.line):\(diagnostic.location.column): "), text)
            }

            let installation = result.topology?.installation?.value ?? ""
            var plan: Plan?
            if result.isComplete, !result.diagnostics.fails(strict: false), let topology = result.topology {
                plan = Planner.plan(topology)
                XCTAssertFalse(PlanTextRenderer(style: .plain).render(plan!).isEmpty, name)
            }
            let json = PlanJSONRenderer.render(plan, installation: installation, diagnostics: result.diagnostics)
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.utf8)), "\(name): \(json)")
        }
    }

    /// Lines as libyaml counts them: `\n`, `\r\n`, a lone `\r`, NEL, LS, PS.
    static func lineCount(_ bytes: [UInt8]) -> Int {
        var lines = 1
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case 0x0A: lines += 1
            case 0x0D: if i + 1 >= bytes.count || bytes[i + 1] != 0x0A { lines += 1 }
            case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0x85: lines += 1
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                lines += 1
            default: break
            }
            i += 1
        }
        return lines
    }
}
