import Foundation
import TopoTestSupport
import XCTest

/// `maestro-topo verify` as an administrator runs it: on the folder a
/// bundle's own certificate script and ssl.ini made, end to end with a
/// throwaway CA, then with faults, in every format.
final class VerifyCLITests: TemporaryDirectoryTestCase {
    static let password = "s3cret pw!"
    var root: URL!
    var topology: URL!
    var bundle: URL { directory.appendingPathComponent("bundle") }

    /// The four-server example with its install folder in the test's folder.
    func writeTopology() throws {
        root = directory.appendingPathComponent("maestro")
        let example = try String(contentsOf: Tool.packageRoot.appendingPathComponent("topologies/four-server.yaml"), encoding: .utf8)
        topology = directory.appendingPathComponent("acme.yaml")
        // The CA the fixture makes signs the certificates.
        let text = example.replacingOccurrences(of: "/opt/lsoft/maestro", with: root.path)
            .replacingOccurrences(of: "ca: Acme Issuing CA 2026", with: "ca: Maestro Test CA")
        try Data(text.utf8).write(to: topology)
    }

    /// What an administrator does on ui.acme.example with the bundle:
    /// trust (vendor step 2.2.1), request, sign with the CA, install, copy
    /// ssl.ini, restart (here: the logs a restart writes).
    func installFromBundle() throws -> InstallationFixture {
        try writeTopology()
        let fixture = try InstallationFixture(in: directory)
        let sh = try Tool.require("sh")
        let env = ["MAESTRO_KEYSTORE_PASSWORD": Self.password]
        let bundle = self.bundle
        let built = try Tool.run(["bundle", topology.path, "--out", bundle.path], environment: env)
        XCTAssertEqual(built.status, 0, built.stderr)
        for folder in ["hub", "lui", "keystore", "jre/lib/security", "HUB/log", "LUI/log", "commands"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        // Java's shipped trusted roots, under their well-known password.
        try fixture.trustStore(at: root.appendingPathComponent("jre/lib/security/cacerts"), password: "changeit", withCA: false)
        let host = bundle.appendingPathComponent("hosts/ui.acme.example")
        let script = host.appendingPathComponent("certificate.sh").path
        let keytoolEnv = env.merging(["KEYTOOL": fixture.keytool, "TRUSTSTORE_PASSWORD": "trust store pw"]) { $1 }
        let ca = fixture.ca.certificate.path
        for arguments in [["trust", ca], ["request"]] {
            let run = try Tool.runProgram(sh, [script] + arguments, environment: keytoolEnv, in: host)
            XCTAssertEqual(run.status, 0, "\(arguments): \(run.stderr)")
        }
        // The CA signs the request (the script names the SAN it asked for).
        let signed = directory.appendingPathComponent("signed.pem"), ext = directory.appendingPathComponent("san.cnf")
        try Data("subjectAltName=DNS:ui.acme.example\n".utf8).write(to: ext)
        let sign = try Tool.runProgram(fixture.openssl, [
            "x509", "-req", "-in", host.appendingPathComponent("ui.acme.example.csr").path, "-CA", ca,
            "-CAkey", fixture.ca.key.path, "-CAcreateserial", "-days", "365", "-extfile", ext.path, "-out", signed.path,
        ], in: directory)
        XCTAssertEqual(sign.status, 0, sign.stderr)
        let install = try Tool.runProgram(sh, [script, "install", ca, signed.path], environment: keytoolEnv, in: host)
        XCTAssertEqual(install.status, 0, install.stderr)
        let sslIni = root.appendingPathComponent("commands/ssl.ini")
        try FileManager.default.copyItem(at: host.appendingPathComponent("commands/ssl.ini"), to: sslIni)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: sslIni.path)
        for component in ["HUB", "LUI"] {
            try Data("\(component): Starting\n\(component): Initializing Secure Sockets Layer (SSL) for component communication\n".utf8)
                .write(to: root.appendingPathComponent("\(component)/log/\(component.lowercased()).log"))
        }
        return fixture
    }

    func verify(_ extra: [String] = [], password: String? = VerifyCLITests.password) throws -> ToolRun {
        try Tool.run(["verify", topology.path, "--host", "ui.acme.example", "--root", root.path, "--no-color"] + extra,
                     environment: password.map { ["MAESTRO_KEYSTORE_PASSWORD": $0] } ?? [:])
    }

