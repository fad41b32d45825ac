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

/// Properties over random valid topologies (PropertyTestCase) and random
/// byte mutations of them, in-process (PropertyCLITests: through the
/// binary).
final class PropertyTests: PropertyTestCase {
    // MARK: (1) and (2): valid, and planned exactly

    func testRandomTopologiesHaveNoErrorsAndPlanTheExpectedSSLIni() throws {
        var servers = 0, secured = 0, windows = 0
        for topology in Self.topologies {
            let result = TopologyCheck.check(bytes: Array(topology.yaml.utf8))
            let errors = result.diagnostics.filter { $0.severity == .error }
            XCTAssertEqual(errors.map { "\($0.location) \($0.rule): \($0.message)" }, [], describe(topology))
            guard errors.isEmpty, let model = result.topology else { continue }
            let plan = Planner.plan(model)
            XCTAssertEqual(plan.servers.map(\.host), topology.servers, describe(topology))
            XCTAssertEqual(plan.external.map(\.host), topology.externals, describe(topology))
            XCTAssertEqual(plan.componentSSL, !topology.expected.isEmpty, describe(topology))
            for server in plan.servers {
                servers += 1
                if server.os == .windows { windows += 1 }
                guard let want = topology.expected[server.host] else {
                    XCTAssertNil(server.sslIni, "\(server.host) \(describe(topology))")
                    continue
                }
                secured += 1
                let ini = try XCTUnwrap(server.sslIni, "\(server.host) \(describe(topology))")
                XCTAssertEqual(ini.allowedClients.joined(separator: ","), want.allowedClients, "\(server.host) \(describe(topology))")
                XCTAssertEqual(ini.keystorePath, want.keystorePath, "\(server.host) \(describe(topology))")
                XCTAssertEqual(ini.path, want.path, "\(server.host) \(describe(topology))")
                XCTAssertEqual(server.certificate?.subject, "CN=\(server.host)", describe(topology))
                switch ini.password {
                case let .literal(value): XCTAssertEqual(value, want.password, describe(topology))
                case let .environment(name): XCTAssertEqual(topology.environment[name], want.password, describe(topology))
                case let .file(path): XCTAssertEqual(topology.files[path], want.password, describe(topology))
                }
            }
            let json = PlanJSONRenderer.render(plan, installation: plan.installation, diagnostics: result.diagnostics)
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.utf8)), describe(topology))
            assertNoToken(json, topology, "plan JSON")
            assertNoToken(PlanTextRenderer(style: .plain).render(plan), topology, "plan text")
        }
        // The generator reaches what it promises.
        XCTAssertGreaterThan(secured, 100)
        XCTAssertGreaterThan(windows, 40)
        XCTAssertGreaterThan(servers - secured, 40)
    }

    // MARK: (4): mutants

    func testMutantsNeverCrashAndEveryFindingLiesInsideTheFile() throws {
        var rng = SplitMix64(seed: Self.baseSeed ^ 0x5EED)
        let renderer = DiagnosticTextRenderer(style: .plain)
        var planned = 0, stopped = 0
        for _ in 0..<3000 {
            let seed = rng.next()
            let bytes = Self.mutant(seed: seed)
            let shown = "mutant \(seed) (PropertyTests.mutant(seed:)): \(String(decoding: bytes.prefix(3000), as: UTF8.self).debugDescription)"
            let result = TopologyCheck.check(bytes: bytes)
            if !result.isComplete { stopped += 1 }
            let lines = Self.lineLengths(bytes)
            let source = SourceFile(path: "mutant.yaml", bytes: bytes, secrets: result.secretSpans)
            let index = source.lineIndex()
            for diagnostic in result.diagnostics {
                let (line, column) = (diagnostic.location.line, diagnostic.location.column)
                XCTAssertTrue(line >= 1 && line <= lines.count, "\(diagnostic.rule) at \(line):\(column) of \(lines.count) lines; \(shown)")
                if line >= 1, line <= lines.count {
                    XCTAssertTrue(column >= 1 && column <= lines[line - 1] + 1,
                                  "\(diagnostic.rule) at \(line):\(column), line length \(lines[line - 1]); \(shown)")
                }
                let printable = (diagnostic.message + diagnostic.notes.joined()).unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
                XCTAssertTrue(printable, "control character in '\(diagnostic.message)'; \(shown)")
                _ = renderer.render(diagnostic, in: source, index: index)
            }
            guard !result.diagnostics.contains(where: { $0.severity == .error }), let topology = result.topology else { continue }
            planned += 1
            let plan = Planner.plan(topology)
            _ = PlanJSONRenderer.render(plan, installation: plan.installation, diagnostics: result.diagnostics)
            _ = PlanTextRenderer(style: .plain).render(plan)
        }
        // Both kinds occur: mutants that still plan, and ones that stop the loader.
        XCTAssertGreaterThan(planned, 100)
        XCTAssertGreaterThan(stopped, 100)
    }

    /// Mutant number `seed`: one of the random topologies with one to three
    /// byte-level changes (flip, insert, delete, duplicate a range, splice
    /// with another file, truncate).
    static func mutant(seed: UInt64) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        let corpus = topologies
        var bytes = Array(corpus[rng.int(0...(corpus.count - 1))].yaml.utf8)
        for _ in 0..<rng.int(1...3) {
            let at = rng.int(0...bytes.count)
            let length = min(bytes.count - at, rng.int(1...48))
            switch rng.int(0...6) {
            case 0 where at < bytes.count:
                bytes[at] = rng.chance(0.5) ? bytes[at] ^ (1 << UInt8(rng.int(0...7))) : UInt8(truncatingIfNeeded: rng.next())
            case 1, 2:
                bytes.insert(contentsOf: rng.chance(0.8) ? rng.pick(interesting) : (0..<rng.int(1...4)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, at: at)
            case 3:
                bytes.removeSubrange(at..<(at + length))
            case 4:
                bytes.insert(contentsOf: bytes[at..<(at + length)], at: rng.int(0...bytes.count))
            case 5:
                let other = Array(corpus[rng.int(0...(corpus.count - 1))].yaml.utf8)
                bytes = Array(bytes[..<at]) + other[rng.int(0...other.count)...]
            default:
                bytes.removeSubrange(at...)
            }
        }
        return bytes
    }

    static let interesting: [[UInt8]] = [
        ":", ": ", "- ", "[", "]", "{", "}", "'", "\"", "\n", "\r", "\r\n", " ", "  ", "\t", "&a ", "*a", "!!str ", "!x ", "#",
        "|\n", ">", "---\n", "...\n", "\0", "\\", "keystore_password: ", "~", "null", ",", "? ", "%YAML 1.2\n", "@", "`",
        "\u{85}", "\u{2028}", "\u{FEFF}", "é", "\u{1F600}", "\n  ",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0x0D]]

    /// Characters per line as libyaml counts them (UTF-8 continuation bytes
    /// are no column; a leading byte order mark neither), lines ended by
    /// `\n`, `\r\n`, `\r`, NEL, LS or PS. Written here again, apart from
    /// the product's own line index.
    static func lineLengths(_ bytes: [UInt8]) -> [Int] {
        var lengths: [Int] = []
        var current = 0
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count {
            let b = bytes[i]
            var width = 0
            if b == 0x0A { width = 1 } else if b == 0x0D { width = i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1 }
            else if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0x85 { width = 2 }
            else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { width = 3 }
            if width > 0 {
                lengths.append(current)
                current = 0
                i += width
                continue
            }
            if b & 0xC0 != 0x80 { current += 1 }
            i += 1
        }
        lengths.append(current)
        return lengths
    }
}
