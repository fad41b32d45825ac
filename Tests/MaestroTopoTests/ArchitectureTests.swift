import Foundation
import TopoTestSupport
import XCTest

/// The modules follow the way the data flows, and a dependency that runs
/// backwards must not creep in: every `import` of a module of this package
/// must name one the importing module depends on (directly or through
/// others) in Package.swift, and Package.swift's graph must follow the
/// documented order, so a module never imports one above it.
final class ArchitectureTests: XCTestCase {
    /// Source text → YAML → model → check → plan → render → bundle → system
    /// → reality → entry points → command line (README, "Layout of the code").
    static let order = [
        "TopoSource", "TopoYAML", "TopoModel", "TopoCheck", "TopoPlan", "TopoRender", "TopoBundle", "TopoSystem",
        "TopoReality", "MaestroTopo", "maestro-topo",
    ]
    /// Modules of the toolchain and the system, importable anywhere.
    static let platform: Set<String> = ["Glibc", "Darwin", "Foundation", "Dispatch", "Synchronization", "XCTest"]

    struct Target {
        var name: String
        var dependencies: [String]
    }

    func testNoModuleImportsOneAboveIt() throws {
        let targets = try Self.packageTargets()
        XCTAssertEqual(targets.filter { Self.order.contains($0.name) }.map(\.name).sorted(), Self.order.sorted(),
                       "every module of the tool has its place in the order")
        let imports = try Self.importsBySourceFile()
        XCTAssertFalse(imports.isEmpty)
        let violations = Self.violations(targets: targets, imports: imports)
        XCTAssertEqual(violations, [], violations.joined(separator: "\n"))
    }

    /// The check itself catches what it is for.
    func testTheCheckFindsABackEdge() throws {
        let targets = [
            Target(name: "TopoModel", dependencies: ["TopoSource"]),
            Target(name: "TopoPlan", dependencies: ["TopoModel"]),
            Target(name: "TopoSource", dependencies: []),
        ]
        let found = Self.violations(targets: targets, imports: [
            ("TopoModel", "Sources/TopoModel/X.swift", "TopoPlan"),
            ("TopoPlan", "Sources/TopoPlan/Y.swift", "TopoSource"),
        ])
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.contains("Sources/TopoModel/X.swift imports TopoPlan") == true, "\(found)")
        let backwards = Self.violations(
            targets: [Target(name: "TopoSource", dependencies: ["TopoModel"]), Target(name: "TopoModel", dependencies: [])],
            imports: [])
        XCTAssertEqual(backwards.count, 1, "a dependency declared against the order: \(backwards)")
    }

    static func violations(targets: [Target], imports: [(module: String, file: String, imported: String)]) -> [String] {
        var found: [String] = []
        let byName = Dictionary(targets.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        func closure(_ name: String) -> Set<String> {
            var seen: Set<String> = [], stack = [name]
            while let next = stack.popLast() {
                for dependency in byName[next]?.dependencies ?? [] where seen.insert(dependency).inserted {
                    stack.append(dependency)
                }
            }
            return seen
        }
        for target in targets {
            guard let rank = order.firstIndex(of: target.name) else { continue }
            for dependency in target.dependencies {
                if let other = order.firstIndex(of: dependency), other >= rank {
                    found.append("Package.swift: \(target.name) depends on \(dependency), which comes after it")
                }
            }
        }
        let local = Set(targets.map(\.name))
        for (module, file, imported) in imports where local.contains(imported) || !platform.contains(imported) {
            guard byName[module] != nil else { continue }
            if imported == module { continue }
            if !closure(module).contains(imported) {
                found.append("\(file) imports \(imported), which \(module) does not depend on")
            }
        }
        return found.sorted()
    }

    /// The package's targets and their dependencies, as SwiftPM reads them.
    static func packageTargets() throws -> [Target] {
        let swift = try Tool.require("swift")
        // A scratch folder of its own: the one of `swift test` is locked
        // while the tests run.
        let scratch = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try Tool.runProgram(swift, ["package", "--scratch-path", scratch.path, "dump-package"], in: Tool.packageRoot)
        XCTAssertEqual(run.status, 0, run.stderr)
        let package = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let targets = try XCTUnwrap(package["targets"] as? [[String: Any]])
        return targets.compactMap { target in
            guard let name = target["name"] as? String, (target["type"] as? String) != "test" else { return nil }
            let dependencies = (target["dependencies"] as? [[String: Any]] ?? []).compactMap { dependency -> String? in
                // {"byName": [name, condition]}, {"target": [...]}, {"product": [name, package, ...]}
                dependency.values.compactMap { ($0 as? [Any])?.first as? String }.first
            }
            return Target(name: name, dependencies: dependencies)
        }
    }

    /// Every `import` in Sources/, with the module whose folder holds it.
    static func importsBySourceFile() throws -> [(module: String, file: String, imported: String)] {
        let sources = Tool.packageRoot.appendingPathComponent("Sources")
        var found: [(String, String, String)] = []
        let pattern = try NSRegularExpression(pattern: #"^(?:@\w+\s+)*(?:(?:public|internal|private|fileprivate)\s+)?import\s+(\w+)"#, options: [.anchorsMatchLines])
        for module in try FileManager.default.contentsOfDirectory(atPath: sources.path) {
            let folder = sources.appendingPathComponent(module)
            guard let walker = FileManager.default.enumerator(atPath: folder.path) else { continue }
            while let path = walker.nextObject() as? String {
                guard path.hasSuffix(".swift") else { continue }
                let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
                for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    let name = String(text[Range(match.range(at: 1), in: text)!])
                    found.append((module, "Sources/\(module)/\(path)", name))
                }
            }
        }
        return found
    }

    /// C stays hidden: libyaml behind TopoYAML alone, OpenSSL behind
    /// TopoReality alone; renderers do no I/O
    /// and read no environment; the core never reaches for the network.
    func testCLibrariesAndIOStayWhereTheyBelong() throws {
        let imports = try Self.importsBySourceFile()
        let yaml = Set(imports.filter { $0.imported == "CYAML" }.map(\.module))
        XCTAssertEqual(yaml, ["TopoYAML"], "only TopoYAML imports libyaml")
        let openSSL = Set(imports.filter { $0.imported == "COpenSSL" }.map(\.module))
        XCTAssertEqual(openSSL, ["TopoReality"], "only TopoReality imports OpenSSL")
        let render = imports.filter { $0.module == "TopoRender" && ["Glibc", "Foundation", "TopoSystem"].contains($0.imported) }
        XCTAssertEqual(render.map(\.file), [], "renderers do no I/O")
        let core = ["TopoSource", "TopoYAML", "TopoModel", "TopoCheck", "TopoPlan", "TopoRender", "TopoBundle", "TopoSystem"]
        let network = imports.filter { core.contains($0.module) && ($0.imported.hasPrefix("NIO") || $0.imported == "X509" || $0.imported == "Crypto") }
        XCTAssertEqual(network.map(\.file), [], "the core depends on no network or certificate library")
    }
}