    /// Paths of this run and dates of this year's certificates, made
    /// stable for the golden files.
    func stable(_ text: String) -> String {
        var text = text.replacingOccurrences(of: directory.path, with: "<tmp>")
        for pattern in [#"\d{4}-\d{2}-\d{2}"#, #"in \d+ days"#] {
            let regex = try! NSRegularExpression(pattern: pattern)
            text = regex.stringByReplacingMatches(
                in: text, range: NSRange(text.startIndex..., in: text),
                withTemplate: pattern.hasPrefix("in") ? "in <n> days" : "<date>")
        }
        return text
    }

    /// The tool verifies what it generated: bundle → certificate.sh with a
    /// throwaway CA → verify is clean, in text and JSON.
    func testWhatTheBundleMadeVerifiesClean() throws {
        let fixture = try installFromBundle()
        let run = try verify(["--ca-file", fixture.ca.certificate.path])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertEqual(run.stderr, "", "no findings")
        try assertGolden(stable(run.stdout), "verify-clean.txt")
        XCTAssertFalse(run.stdout.contains(Self.password))
        let json = try verify(["--ca-file", fixture.ca.certificate.path, "--format", "json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        try assertGolden(stable(json.stdout), "verify-clean.json")
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(document["format_version"] as? Int, 1)
        XCTAssertEqual((document["diagnostics"] as? [Any])?.count, 0)
    }

    /// A server with the faults administrators make: spaces in the allowed
    /// clients, ssl.ini readable by all, LUI not restarted, a TRK folder
    /// left from a move. Text on both streams, JSON and SARIF.
    func testABrokenServerInEveryFormat() throws {
        _ = try installFromBundle()
        let sslIni = root.appendingPathComponent("commands/ssl.ini")
        var text = try String(contentsOf: sslIni, encoding: .utf8)
        text = text.replacingOccurrences(of: "SSLAllowedClients=ui.acme.example,trk.acme.example",
                                         with: "SSLAllowedClients=ui.acme.example, TRK.acme.example")
        try Data(text.utf8).write(to: sslIni)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: sslIni.path)
        // A later start's log, newer by a minute (a file system's clock may
        // give two files written together the same time).
        let later = root.appendingPathComponent("LUI/log/lui-2.log")
        try Data("LUI: Starting\n".utf8).write(to: later)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: later.path)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("trk"), withIntermediateDirectories: true)
        let run = try verify()
        XCTAssertEqual(run.status, 1)
        try assertGolden(stable(run.stderr), "verify-broken.stderr.txt")
        try assertGolden(stable(run.stdout), "verify-broken.txt")
        XCTAssertFalse((run.stdout + run.stderr).contains(Self.password))
        XCTAssertTrue(run.stderr.contains("SSLKeystorePassword=********") || !run.stderr.contains("SSLKeystorePassword="))
        let json = try verify(["--format", "json"])
        XCTAssertEqual(json.status, 1)
        try assertGolden(stable(json.stdout), "verify-broken.json")
        let sarif = try verify(["--format", "sarif"])
        XCTAssertEqual(sarif.status, 1)
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let results = ((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        XCTAssertEqual(results.count, 4, sarif.stdout)
        // Warnings fail the run only with --strict: the TRK folder alone.
        try Data(text.replacingOccurrences(of: "ui.acme.example, TRK.acme.example", with: "ui.acme.example,trk.acme.example").utf8)
            .write(to: sslIni)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: sslIni.path)
        try FileManager.default.removeItem(at: root.appendingPathComponent("LUI/log/lui-2.log"))
        XCTAssertEqual(try verify().status, 0)
        XCTAssertEqual(try verify(["--strict"]).status, 1)
    }

