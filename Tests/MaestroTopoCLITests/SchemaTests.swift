import Foundation
import TopoTestSupport
import XCTest

/// `maestro-topo schema` judged by a real JSON Schema validator
/// (check-jsonschema, from PyPI) beside the loader: every example the loader
/// accepts the schema accepts, and every value the loader refuses for its
/// type or key the schema refuses too. The cases per key are made from the
/// schema itself, so a key added to the loader gets its cases.
final class SchemaTests: XCTestCase {
    private var schemaPath: String { Tool.packageRoot.appendingPathComponent("docs/topology.schema.json").path }

    // MARK: The command

    func testSchemaCommandPrintsTheCommittedSchemaAndWritesFiles() throws {
        let printed = try Tool.run(["schema"])
        XCTAssertEqual(printed.status, 0, printed.stderr)
        XCTAssertEqual(printed.stdout, try String(contentsOfFile: schemaPath, encoding: .utf8))
        let folder = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("topology.schema.json").path
        XCTAssertEqual(try Tool.run(["schema", "--output", file]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), printed.stdout)
        let again = try Tool.run(["schema", "--output", file])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("--force"), again.stderr)
        XCTAssertEqual(try Tool.run(["schema", "--output", file, "--force"]).status, 0)
    }

    func testSchemaIsValidDraft202012() throws {
        let validator = try Tool.require("check-jsonschema")
        let run = try Tool.runProgram(validator, ["--check-metaschema", schemaPath], in: Tool.packageRoot)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: schemaPath))) as? [String: Any]
        XCTAssertEqual(schema?["$schema"] as? String, "https://json-schema.org/draft/2020-12/schema")
        // Every key carries its description from the key list.
        let host = ((schema?["$defs"] as? [String: Any])?["host"] as? [String: Any])?["properties"] as? [String: Any]
        let port = host?["internal_port"] as? [String: Any]
        XCTAssertEqual(port?["description"] as? String, "Internal communications port. Default: defaults.internal_port, else 1099.")
    }

    // MARK: Examples

    /// Every example and preset the loader takes without a type or key error
    /// passes the schema, and every broken example it refuses for one fails it.
    func testExamplesAgreeWithTheLoader() throws {
        let folder = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files = try FileManager.default.subpathsOfDirectory(atPath: Tool.packageRoot.appendingPathComponent("topologies").path)
            .filter { $0.hasSuffix(".yaml") }.map { "topologies/\($0)" }
        files += ["Tests/MaestroTopoCLITests/Golden/discover-ui.yaml"].filter {
            FileManager.default.fileExists(atPath: Tool.packageRoot.appendingPathComponent($0).path)
        }
        for preset in ["single", "two-server", "four-server"] {
            let path = folder.appendingPathComponent("preset-\(preset).yaml").path
            XCTAssertEqual(try Tool.run(["init", "--preset", preset, "--output", path]).status, 0)
            files.append(path)
        }
        for seed in UInt64(1)...40 {
            let path = folder.appendingPathComponent("random-\(seed).yaml")
            try RandomTopology(seed: seed).yaml.write(to: path, atomically: true, encoding: .utf8)
            files.append(path.path)
        }
        let verdicts = try judge(files)
        var accepted = 0, refused = 0
        for file in files {
            let verdict = try XCTUnwrap(verdicts[file], file)
            switch verdict.loader {
            case .accepted:
                accepted += 1
                XCTAssertTrue(verdict.schemaAccepts, "\(file): the loader takes it, the schema refuses: \(verdict.schemaErrors)")
            case .refusedForTypeOrKey:
                refused += 1
                XCTAssertFalse(verdict.schemaAccepts, "\(file): the loader refuses a type or key, the schema accepts it")
            case .refusedOtherwise:
                break
            }
        }
        // The examples: four valid layouts, the migration pairs, three presets,
        // forty random layouts; typos.yaml and allowed-clients.yaml broken.
        XCTAssertGreaterThanOrEqual(accepted, 50)
        XCTAssertGreaterThanOrEqual(refused, 1)
    }

    // MARK: Every key

    /// For every key of every section: values of its kind that the loader
    /// reads without a load error pass the schema; values of another kind,
    /// out of range or unknown keys, fail both.
    func testEveryKeyAgreesWithTheLoader() throws {
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: schemaPath))) as! [String: Any]
        let cases = SchemaCases(schema: schema).all
        XCTAssertGreaterThan(cases.count, 150)
        let folder = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String: SchemaCases.Case] = [:]
        for (index, item) in cases.enumerated() {
            let path = folder.appendingPathComponent("case-\(index).yaml").path
            try item.yaml.write(toFile: path, atomically: true, encoding: .utf8)
            files[path] = item
        }
        let verdicts = try judge(Array(files.keys).sorted())
        for (path, item) in files.sorted(by: { $0.key < $1.key }) {
            let verdict = try XCTUnwrap(verdicts[path])
            let label = "\(item.label)\n\(item.yaml)"
            if item.isValid {
                XCTAssertEqual(verdict.loader, .accepted, "the loader refuses a good value: \(label)")
                XCTAssertTrue(verdict.schemaAccepts, "the schema refuses a good value: \(label)\(verdict.schemaErrors)")
            } else {
                XCTAssertEqual(verdict.loader, .refusedForTypeOrKey, "the loader takes a bad value: \(label)")
                XCTAssertFalse(verdict.schemaAccepts, "the schema takes a bad value: \(label)")
            }
        }
    }

    // MARK: init

    func testInitNamesTheSchemaOnItsFirstLine() throws {
        let printed = try Tool.run(["init"])
        XCTAssertEqual(printed.status, 0)
        XCTAssertTrue(printed.stdout.hasPrefix("# yaml-language-server: $schema=topology.schema.json\n"), printed.stdout)
        XCTAssertTrue(printed.stderr.contains("maestro-topo schema --output topology.schema.json"), printed.stderr)

        let named = try Tool.run(["init", "--schema", "https://schemas.example.com/maestro-topo.json"])
        XCTAssertTrue(named.stdout.hasPrefix("# yaml-language-server: $schema=https://schemas.example.com/maestro-topo.json\n"))
        XCTAssertEqual(named.stderr, "")
        let spaced = try Tool.run(["init", "--schema", "my schemas/topology.schema.json"])
        XCTAssertEqual(spaced.status, 2)
        XCTAssertTrue(spaced.stderr.contains("without spaces"), spaced.stderr)
    }

    /// Installed as `make install` lays it out, `init` points at the schema
    /// installed beside the binary.
    func testInitFindsTheInstalledSchema() throws {
        let scratch = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        func install(at prefix: URL, withSchema: Bool) throws -> String {
            let bin = prefix.appendingPathComponent("bin")
            let share = prefix.appendingPathComponent("share/maestro-topo")
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Tool.binary, to: bin.appendingPathComponent("maestro-topo"))
            if withSchema {
                try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: schemaPath, toPath: share.appendingPathComponent("topology.schema.json").path)
            }
            return bin.appendingPathComponent("maestro-topo").path
        }
        // Without the schema installed: the relative default.
        let bare = try Tool.runProgram(try install(at: scratch.appendingPathComponent("bare"), withSchema: false), ["init"], in: scratch)
        XCTAssertTrue(bare.stdout.hasPrefix("# yaml-language-server: $schema=topology.schema.json\n"))
        // Installed: its absolute path.
        let prefix = scratch.appendingPathComponent("usr")
        let installed = try Tool.runProgram(try install(at: prefix, withSchema: true), ["init"], in: scratch)
        let expected = prefix.resolvingSymlinksInPath().appendingPathComponent("share/maestro-topo/topology.schema.json").path
        XCTAssertTrue(installed.stdout.hasPrefix("# yaml-language-server: $schema=\(expected)\n"), installed.stdout)
        XCTAssertEqual(installed.stderr, "")
        // Installed under a folder with a space, which the line cannot hold:
        // the relative default again, with the note.
        let spaced = try Tool.runProgram(
            try install(at: scratch.appendingPathComponent("my tools"), withSchema: true), ["init"], in: scratch)
        XCTAssertTrue(spaced.stdout.hasPrefix("# yaml-language-server: $schema=topology.schema.json\n"), spaced.stdout)
        XCTAssertTrue(spaced.stderr.contains("maestro-topo schema --output"), spaced.stderr)
    }

    // MARK: Judging

    enum LoaderVerdict: Equatable { case accepted, refusedForTypeOrKey, refusedOtherwise }

    struct Verdict {
        var loader: LoaderVerdict
        var schemaAccepts: Bool
        var schemaErrors: String
    }

    /// The rules by which the loader refuses a value's type or a key.
    static let typeAndKeyRules: Set<String> = ["invalid-value", "unknown-key", "duplicate-key"]
    /// Findings made before types and keys are judged: the schema cannot
    /// be compared with the loader on such a file.
    static let readingRules: Set<String> = ["yaml-syntax", "unsupported-yaml", "input-limit"]

    /// The loader's verdict through `validate --format json` and the
    /// schema's through check-jsonschema, for every file at once.
    func judge(_ files: [String]) throws -> [String: Verdict] {
        let validator = try Tool.require("check-jsonschema")
        let loaderRun = try Tool.run(["validate", "--format", "json"] + files)
        let report = try JSONSerialization.jsonObject(with: Data(loaderRun.stdout.utf8)) as! [String: Any]
        var loader: [String: LoaderVerdict] = [:]
        for file in report["files"] as! [[String: Any]] {
            let rules = Set((file["diagnostics"] as! [[String: Any]]).map { $0["rule"] as! String })
            loader[file["path"] as! String] = !rules.isDisjoint(with: Self.readingRules) ? .refusedOtherwise
                : !rules.isDisjoint(with: Self.typeAndKeyRules) ? .refusedForTypeOrKey : .accepted
        }
        let schemaRun = try Tool.runProgram(validator, ["--schemafile", schemaPath, "-o", "json"] + files,
                                            in: Tool.packageRoot)
        let schemaReport = try JSONSerialization.jsonObject(with: Data(schemaRun.stdout.utf8)) as! [String: Any]
        var failing: [String: String] = [:]
        for error in (schemaReport["errors"] as? [[String: Any]] ?? []) + (schemaReport["parse_errors"] as? [[String: Any]] ?? []) {
            failing[error["filename"] as! String, default: ""] += "\n  \(error["path"] as? String ?? "") \(error["message"] as? String ?? "")"
        }
        var verdicts: [String: Verdict] = [:]
        for file in files {
            guard let verdict = loader[file] else { continue }
            verdicts[file] = Verdict(loader: verdict, schemaAccepts: failing[file] == nil, schemaErrors: failing[file] ?? "")
        }
        return verdicts
    }
}
