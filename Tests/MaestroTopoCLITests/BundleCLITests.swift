import Foundation
@testable import TopoPlan
@testable import TopoSystem
import TopoTestSupport
import XCTest

/// `maestro-topo bundle` as an operator uses it, checked with the real tools:
/// sha256sum, java.util.Properties, keytool and openssl.
final class BundleCLITests: TemporaryDirectoryTestCase {
    static let password = #"pa ss#wörd!=:\x"#

    func bundle(_ topology: String, _ extra: [String] = [], env: [String: String] = ["MAESTRO_KEYSTORE_PASSWORD": password]) throws -> ToolRun {
        try Tool.run(["bundle", topology, "--out", directory.appendingPathComponent("out").path] + extra, environment: env)
    }

    var out: URL { directory.appendingPathComponent("out") }

    func files(under root: URL) throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root.path)!
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files.append(path) }
        }
        return files.sorted()
    }

    func mode(_ url: URL) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as! NSNumber).intValue
    }

    func testFourServerLayoutModesAndChecksums() throws {
        let run = try bundle("topologies/four-server.yaml")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try files(under: out), [
            ".maestro-topo-bundle", "README.md", "SHA256SUMS",
            "hosts/db.acme.example/README.md", "hosts/db.acme.example/firewall.nft",
            "hosts/lsv.acme.example/README.md", "hosts/lsv.acme.example/firewall.nft",
            "hosts/trk.acme.example/README.md", "hosts/trk.acme.example/certificate.sh",
            "hosts/trk.acme.example/commands/ssl.ini", "hosts/trk.acme.example/firewall.nft",
            "hosts/ui.acme.example/README.md", "hosts/ui.acme.example/certificate.sh",
            "hosts/ui.acme.example/commands/ssl.ini", "hosts/ui.acme.example/firewall.nft",
            "plan.json",
        ])
        let sha256sum = try Tool.require("sha256sum")
        let check = try Tool.runProgram(sha256sum, ["-c", "--strict", "SHA256SUMS"], in: out)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertEqual(check.stdout.split(separator: "\n").count, 15)
        for folder in ["", "hosts", "hosts/ui.acme.example", "hosts/ui.acme.example/commands", "hosts/db.acme.example"] {
            XCTAssertEqual(try mode(out.appendingPathComponent(folder)), 0o700, folder)
        }
        for host in ["ui.acme.example", "trk.acme.example"] {
            XCTAssertEqual(try mode(out.appendingPathComponent("hosts/\(host)/commands/ssl.ini")), 0o600)
        }
    }

    func testNoPasswordOutsideSSLIni() throws {
        let run = try bundle("topologies/four-server.yaml", ["--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(run.stdout.contains(Self.password))
        XCTAssertFalse(run.stderr.contains(Self.password))
        for file in try files(under: out) {
            let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
            let escaped = JavaProperties.escape(Self.password)
            if file.hasSuffix("ssl.ini") {
                XCTAssertTrue(text.contains("SSLKeystorePassword=" + escaped), file)
            } else {
                XCTAssertFalse(text.contains(Self.password) || text.contains(escaped), "\(file) holds the password")
            }
        }
    }

    func testJavaReadsEverySSLIniBack() throws {
        let java = try Tool.require("java")
        // Windows and Linux servers; the password comes from a file next to the topology.
        let topology = directory.appendingPathComponent("mixed.yaml")
        let text = try String(contentsOf: Tool.packageRoot.appendingPathComponent("topologies/mixed-os.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "{file: /etc/maestro-topo/keystore.pw}", with: "{file: keystore.pw}")
        try Data(text.utf8).write(to: topology)
        try Data((Self.password + "\n").utf8).write(to: directory.appendingPathComponent("keystore.pw"))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: directory.appendingPathComponent("keystore.pw").path)
        let run = try bundle(topology.path)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(run.stderr.contains("warning"), run.stderr)
        let ui = out.appendingPathComponent("hosts/ui.acme.example/commands/ssl.ini").path
        let trk = out.appendingPathComponent("hosts/trk.acme.example/commands/ssl.ini").path
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("hosts/sql.acme.example/commands").path))
        let read = try Tool.runProgram(java, [ReadProperties.source, ui, trk], in: directory)
        XCTAssertEqual(read.status, 0, read.stderr)
        let values = ReadProperties.parse(read.stdout)
        XCTAssertEqual(values[ui], [
            "SSLAllowedClients": "ui.acme.example,trk.acme.example",
            "SSLKeystorePath": #"D:\Certificates\ui.acme.example.jks"#,
            "SSLKeystorePassword": Self.password,
        ])
        XCTAssertEqual(values[trk], [
            "SSLAllowedClients": "ui.acme.example,trk.acme.example",
            "SSLKeystorePath": "/opt/lsoft/maestro/keystore/trk.acme.example.jks",
            "SSLKeystorePassword": Self.password,
        ])
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("hosts/ui.acme.example/certificate.cmd").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("hosts/ui.acme.example/firewall.ps1").path))
    }

    func testCertificateScriptAgainstAThrowawayCA() throws {
        let keytool = try Tool.require("keytool")
        let openssl = try Tool.require("openssl")
        XCTAssertEqual(try bundle("topologies/four-server.yaml").status, 0)
        let work = directory.appendingPathComponent("ca")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let env = ["KEYSTORE_PASSWORD": Self.password, "KEYSTORE": work.appendingPathComponent("keystore/trk.jks").path]
        for name in ["ca", "other"] {
            let ca = try Tool.runProgram(openssl, [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(name).key", "-out", "\(name).pem", "-days", "2",
                "-subj", "/CN=Throwaway Test \(name)",
            ], in: work)
            XCTAssertEqual(ca.status, 0, ca.stderr)
        }
        let script = out.appendingPathComponent("hosts/trk.acme.example/certificate.sh").path
        let request = try Tool.runProgram(script, ["request"], environment: env, in: work)
        XCTAssertEqual(request.status, 0, request.stdout + request.stderr)
        XCTAssertEqual(try mode(work.appendingPathComponent("keystore/trk.jks")), 0o600)
        // The request names the host as CN and as DNS subjectAltName.
        let text = try Tool.runProgram(openssl, ["req", "-in", "trk.acme.example.csr", "-noout", "-text"], in: work)
        XCTAssertTrue(text.stdout.contains("Subject: CN = trk.acme.example"), text.stdout)
        XCTAssertTrue(text.stdout.contains("DNS:trk.acme.example"), text.stdout)
        let key = try Tool.runProgram(openssl, ["req", "-in", "trk.acme.example.csr", "-noout", "-pubkey"], in: work).stdout
        // Run again: the key pair stays, the request is written again.
        try FileManager.default.removeItem(at: work.appendingPathComponent("trk.acme.example.csr"))
        let again = try Tool.runProgram(script, ["request"], environment: env, in: work)
        XCTAssertEqual(again.status, 0, again.stdout + again.stderr)
        XCTAssertTrue(again.stdout.contains("already holds the key pair (alias trk.acme.example): kept"), again.stdout)
        XCTAssertEqual(try Tool.runProgram(openssl, ["req", "-in", "trk.acme.example.csr", "-noout", "-pubkey"], in: work).stdout, key)

        let sign = try Tool.runProgram(openssl, [
            "x509", "-req", "-in", "trk.acme.example.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "signed.pem", "-days", "2", "-copy_extensions", "copy",
        ], in: work)
        XCTAssertEqual(sign.status, 0, sign.stderr)
        let install = try Tool.runProgram(script, ["install", "ca.pem", "signed.pem"], environment: env, in: work)
        XCTAssertEqual(install.status, 0, install.stdout + install.stderr)
        let list = try Tool.runProgram(keytool, [
            "-list", "-v", "-keystore", env["KEYSTORE"]!, "-storepass:env", "KEYSTORE_PASSWORD", "-alias", "trk.acme.example",
        ], environment: env, in: work)
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("Entry type: PrivateKeyEntry"), list.stdout)
        XCTAssertTrue(list.stdout.contains("Certificate chain length: 2"), list.stdout)
        XCTAssertTrue(list.stdout.contains("Owner: CN=trk.acme.example\n"), list.stdout)
        XCTAssertTrue(list.stdout.contains("Issuer: CN=Throwaway Test ca\n"), list.stdout)
        XCTAssertTrue(list.stdout.contains("DNSName: trk.acme.example"), list.stdout)
        // Run again after a failure elsewhere: the same root and the same reply are no error.
        let reinstall = try Tool.runProgram(script, ["install", "ca.pem", "signed.pem"], environment: env, in: work)
        XCTAssertEqual(reinstall.status, 0, reinstall.stdout + reinstall.stderr)
        XCTAssertTrue(reinstall.stdout.contains("ca.pem is already trusted (alias root)"), reinstall.stdout)
        XCTAssertTrue(reinstall.stdout.contains("already holds it: nothing to import"), reinstall.stdout)
        // A different root under 'root' is refused with a message.
        let otherRoot = try Tool.runProgram(script, ["install", "other.pem", "signed.pem"], environment: env, in: work)
        XCTAssertEqual(otherRoot.status, 1)
        XCTAssertTrue(otherRoot.stderr.contains("alias root in \(env["KEYSTORE"]!) already holds a different certificate than other.pem"),
                      otherRoot.stderr)
        // The password never went on a command line and never to the terminal.
        for run in [request, again, install, reinstall, otherRoot] {
            XCTAssertFalse((run.stdout + run.stderr).contains(Self.password))
        }
        // Stops at the first failing step, with a message.
        let wrong = try Tool.runProgram(script, ["install", "ca.pem", "missing.pem"], environment: env, in: work)
        XCTAssertEqual(wrong.status, 1)
        XCTAssertTrue(wrong.stderr.contains("missing.pem not found"), wrong.stderr)
        let noPassword = try Tool.runProgram("/usr/bin/env", ["-u", "KEYSTORE_PASSWORD", "-u", "MAESTRO_KEYSTORE_PASSWORD", script, "request"],
                                             in: work)
        XCTAssertEqual(noPassword.status, 1)
        XCTAssertTrue(noPassword.stderr.contains("set KEYSTORE_PASSWORD"), noPassword.stderr)
    }

    func testMissingSecretWritesNothingUnlessPlaceholdersAreAsked() throws {
        let run = try Tool.run(["bundle", "topologies/four-server.yaml", "--out", out.path],
                               environment: ["MAESTRO_KEYSTORE_PASSWORD": ""])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("MAESTRO_KEYSTORE_PASSWORD"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [], "no temporary folder left")

        let placeholder = try Tool.run(["bundle", "topologies/four-server.yaml", "--out", out.path, "--placeholder-secrets"],
                                       environment: ["MAESTRO_KEYSTORE_PASSWORD": ""])
        XCTAssertEqual(placeholder.status, 0, placeholder.stderr)
        XCTAssertTrue(placeholder.stderr.contains("placeholder"), placeholder.stderr)
        let ini = try String(contentsOf: out.appendingPathComponent("hosts/ui.acme.example/commands/ssl.ini"), encoding: .utf8)
        XCTAssertTrue(ini.contains("SSLKeystorePassword=\(SecretResolver.placeholder)"))
        let readme = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(readme.contains("Placeholder passwords"))
    }

    /// A snapshot of a folder: every file's path and contents.
    func snapshot(_ root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for file in try files(under: root) { result[file] = try Data(contentsOf: root.appendingPathComponent(file)) }
        return result
    }

    func testRefusalsLeaveTheFolderUntouched() throws {
        // A folder that is not a bundle.
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: out.appendingPathComponent("notes.txt"))
        var run = try bundle("topologies/four-server.yaml", ["--force"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("not a maestro-topo bundle"), run.stderr)
        XCTAssertEqual(try snapshot(out), ["notes.txt": Data("keep me".utf8)])
        try FileManager.default.removeItem(at: out)

        // An earlier bundle of the same installation: only --force replaces it.
        XCTAssertEqual(try bundle("topologies/four-server.yaml").status, 0)
        let earlier = try snapshot(out)
        run = try bundle("topologies/four-server.yaml")
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("--force"), run.stderr)
        XCTAssertEqual(try snapshot(out), earlier)

        // A bundle of another installation is refused even with --force.
        run = try bundle("topologies/mixed-os.yaml", ["--force", "--placeholder-secrets"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("'acme-production', not 'acme-mixed'"), run.stderr)
        XCTAssertEqual(try snapshot(out), earlier)

        // A missing secret and an invalid topology leave the earlier bundle as it was.
        run = try bundle("topologies/four-server.yaml", ["--force"], env: ["MAESTRO_KEYSTORE_PASSWORD": ""])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(try snapshot(out), earlier)
        run = try bundle("topologies/broken/partial-ssl.yaml", ["--force"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(try snapshot(out), earlier)

        // --force replaces it, and nothing of the old one stays.
        try Data("stale".utf8).write(to: out.appendingPathComponent("hosts/stale.txt"))
        run = try bundle("topologies/four-server.yaml", ["--force"], env: ["MAESTRO_KEYSTORE_PASSWORD": "another"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("hosts/stale.txt").path))
        XCTAssertNotEqual(try snapshot(out), earlier)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["out"], "no temporary folder left")
    }

    func testSymlinksAndUnwritableTargetsAreRefused() throws {
        let real = directory.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: out, withDestinationURL: real)
        let run = try bundle("topologies/four-server.yaml", ["--force"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("symbolic link"), run.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: real.path), [])

        let nowhere = try Tool.run(["bundle", "topologies/four-server.yaml", "--out", "/proc/maestro-topo-bundle"],
                                   environment: ["MAESTRO_KEYSTORE_PASSWORD": "x"])
        XCTAssertEqual(nowhere.status, 2)
        XCTAssertTrue(nowhere.stderr.contains("cannot write"), nowhere.stderr)
        let missingParent = try Tool.run(
            ["bundle", "topologies/four-server.yaml", "--out", directory.appendingPathComponent("no/such/bundle").path],
            environment: ["MAESTRO_KEYSTORE_PASSWORD": "x"])
        XCTAssertEqual(missingParent.status, 2)
        XCTAssertTrue(missingParent.stderr.contains("does not exist"), missingParent.stderr)
    }

    func testMixedOSBundleFilesAreAsPinned() throws {
        let run = try Tool.run(["bundle", "topologies/mixed-os.yaml", "--out", out.path, "--placeholder-secrets"])
        XCTAssertEqual(run.status, 0, run.stderr)
        var combined = ""
        for file in try files(under: out) where file != "plan.json" && file != "SHA256SUMS" {
            combined += "=== \(file) (\(String(try mode(out.appendingPathComponent(file)), radix: 8)))\n"
            combined += try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
                .replacingOccurrences(of: "\r\n", with: "⏎\n")
        }
        try assertGolden(combined, "bundle-mixed-os.txt")
        try assertGolden(run.stdout.replacingOccurrences(of: out.path, with: "OUT"), "bundle-mixed-os-tree.txt")
    }
}