    /// A keystore type only keytool reads, and no keytool: verify cannot
    /// judge the server and says so (exit 2) rather than passing it.
    func testAKeystoreOnlyKeytoolReadsNeedsKeytool() throws {
        let fixture = try installFromBundle()
        let keystore = root.appendingPathComponent("keystore/ui.acme.example.jks")
        let jceks = directory.appendingPathComponent("ui.jceks")
        let convert = try Tool.runProgram(fixture.keytool, [
            "-importkeystore", "-srckeystore", keystore.path, "-srcstorepass:env", "P", "-destkeystore", jceks.path,
            "-deststoretype", "JCEKS", "-deststorepass:env", "P", "-destkeypass:env", "P", "-noprompt",
        ], environment: ["P": Self.password], in: directory)
        XCTAssertEqual(convert.status, 0, convert.stderr)
        try FileManager.default.removeItem(at: keystore)
        try FileManager.default.copyItem(at: jceks, to: keystore)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keystore.path)
        let withKeytool = try verify()
        XCTAssertEqual(withKeytool.status, 0, withKeytool.stderr)
        XCTAssertTrue(withKeytool.stdout.contains("opens (JCEKS)"), withKeytool.stdout)
        let without = try Tool.run(["verify", topology.path, "--host", "ui.acme.example", "--root", root.path],
                                   environment: ["MAESTRO_KEYSTORE_PASSWORD": Self.password, "PATH": "/nonexistent"])
        XCTAssertEqual(without.status, 2, without.stdout + without.stderr)
        XCTAssertTrue(without.stderr.contains("no keytool was found on PATH"), without.stderr)
    }

    func testVerifyRefusesWhatItCannotCheck() throws {
        try writeTopology()
        let none = try Tool.run(["verify", topology.path, "--host", "nowhere.example", "--root", directory.path])
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("'nowhere.example' is not a host of the topology"), none.stderr)
        let database = try Tool.run(["verify", topology.path, "--host", "db.acme.example", "--root", directory.path])
        XCTAssertEqual(database.status, 2)
        XCTAssertTrue(database.stderr.contains("runs no Maestro component"), database.stderr)
        let map = try Tool.run(["verify", topology.path, "--path-map", "nothing"])
        XCTAssertEqual(map.status, 2)
        XCTAssertTrue(map.stderr.contains("is not FROM=TO"), map.stderr)
        let format = try Tool.run(["verify", topology.path, "--format", "junit"])
        XCTAssertEqual(format.status, 2)
        let broken = try Tool.run(["verify", "topologies/broken/partial-ssl.yaml", "--host", "x", "--root", directory.path])
        XCTAssertEqual(broken.status, 1, broken.stderr)
        XCTAssertTrue(broken.stderr.contains("nothing verified"), broken.stderr)
        let help = try Tool.run(["verify", "--help"])
        XCTAssertTrue(help.stdout.contains("--path-map"), help.stdout)
    }

    /// On the machine itself: the planned folder is read as it is, and the
    /// machine's own names are compared with the planned one.
    func testOnTheServerItselfTheMachinesNameCounts() throws {
        try writeTopology()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("hub"), withIntermediateDirectories: true)
        let run = try Tool.run(["verify", topology.path, "--host", "ui.acme.example", "--no-color"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("error[host-name-mismatch]: this machine is not 'ui.acme.example'"), run.stderr)
        XCTAssertTrue(run.stdout.contains("(on the server)"), run.stdout)
        let plain = try Tool.run(["verify", topology.path])
        XCTAssertEqual(plain.status, 2)
        XCTAssertTrue(plain.stderr.contains("no Maestro server of the topology is this machine"), plain.stderr)
    }

    /// discover on each server, declared fragments for the database and
    /// LISTSERV hosts, --merge: a topology validate accepts, which diff
    /// takes as CURRENT against a target that moves the Tracker.
    func testDiscoverMergeAndDiff() throws {
        let fixture = try installFromBundle()
        let sh = try Tool.require("sh")
        // The Tracker server, as a copy of its install folder elsewhere.
        let trk = directory.appendingPathComponent("trk-copy")
        for folder in ["trk", "commands", "keystore"] {
            try FileManager.default.createDirectory(at: trk.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let host = bundle.appendingPathComponent("hosts/trk.acme.example")
        let env = ["MAESTRO_KEYSTORE_PASSWORD": Self.password, "KEYTOOL": fixture.keytool,
                   "KEYSTORE": trk.appendingPathComponent("keystore/trk.acme.example.jks").path]
        let request = try Tool.runProgram(sh, [host.appendingPathComponent("certificate.sh").path, "request"], environment: env, in: host)
        XCTAssertEqual(request.status, 0, request.stderr)
        let signed = directory.appendingPathComponent("trk.pem"), ext = directory.appendingPathComponent("trk.cnf")
        try Data("subjectAltName=DNS:trk.acme.example\n".utf8).write(to: ext)
        let sign = try Tool.runProgram(fixture.openssl, [
            "x509", "-req", "-in", host.appendingPathComponent("trk.acme.example.csr").path, "-CA", fixture.ca.certificate.path,
            "-CAkey", fixture.ca.key.path, "-CAcreateserial", "-days", "365", "-extfile", ext.path, "-out", signed.path,
        ], in: directory)
        XCTAssertEqual(sign.status, 0, sign.stderr)
        let install = try Tool.runProgram(sh, [host.appendingPathComponent("certificate.sh").path, "install",
                                               fixture.ca.certificate.path, signed.path], environment: env, in: host)
        XCTAssertEqual(install.status, 0, install.stderr)
        try FileManager.default.copyItem(at: host.appendingPathComponent("commands/ssl.ini"),
                                         to: trk.appendingPathComponent("commands/ssl.ini"))

        func discover(_ arguments: [String], into name: String) throws -> URL {
            let run = try Tool.run(["discover"] + arguments)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertFalse(run.stdout.contains(Self.password), "a password is never copied")
            let url = directory.appendingPathComponent(name)
            try Data(run.stdout.utf8).write(to: url)
            return url
        }
        let ui = try discover(["--root", root.path, "--host", "ui.acme.example"], into: "ui.yaml")
        let trkFragment = try discover(["--root", trk.path, "--host", "trk.acme.example", "--install-folder", root.path],
                                       into: "trk.yaml")
        let db = try discover(["--host", "db.acme.example", "--components", "DATABASE", "--database-engine", "postgresql"],
                              into: "db.yaml")
        let lsv = try discover(["--host", "lsv.acme.example", "--components", "LISTSERV"], into: "lsv.yaml")
        try assertGolden(String(contentsOf: ui, encoding: .utf8).replacingOccurrences(of: directory.path, with: "<tmp>"),
                         "discover-ui.yaml")
        let merged = try Tool.run(["discover", "--merge", ui.path, trkFragment.path, db.path, lsv.path,
                                   "--installation", "acme-production"])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        let current = directory.appendingPathComponent("current.yaml")
        try Data(merged.stdout.utf8).write(to: current)
        XCTAssertEqual(try Tool.run(["validate", current.path]).status, 0)

        // The target moves the Tracker to a new host.
        let target = directory.appendingPathComponent("target.yaml")
        let planned = try String(contentsOf: topology, encoding: .utf8)
        try Data(planned.replacingOccurrences(of: "trk.acme.example:", with: "trk2.acme.example:").utf8).write(to: target)
        let diff = try Tool.run(["diff", current.path, target.path, "--no-color"])
        XCTAssertEqual(diff.stderr.contains("error["), false, diff.stderr)
        try assertGolden(diff.stdout.replacingOccurrences(of: directory.path, with: "<tmp>"), "discover-diff.txt")
        XCTAssertTrue(diff.stdout.contains("trk2.acme.example"), diff.stdout)

        // A fragment that names a host twice, or no fragment that loads, stops the merge.
        let twice = try Tool.run(["discover", "--merge", ui.path, ui.path])
        XCTAssertEqual(twice.status, 2)
        XCTAssertTrue(twice.stderr.contains("is in both"), twice.stderr)
        let missing = try Tool.run(["discover", "--merge", ui.path, trkFragment.path])
        XCTAssertEqual(missing.status, 1, "no database or LISTSERV host: the joined topology has errors")
        XCTAssertTrue(missing.stderr.contains("missing-component"), missing.stderr)
    }

    func testDiscoverRefusesBadInput() throws {
        let noRoot = try Tool.run(["discover", "--host", "x.example"])
        XCTAssertEqual(noRoot.status, 2)
        XCTAssertTrue(noRoot.stderr.contains("--root DIR"), noRoot.stderr)
        let notFolder = try Tool.run(["discover", "--root", directory.appendingPathComponent("none").path, "--host", "x.example"])
        XCTAssertEqual(notFolder.status, 2)
        XCTAssertTrue(notFolder.stderr.contains("is not a folder"), notFolder.stderr)
        let component = try Tool.run(["discover", "--host", "x.example", "--components", "DATABASE,MAIL"])
        XCTAssertEqual(component.status, 2)
        XCTAssertTrue(component.stderr.contains("'MAIL' is no component"), component.stderr)
        // A hostile path or name reads back as itself.
        let odd = directory.appendingPathComponent("odd \"folder\" #1")
        try FileManager.default.createDirectory(at: odd.appendingPathComponent("hub"), withIntermediateDirectories: true)
        let run = try Tool.run(["discover", "--root", odd.path, "--host", "hub.example.com", "--os", "windows", "--install-folder", "C:\\Maestro (x) & #1 %y%"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let fragment = directory.appendingPathComponent("odd.yaml")
        try Data(run.stdout.utf8).write(to: fragment)
        // It loads: only the components missing from a one-host file are found.
        let checked = try Tool.run(["validate", fragment.path, "--format", "json"])
        let rules = Set(checked.stdout.components(separatedBy: "\"rule\": \"").dropFirst().map { $0.prefix { $0 != "\"" } })
        XCTAssertEqual(rules, ["missing-component"], checked.stdout)
    }
}
