import Foundation
import TopoTestSupport
import XCTest

/// The Debian package `make deb` builds, made here by the same scripts
/// (packaging/extras, packaging/deb/build-deb) from the binary built for
/// these tests, then installed by dpkg into a scratch root and checked by
/// lintian.
final class DebianPackageTests: XCTestCase {
    /// The package and what it was built from, made once for the class.
    struct Built {
        var folder: URL
        var deb: URL
        var version: String
    }

    nonisolated(unsafe) static var built: Built?

    override class func tearDown() {
        if let built { try? FileManager.default.removeItem(at: built.folder) }
        built = nil
        super.tearDown()
    }

    func package() throws -> Built {
        for tool in ["dpkg", "dpkg-deb", "strip", "gzip"] { _ = try Tool.require(tool) }
        if let built = Self.built { return built }
        let folder = try Tool.temporaryDirectory()
        let extras = folder.appendingPathComponent("extras")
        let scripts = Tool.packageRoot.appendingPathComponent("packaging")
        let made = try Tool.runProgram(
            scripts.appendingPathComponent("extras").path,
            [Tool.binary.path, try generateManual().path, extras.path], in: Tool.packageRoot)
        XCTAssertEqual(made.status, 0, made.stderr)
        let build = try Tool.runProgram(
            scripts.appendingPathComponent("deb/build-deb").path,
            [Tool.binary.path, extras.path, folder.appendingPathComponent("out").path], in: Tool.packageRoot)
        XCTAssertEqual(build.status, 0, build.stderr)
        let version = try XCTUnwrap(try Tool.run(["--version"]).stdout.split(separator: "\n").first?
            .split(separator: " ").last.map(String.init))
        let deb = URL(fileURLWithPath: build.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        XCTAssertEqual(deb.lastPathComponent, "maestro-topo_\(version)_\(try architecture()).deb")
        let result = Built(folder: folder, deb: deb, version: version)
        Self.built = result
        return result
    }

    func architecture() throws -> String {
        try Tool.runProgram(try Tool.require("dpkg"), ["--print-architecture"], in: Tool.packageRoot).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// swift-argument-parser's generate-manual, as `make extras` uses it:
    /// beside the binary when it was built there, otherwise built from the
    /// checkout SwiftPM already holds, in a folder of its own (the build
    /// folder of these tests is locked while they run).
    func generateManual() throws -> URL {
        let products = Tool.binary.deletingLastPathComponent()
        let beside = products.appendingPathComponent("generate-manual")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        var scratch = products
        var checkout: URL?
        for _ in 0..<3 {
            scratch.deleteLastPathComponent()
            let candidate = scratch.appendingPathComponent("checkouts/swift-argument-parser")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("Package.swift").path) {
                checkout = candidate
                break
            }
        }
        let source = try XCTUnwrap(checkout, "no swift-argument-parser checkout above \(products.path)")
        let toolScratch = scratch.appendingPathComponent("generate-manual-build")
        let build = try Tool.runProgram(
            try Tool.require("swift"),
            ["build", "--package-path", source.path, "--scratch-path", toolScratch.path, "--product", "generate-manual"],
            in: Tool.packageRoot)
        XCTAssertEqual(build.status, 0, build.stdout + build.stderr)
        return toolScratch.appendingPathComponent("debug/generate-manual")
    }

    func dpkgDeb(_ arguments: [String]) throws -> ToolRun {
        let run = try Tool.runProgram(try Tool.require("dpkg-deb"), arguments, in: Tool.packageRoot)
        XCTAssertEqual(run.status, 0, run.stderr)
        return run
    }

    func testControlFields() throws {
        let built = try package()
        func field(_ name: String) throws -> String {
            try dpkgDeb(["--field", built.deb.path, name]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        XCTAssertEqual(try field("Package"), "maestro-topo")
        XCTAssertEqual(try field("Version"), built.version)
        XCTAssertEqual(try field("Architecture"), try architecture())
        XCTAssertEqual(try field("Section"), "admin")
        XCTAssertEqual(try field("Priority"), "optional")
        XCTAssertTrue(try field("Maintainer").contains("@"))
        XCTAssertEqual(try field("Depends"), "", "the shipped binary is static")
        let size = try XCTUnwrap(Int(try field("Installed-Size")))
        let binarySize = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: Tool.binary.path)[.size] as? Int)
        XCTAssertGreaterThan(size, 100)
        XCTAssertLessThan(size, binarySize / 1024 + 1024, "stripped, the binary is no larger than it was")
        let description = try field("Description").split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(description.first, "plan and check multi-server LISTSERV Maestro installations")
        XCTAssertGreaterThan(description.count, 5, "an extended description follows the synopsis")
        XCTAssertTrue(description.contains(" ."), "paragraphs are separated by ' .'")
    }

    /// Exactly these files, owned by root, 0644 (the binary 0755), every
    /// folder 0755.
    func testContentsOwnersAndModes() throws {
        let built = try package()
        let listing = try dpkgDeb(["--contents", built.deb.path]).stdout
        var files: [String: String] = [:]
        for line in listing.split(separator: "\n") {
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            XCTAssertGreaterThanOrEqual(columns.count, 6, String(line))
            guard columns.count >= 6 else { continue }
            let mode = String(columns[0]), path = String(columns[5])
            XCTAssertEqual(columns[1], "root/root", String(line))
            if mode.hasPrefix("d") {
                XCTAssertEqual(mode, "drwxr-xr-x", String(line))
            } else {
                files[path] = mode
            }
        }
        XCTAssertEqual(files, [
            "./usr/bin/maestro-topo": "-rwxr-xr-x",
            "./usr/share/man/man1/maestro-topo.1.gz": "-rw-r--r--",
            "./usr/share/bash-completion/completions/maestro-topo": "-rw-r--r--",
            "./usr/share/zsh/vendor-completions/_maestro-topo": "-rw-r--r--",
            "./usr/share/fish/vendor_completions.d/maestro-topo.fish": "-rw-r--r--",
            "./usr/share/maestro-topo/topology.schema.json": "-rw-r--r--",
            "./usr/share/doc/maestro-topo/copyright": "-rw-r--r--",
            "./usr/share/doc/maestro-topo/changelog.gz": "-rw-r--r--",
            "./usr/share/lintian/overrides/maestro-topo": "-rw-r--r--",
        ])
    }

    /// dpkg installs it into a scratch root (as root or not), and what it
    /// installed works: the binary, the man page, the completions, the
    /// JSON Schema.
    func testInstallsWithDpkgAndRuns() throws {
        let built = try package()
        let dpkg = try Tool.require("dpkg")
        let root = built.folder.appendingPathComponent("root-\(UUID().uuidString)")
        let admin = root.appendingPathComponent("var/lib/dpkg")
        for folder in ["info", "updates"] {
            try FileManager.default.createDirectory(at: admin.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        XCTAssertTrue(FileManager.default.createFile(atPath: admin.appendingPathComponent("status").path, contents: Data()))
        let install = try Tool.runProgram(
            dpkg, ["--root=\(root.path)", "--log=/dev/null", "--force-not-root", "--force-bad-path", "-i", built.deb.path],
            in: Tool.packageRoot)
        XCTAssertEqual(install.status, 0, install.stdout + install.stderr)
        let status = try Tool.runProgram(dpkg, ["--root=\(root.path)", "--status", "maestro-topo"], in: Tool.packageRoot)
        XCTAssertTrue(status.stdout.contains("Status: install ok installed"), status.stdout + status.stderr)
        // The package's md5sums match what it installed.
        let verify = try Tool.runProgram(dpkg, ["--root=\(root.path)", "--verify", "maestro-topo"], in: Tool.packageRoot)
        XCTAssertEqual(verify.status, 0, verify.stdout + verify.stderr)
        XCTAssertEqual(verify.stdout, "")

        let installed = root.appendingPathComponent("usr/bin/maestro-topo").path
        let version = try Tool.runProgram(installed, ["--version"], in: root)
        XCTAssertEqual(version.status, 0, version.stderr)
        XCTAssertEqual(version.stdout, try Tool.run(["--version"]).stdout)
        XCTAssertTrue(version.stdout.hasPrefix("maestro-topo \(built.version)\n"), version.stdout)
        let validate = try Tool.runProgram(
            installed, ["validate", "--quiet", "topologies/four-server.yaml"], in: Tool.packageRoot)
        XCTAssertEqual(validate.status, 0, validate.stderr)

        let share = root.appendingPathComponent("usr/share")
        let page = try Tool.runProgram(
            try Tool.require("gzip"), ["-dc", share.appendingPathComponent("man/man1/maestro-topo.1.gz").path], in: root)
        XCTAssertEqual(page.status, 0, page.stderr)
        XCTAssertTrue(page.stdout.contains(".Dt MAESTRO-TOPO 1"), String(page.stdout.prefix(300)))
        XCTAssertTrue(page.stdout.contains("validate"))
        func text(_ path: String) throws -> String {
            try String(contentsOf: share.appendingPathComponent(path), encoding: .utf8)
        }
        let bash = try text("bash-completion/completions/maestro-topo")
        XCTAssertFalse(bash.hasPrefix("#!"), "bash-completion sources the file; no #! line")
        XCTAssertTrue(bash.contains("complete -o filenames -F"), String(bash.suffix(300)))
        XCTAssertTrue(try text("zsh/vendor-completions/_maestro-topo").hasPrefix("#compdef maestro-topo"))
        XCTAssertTrue(try text("fish/vendor_completions.d/maestro-topo.fish").contains("complete -c 'maestro-topo'"))
        // The JSON Schema, which init then names for editors.
        XCTAssertEqual(try text("maestro-topo/topology.schema.json"), try Tool.run(["schema"]).stdout)
        let started = try Tool.runProgram(installed, ["init"], in: root)
        let schema = share.resolvingSymlinksInPath().appendingPathComponent("maestro-topo/topology.schema.json").path
        XCTAssertTrue(started.stdout.hasPrefix("# yaml-language-server: $schema=\(schema)\n"), started.stdout)
        let copyright = try text("doc/maestro-topo/copyright")
        XCTAssertTrue(
            copyright.hasPrefix("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"),
            String(copyright.prefix(200)))
        let changelog = try Tool.runProgram(
            try Tool.require("gzip"), ["-dc", share.appendingPathComponent("doc/maestro-topo/changelog.gz").path], in: root)
        XCTAssertTrue(changelog.stdout.hasPrefix("maestro-topo (\(built.version)) unstable; urgency=medium\n"), changelog.stdout)

        let removal = try Tool.runProgram(
            dpkg, ["--root=\(root.path)", "--log=/dev/null", "--force-not-root", "--force-bad-path", "--purge", "maestro-topo"],
            in: Tool.packageRoot)
        XCTAssertEqual(removal.status, 0, removal.stdout + removal.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: installed))
    }

    /// No lintian error. The binary built for the tests is a debug build
    /// linked against the toolchain's shared Swift runtime, where the one
    /// `make deb` ships is static: the two tags on how a dynamic binary finds
    /// its libraries describe the test build alone and are left out for it.
    func testLintianFindsNoErrors() throws {
        let built = try package()
        let lintian = try Tool.require("lintian")
        var arguments = ["--tag-display-limit", "0", "--fail-on", "error"]
        let readelf = try Tool.runProgram(try Tool.require("readelf"), ["-l", Tool.binary.path], in: Tool.packageRoot)
        if readelf.stdout.contains("INTERP") {
            arguments += ["--suppress-tags", "custom-library-search-path,undeclared-elf-prerequisites"]
        }
        let run = try Tool.runProgram(lintian, arguments + [built.deb.path], in: Tool.packageRoot)
        let errors = run.stdout.split(separator: "\n").filter { $0.hasPrefix("E:") }
        XCTAssertEqual(errors, [], run.stdout)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertFalse(run.stdout.contains("malformed-override"), run.stdout)
    }
}
