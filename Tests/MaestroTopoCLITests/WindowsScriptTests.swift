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

/// `certificate.cmd` run by Wine's cmd, with the Windows paths that broke
/// the first version: `(x86)`, `&`, `%`, `!` and `^` in install folders,
/// overrides and file arguments. keytool and icacls are `recorder.exe`
/// (Support/WindowsRecorder.swift), which logs each command line as
/// keytool.exe would split it; the last test lets it run the real keytool.
/// One Wine prefix serves the whole class.
final class WindowsScriptTests: XCTestCase {
    nonisolated(unsafe) static var shared: (wine: WinePrefix, recorder: URL)?
    var work: URL!
    var wine: WinePrefix { Self.shared!.wine }
    var recorder: URL { Self.shared!.recorder }

    static let keystorePassword = "k3y p&ss%PATH%!^x"
    static let truststorePassword = "tru5t (p&ss)!^"

    override func setUpWithError() throws {
        if Self.shared == nil {
            let wine = try WinePrefix(wine: try WinePrefix.require())
            do {
                Self.shared = (wine, try WindowsRecorder.build(in: wine.root))
            } catch {
                wine.close()
                throw error
            }
        }
        work = try Tool.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    override class func tearDown() {
        shared?.wine.close()
        shared = nil
        super.tearDown()
    }

    // MARK: - Setting the scene

    /// A topology of Windows Maestro servers, one per (host, install folder).
    func bundle(_ name: String, _ servers: [(host: String, folder: String, components: String)]) throws -> URL {
        var yaml = """
            version: 1
            installation: \(name)
            component_ssl:
              enabled: true
              ca: 'Hostile CA 100% & (x86) ^ !'
              keystore_password: {env: MAESTRO_KEYSTORE_PASSWORD}
            defaults:
              os: windows
            hosts:

            """
        for server in servers {
            yaml += "  \(server.host):\n    components: [\(server.components)]\n    install_folder: '\(server.folder)'\n"
        }
        yaml += "  db.\(name).example:\n    components: [DATABASE]\n    os: linux\n"
        yaml += "  lsv.\(name).example:\n    components: [LISTSERV]\n    os: linux\n"
        let file = work.appendingPathComponent("\(name).yaml")
        try Data(yaml.utf8).write(to: file)
        let out = work.appendingPathComponent("bundle-\(name)")
        let run = try Tool.run(["bundle", file.path, "--out", out.path],
                               environment: ["MAESTRO_KEYSTORE_PASSWORD": Self.keystorePassword])
        XCTAssertEqual(run.status, 0, run.stderr)
        return out
    }

    func script(_ bundle: URL, _ host: String) -> String {
        WinePrefix.windowsPath(bundle.appendingPathComponent("hosts/\(host)/certificate.cmd"))
    }

    /// A folder for programs on PATH: icacls (the recorder) and a calc.cmd
    /// that leaves a marker if anything ever runs it.
    func stubs() throws -> URL {
        let stubs = work.appendingPathComponent("stubs")
        try FileManager.default.createDirectory(at: stubs, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: recorder, to: stubs.appendingPathComponent("icacls.exe"))
        let calc = "@echo calc ran> \"\(WinePrefix.windowsPath(canary))\"\r\n"
        try Data(calc.utf8).write(to: stubs.appendingPathComponent("calc.cmd"))
        try Data(calc.utf8).write(to: work.appendingPathComponent("calc.cmd"))
        return stubs
    }

    var canary: URL { work.appendingPathComponent("calc-ran") }

    func makeFile(_ url: URL, _ text: String = "placeholder\n") throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func copyRecorder(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: recorder, to: url)
    }

    struct Step {
        var label: String
        var script: String
        var arguments: [String]
        /// `set` lines for this step only (name, value).
        var settings: [(String, String)] = []
    }

    /// Runs the steps in one cmd, each from a subroutine of a driver batch
    /// file (so every script's exit is seen), with the recorder logging
    /// into `rec/<label>`. Returns the run and each step's exit code.
    func drive(_ steps: [Step], environment: [String: String], temp: URL) throws -> (run: ToolRun, status: [String: Int]) {
        let stubs = try stubsFolder()
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
        let lit = WinePrefix.batchLiteral
        var lines = [
            "@echo off",
            "set \"PATH=\(WinePrefix.windowsPath(stubs));%PATH%\"",
            "set \"TEMP=\(lit(WinePrefix.windowsPath(temp)))\"",
            "cd /d \"\(WinePrefix.windowsPath(work))\"",
        ]
        var routines: [String] = []
        for (index, step) in steps.enumerated() {
            let log = work.appendingPathComponent("rec/\(step.label)")
            try FileManager.default.createDirectory(at: log, withIntermediateDirectories: true)
            lines.append("setlocal")
            lines.append("set \"RECORDER_DIR=\(WinePrefix.windowsPath(log))\"")
            lines += step.settings.map { "set \"\($0.0)=\(lit($0.1))\"" }
            lines.append("call :step\(index)")
            lines.append("echo STATUS \(step.label) %errorlevel%")
            lines.append("endlocal")
            routines.append(":step\(index)")
            routines.append((["\"\(step.script)\""] + step.arguments.map { "\"\(lit($0))\"" }).joined(separator: " "))
        }
        lines.append("exit /b 0")
        let run = try wine.runBatch(lines + routines, environment: environment, in: work)
        var status: [String: Int] = [:]
        // cmd ends lines with CRLF, which Swift sees as one Character.
        for line in run.stdout.components(separatedBy: .newlines) where line.hasPrefix("STATUS ") {
            let parts = line.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")
            status[String(parts[1])] = Int(parts[2])
        }
        return (run, status)
    }

    private var stubsMade: URL?
    func stubsFolder() throws -> URL {
        if let stubsMade { return stubsMade }
        let made = try stubs()
        stubsMade = made
        return made
    }

    func calls(_ label: String) -> [RecordedCall] {
        RecordedCall.read(work.appendingPathComponent("rec/\(label)"))
    }

    /// The calls with the script's temporary folder (random) as `<WORK>`.
    func normalized(_ calls: [RecordedCall], temp: URL) -> [RecordedCall] {
        let prefix = WinePrefix.windowsPath(temp) + "\\maestro-topo-"
        return calls.map { call in
            var call = call
            call.arguments = call.arguments.map { argument in
                guard argument.hasPrefix(prefix) else { return argument }
                let rest = argument.dropFirst(prefix.count).drop { $0.isNumber }
                return "<WORK>" + rest
            }
            return call
        }
    }

    // MARK: - What keytool must see

    func trustCalls(keytool: String, truststore: String, roots: [String], storepasswd: Bool) -> [RecordedCall] {
        var expected = roots.map { RecordedCall(program: keytool, arguments: ["-printcert", "-rfc", "-file", $0]) }
        expected.append(RecordedCall(program: keytool, arguments: ["-list", "-keystore", truststore, "-storepass:env", "TRUSTSTORE_PASSWORD"]))
        expected.append(RecordedCall(program: keytool, arguments: ["-list", "-keystore", truststore, "-storepass:env", "TRUSTSTORE_CURRENT_PASSWORD"]))
        if storepasswd {
            expected.append(RecordedCall(program: keytool, arguments: [
                "-storepasswd", "-keystore", truststore, "-storepass:env", "TRUSTSTORE_CURRENT_PASSWORD", "-new:env", "TRUSTSTORE_PASSWORD",
            ]))
        }
        for (index, root) in roots.enumerated() {
            let alias = index == 0 ? "maestro-root" : "maestro-root-\(index + 1)"
            expected.append(RecordedCall(program: keytool, arguments: [
                "-exportcert", "-rfc", "-alias", alias, "-file", "<WORK>\\alias.pem",
                "-keystore", truststore, "-storepass:env", "TRUSTSTORE_PASSWORD",
            ]))
            expected.append(RecordedCall(program: keytool, arguments: [
                "-importcert", "-noprompt", "-trustcacerts", "-alias", alias, "-file", root,
                "-keystore", truststore, "-storepass:env", "TRUSTSTORE_PASSWORD",
            ]))
        }
        expected.append(RecordedCall(program: "icacls", arguments: [truststore, "/reset"]))
        expected.append(RecordedCall(program: "icacls", arguments: [
            truststore, "/inheritance:r", "/grant:r", "*S-1-5-18:F", "*S-1-5-32-544:F", "*S-1-5-32-545:R",
        ]))
        return expected
    }

    func requestCalls(keytool: String, keystore: String, host: String, password: String = "KEYSTORE_PASSWORD") -> [RecordedCall] {
        [
            RecordedCall(program: keytool, arguments: [
                "-genkeypair", "-storetype", "JKS", "-alias", host, "-dname", "CN=\(host)", "-ext", "SAN=dns:\(host)",
                "-keyalg", "RSA", "-keysize", "3072", "-validity", "825", "-keypass:env", password,
                "-keystore", keystore, "-storepass:env", password,
            ]),
            RecordedCall(program: "icacls", arguments: [keystore, "/inheritance:r", "/grant:r", "*S-1-5-18:R", "*S-1-5-32-544:F"]),
            RecordedCall(program: keytool, arguments: [
                "-certreq", "-alias", host, "-ext", "SAN=dns:\(host)", "-file", "\(host).csr",
                "-keystore", keystore, "-storepass:env", password,
            ]),
        ]
    }

    func installCalls(keytool: String, keystore: String, host: String, root: String, signed: String, extras: [String] = [])
        -> [RecordedCall] {
        let store = ["-keystore", keystore, "-storepass:env", "KEYSTORE_PASSWORD"]
        func call(_ arguments: [String]) -> RecordedCall { RecordedCall(program: keytool, arguments: arguments) }
        func add(_ alias: String, _ file: String) -> [RecordedCall] {
            [
                call(["-exportcert", "-rfc", "-alias", alias, "-file", "<WORK>\\alias.pem"] + store),
                call(["-importcert", "-noprompt", "-trustcacerts", "-alias", alias, "-file", file] + store),
            ]
        }
        var expected = ([root, signed] + extras).map { call(["-printcert", "-rfc", "-file", $0]) }
        expected.append(call(["-list"] + store))
        expected += add("root", root)
        for (index, extra) in extras.enumerated() { expected += add("root-\(index + 2)", extra) }
        return expected + add(host, signed)
    }

    func assertNoSecretsShown(_ run: ToolRun, file: StaticString = #filePath, line: UInt = #line) {
        for secret in [Self.keystorePassword, Self.truststorePassword] {
            XCTAssertFalse(run.stdout.contains(secret) || run.stderr.contains(secret), "a password was shown", file: file, line: line)
        }
    }

    // MARK: - Tests

    /// Planned install folders with (x86), &, %, ! and ^: Maestro's own
    /// keytool (found under each folder), the keystore, the trusted-root
    /// keystore and the file arguments reach keytool byte for byte.
    func testPlannedPathsReachKeytoolExactly() throws {
        let servers: [(bundle: String, host: String, folder: String, components: String)] = [
            ("a", "ui.a.example", #"C:\Program Files (x86)\L-Soft\Maestro"#, "LUI, HUB"),
            ("a", "trk.a.example", #"C:\A&calc&B\Maestro"#, "TRK"),
            ("b", "ui.b.example", #"C:\100%\Maestro"#, "LUI, HUB"),
            ("b", "trk.b.example", #"C:\Bang!\Maestro"#, "TRK"),
            ("c", "one.c.example", #"C:\Caret^\Maestro"#, "LUI, HUB, TRK"),
        ]
        var bundles: [String: URL] = [:]
        for name in ["a", "b", "c"] {
            bundles[name] = try bundle(name, servers.filter { $0.bundle == name }.map { ($0.host, $0.folder, $0.components) })
        }
        // Wine's cmd cannot hand a batch file an argument with % (see WinePrefix), so the file arguments go without.
        let certs = work.appendingPathComponent("certs (x86)&calc&^!")
        let root = WinePrefix.windowsPath(certs.appendingPathComponent("root.pem"))
        let signed = WinePrefix.windowsPath(certs.appendingPathComponent("signed (1).pem"))
        try makeFile(URL(fileURLWithPath: wine.unixPath(root)))
        try makeFile(URL(fileURLWithPath: wine.unixPath(signed)))
        for server in servers {
            try copyRecorder(to: URL(fileURLWithPath: wine.unixPath(server.folder + #"\jre\bin\keytool.exe"#)))
            try makeFile(URL(fileURLWithPath: wine.unixPath(server.folder + #"\jre\lib\security\cacerts"#)))
        }
        let temp = work.appendingPathComponent("temp (x86)&calc&^!")
        let environment = ["KEYSTORE_PASSWORD": Self.keystorePassword, "TRUSTSTORE_PASSWORD": Self.truststorePassword]

        var steps: [Step] = []
        for server in servers {
            let script = script(bundles[server.bundle]!, server.host)
            steps.append(Step(label: "\(server.host)-trust", script: script, arguments: ["trust", root],
                              settings: [("RECORDER_FAIL", "-list TRUSTSTORE_PASSWORD")]))
            steps.append(Step(label: "\(server.host)-request", script: script, arguments: ["request"]))
        }
        var (run, status) = try drive(steps, environment: environment, temp: temp)
        assertNoSecretsShown(run)
        for server in servers {
            let keytool = server.folder + #"\jre\bin\keytool.exe"#
            let keystore = server.folder + #"\keystore\\#(server.host).jks"#
            let truststore = server.folder + #"\jre\lib\security\cacerts"#
            XCTAssertEqual(status["\(server.host)-trust"], 0, run.stdout + run.stderr)
            XCTAssertEqual(normalized(calls("\(server.host)-trust"), temp: temp),
                           trustCalls(keytool: keytool, truststore: truststore, roots: [root], storepasswd: true), server.folder)
            XCTAssertEqual(status["\(server.host)-request"], 0, run.stdout + run.stderr)
            XCTAssertEqual(calls("\(server.host)-request"), requestCalls(keytool: keytool, keystore: keystore, host: server.host),
                           server.folder)
            // The keystore's folder was created where the plan says.
            XCTAssertTrue(FileManager.default.fileExists(atPath: wine.unixPath(server.folder + #"\keystore"#)), server.folder)
            // The keystore exists from here on (the recorder creates no file).
            try makeFile(URL(fileURLWithPath: wine.unixPath(keystore)))
        }
        XCTAssertTrue(run.stdout.contains("signed by Hostile CA 100% & (x86) ^ !, then run"), run.stdout)

        steps = servers.map { server in
            Step(label: "\(server.host)-install", script: script(bundles[server.bundle]!, server.host),
                 arguments: ["install", root, signed])
        }
        (run, status) = try drive(steps, environment: environment, temp: temp)
        assertNoSecretsShown(run)
        for server in servers {
            XCTAssertEqual(status["\(server.host)-install"], 0, run.stdout + run.stderr)
            XCTAssertEqual(normalized(calls("\(server.host)-install"), temp: temp), installCalls(
                keytool: server.folder + #"\jre\bin\keytool.exe"#, keystore: server.folder + #"\keystore\\#(server.host).jks"#,
                host: server.host, root: root, signed: signed), server.folder)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: canary.path), "a value ran calc")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temp.path), [], "temporary folders are removed")
    }

    /// One value per character cmd parses (`&`, `|`, `(`, `)`, `^`, `%`,
    /// `!`, space), each doubled and next to `calc`, so that a value parsed
    /// as code would run calc.cmd (the canary) or lose the character. `%`
    /// also comes with `%D`, `%~nE` and `%F`: the FOR variables of the
    /// nested loops the script used to have (Wine's cmd looped on them until
    /// it crashed; cmd.exe substitutes an outer loop's value in an inner one).
    static let metacharacters: [(name: String, text: String)] = [
        ("amp", "a&b &&calc&x"), ("pipe", "a|b ||calc|x"), ("open", "a(b ((calc(x"), ("close", "a)b ))calc)x"),
        ("caret", "a^b ^^calc^x"), ("percent", "a%b %%calc% %D %~nE %F%x"), ("bang", "a!b !!calc!x"), ("space", "a b  calc x"),
    ]

    /// Each of those in a planned install folder (so Maestro's keytool, the
    /// keystore and the trusted-root keystore under it) and in an explicit
    /// keystore path: trust, request and install reach keytool byte for
    /// byte. No Windows path holds `|`, so there nothing under that folder
    /// can exist: the script falls back to keytool on PATH, request still
    /// hands keytool the exact keystore path, and trust and install stop
    /// with their message.
    func testEachCmdMetacharacterInPlannedPathsReachesKeytoolExactly() throws {
        var servers: [(host: String, folder: String, keystore: String, possible: Bool, bundle: URL)] = []
        for character in Self.metacharacters {
            // A bundle per character, with two servers: the keystore under the install folder, and one the topology names.
            let name = character.name
            let folder = #"C:\M "# + character.text + #"\Maestro"#
            let keystore = #"C:\K "# + character.text + #"\keys\k.jks"#
            let yaml = """
                version: 1
                installation: \(name)
                component_ssl:
                  enabled: true
                  ca: 'CA a&b ||calc| (x) ^^ 100%D !x!'
                  keystore_password: {env: MAESTRO_KEYSTORE_PASSWORD}
                defaults:
                  os: windows
                hosts:
                  p.\(name).example: {components: [LUI, HUB], install_folder: '\(folder)'}
                  k.\(name).example: {components: [TRK], install_folder: '\(folder)2', ssl: {keystore: '\(keystore)'}}
                  db.\(name).example: {components: [DATABASE], os: linux}
                  lsv.\(name).example: {components: [LISTSERV], os: linux}

                """
            let file = work.appendingPathComponent("\(name).yaml")
            try Data(yaml.utf8).write(to: file)
            let out = work.appendingPathComponent("bundle-\(name)")
            let made = try Tool.run(["bundle", file.path, "--out", out.path],
                                    environment: ["MAESTRO_KEYSTORE_PASSWORD": Self.keystorePassword])
            XCTAssertEqual(made.status, 0, made.stderr)
            servers.append(("p.\(name).example", folder, folder + #"\keystore\p.\#(name).example.jks"#, name != "pipe", out))
            servers.append(("k.\(name).example", folder + "2", keystore, name != "pipe", out))
        }
        let pathKeytool = WinePrefix.windowsPath(try stubsFolder().appendingPathComponent("keytool.exe"))
        try copyRecorder(to: URL(fileURLWithPath: wine.unixPath(pathKeytool)))
        // Where Maestro's keytool cannot exist, the script would take keytool from PATH; Wine's cmd finds
        // nothing with %~$PATH: inside a nested FOR (cmd.exe does), so KEYTOOL names it there.
        func fallback(_ possible: Bool) -> [(String, String)] { possible ? [] : [("KEYTOOL", pathKeytool)] }
        let certs = work.appendingPathComponent("certs (x86)&calc&^!")
        let root = WinePrefix.windowsPath(certs.appendingPathComponent("root.pem"))
        let signed = WinePrefix.windowsPath(certs.appendingPathComponent("signed (1).pem"))
        try makeFile(URL(fileURLWithPath: wine.unixPath(root)))
        try makeFile(URL(fileURLWithPath: wine.unixPath(signed)))
        for server in servers where server.possible {
            try copyRecorder(to: URL(fileURLWithPath: wine.unixPath(server.folder + #"\jre\bin\keytool.exe"#)))
            try makeFile(URL(fileURLWithPath: wine.unixPath(server.folder + #"\jre\lib\security\cacerts"#)))
        }
        let temp = work.appendingPathComponent("temp")
        let environment = ["KEYSTORE_PASSWORD": Self.keystorePassword, "TRUSTSTORE_PASSWORD": Self.truststorePassword]
        var steps: [Step] = []
        for server in servers {
            let script = script(server.bundle, server.host)
            steps.append(Step(label: "\(server.host)-trust", script: script, arguments: ["trust", root],
                              settings: [("RECORDER_FAIL", "-list TRUSTSTORE_PASSWORD")] + fallback(server.possible)))
            steps.append(Step(label: "\(server.host)-request", script: script, arguments: ["request"], settings: fallback(server.possible)))
        }
        var (run, status) = try drive(steps, environment: environment, temp: temp)
        // Wine now and then loses one keytool stand-in's call (no record, or
        // a failure it did not make); a fault of the script repeats, so one
        // more run of the steps tells the two apart. The same for install.
        func recordedAsPlanned() -> Bool {
            servers.allSatisfy { server in
                guard status["\(server.host)-trust"] == (server.possible ? 0 : 1), status["\(server.host)-request"] == 0 else {
                    return false
                }
                guard server.possible else { return calls("\(server.host)-trust").isEmpty }
                let keytool = server.folder + #"\jre\bin\keytool.exe"#
                let truststore = server.folder + #"\jre\lib\security\cacerts"#
                return normalized(calls("\(server.host)-trust"), temp: temp)
                    == trustCalls(keytool: keytool, truststore: truststore, roots: [root], storepasswd: true)
                    && calls("\(server.host)-request") == requestCalls(keytool: keytool, keystore: server.keystore, host: server.host)
            }
        }
        if !recordedAsPlanned() {
            try? FileManager.default.removeItem(at: work.appendingPathComponent("rec"))
            (run, status) = try drive(steps, environment: environment, temp: temp)
        }
        assertNoSecretsShown(run)
        for server in servers {
            let truststore = server.folder + #"\jre\lib\security\cacerts"#
            if server.possible {
                let keytool = server.folder + #"\jre\bin\keytool.exe"#
                XCTAssertEqual(status["\(server.host)-trust"], 0, run.stdout + run.stderr)
                XCTAssertEqual(normalized(calls("\(server.host)-trust"), temp: temp),
                               trustCalls(keytool: keytool, truststore: truststore, roots: [root], storepasswd: true), server.folder)
                XCTAssertEqual(calls("\(server.host)-request"), requestCalls(keytool: keytool, keystore: server.keystore, host: server.host),
                               server.folder)
                try makeFile(URL(fileURLWithPath: wine.unixPath(server.keystore)))
            } else {
                XCTAssertEqual(status["\(server.host)-trust"], 1, run.stdout + run.stderr)
                XCTAssertTrue(run.stderr.contains("certificate.cmd: the trusted-root keystore \(truststore) does not exist"), run.stderr)
                XCTAssertEqual(calls("\(server.host)-trust"), [], server.folder)
                XCTAssertEqual(calls("\(server.host)-request"),
                               requestCalls(keytool: pathKeytool, keystore: server.keystore, host: server.host), server.folder)
            }
            XCTAssertEqual(status["\(server.host)-request"], 0, run.stdout + run.stderr)
        }
        XCTAssertTrue(run.stdout.contains("signed by CA a&b ||calc| (x) ^^ 100%D !x!, then run"), run.stdout)

        steps = servers.map {
            Step(label: "\($0.host)-install", script: script($0.bundle, $0.host), arguments: ["install", root, signed],
                 settings: fallback($0.possible))
        }
        func installedAsPlanned() -> Bool {
            servers.allSatisfy { server in
                guard server.possible else { return status["\(server.host)-install"] == 1 && calls("\(server.host)-install").isEmpty }
                return status["\(server.host)-install"] == 0 && normalized(calls("\(server.host)-install"), temp: temp) == installCalls(
                    keytool: server.folder + #"\jre\bin\keytool.exe"#, keystore: server.keystore, host: server.host,
                    root: root, signed: signed)
            }
        }
        (run, status) = try drive(steps, environment: environment, temp: temp)
        if !installedAsPlanned() {
            try? FileManager.default.removeItem(at: work.appendingPathComponent("rec"))
            (run, status) = try drive(steps, environment: environment, temp: temp)
        }
        for server in servers {
            if server.possible {
                XCTAssertEqual(status["\(server.host)-install"], 0, run.stdout + run.stderr)
                XCTAssertEqual(normalized(calls("\(server.host)-install"), temp: temp), installCalls(
                    keytool: server.folder + #"\jre\bin\keytool.exe"#, keystore: server.keystore, host: server.host,
                    root: root, signed: signed), server.folder)
            } else {
                XCTAssertEqual(status["\(server.host)-install"], 1, run.stdout + run.stderr)
                XCTAssertTrue(run.stderr.contains("certificate.cmd: \(server.keystore) does not exist; run certificate.cmd request first"),
                              run.stderr)
                XCTAssertEqual(calls("\(server.host)-install"), [])
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: canary.path), "a value ran calc")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temp.path), [], "temporary folders are removed")
    }

    /// The same characters, one at a time, in KEYSTORE, TRUSTSTORE and
    /// KEYTOOL. With `|` no such keytool can exist: the script says so.
    func testEachCmdMetacharacterInTheOverridesReachesKeytoolExactly() throws {
        let out = try bundle("v", [("ui.v.example", #"C:\Program Files\L-Soft\Maestro"#, "LUI, HUB, TRK")])
        let script = script(out, "ui.v.example")
        let root = WinePrefix.windowsPath(work.appendingPathComponent("root.pem"))
        try makeFile(URL(fileURLWithPath: wine.unixPath(root)))
        let temp = work.appendingPathComponent("temp")
        var steps: [Step] = []
        var overrides: [(name: String, keytool: String, keystore: String, truststore: String)] = []
        for character in Self.metacharacters {
            let folder = work.appendingPathComponent("over " + character.text)
            let keytool = WinePrefix.windowsPath(folder.appendingPathComponent("bin " + character.text + "/keytool.exe"))
            let keystore = WinePrefix.windowsPath(folder.appendingPathComponent("keys " + character.text + "/ui.jks"))
            let truststore = WinePrefix.windowsPath(folder.appendingPathComponent("trust " + character.text + "/cacerts"))
            if character.name != "pipe" {
                try copyRecorder(to: URL(fileURLWithPath: wine.unixPath(keytool)))
                try makeFile(URL(fileURLWithPath: wine.unixPath(truststore)))
            }
            overrides.append((character.name, keytool, keystore, truststore))
            let settings = [("KEYTOOL", keytool), ("KEYSTORE", keystore), ("TRUSTSTORE", truststore)]
            steps.append(Step(label: "\(character.name)-trust", script: script, arguments: ["trust", root], settings: settings))
            steps.append(Step(label: "\(character.name)-request", script: script, arguments: ["request"], settings: settings))
        }
        let environment = ["KEYSTORE_PASSWORD": Self.keystorePassword, "TRUSTSTORE_PASSWORD": Self.truststorePassword]
        let (run, status) = try drive(steps, environment: environment, temp: temp)
        assertNoSecretsShown(run)
        for override in overrides {
            if override.name == "pipe" {
                XCTAssertEqual(status["pipe-trust"], 1, run.stdout + run.stderr)
                XCTAssertEqual(status["pipe-request"], 1, run.stdout + run.stderr)
                XCTAssertTrue(run.stderr.contains("certificate.cmd: keytool not found; set KEYTOOL to its path"), run.stderr)
                XCTAssertEqual(calls("pipe-trust") + calls("pipe-request"), [])
                continue
            }
            XCTAssertEqual(status["\(override.name)-trust"], 0, run.stdout + run.stderr)
            XCTAssertEqual(normalized(calls("\(override.name)-trust"), temp: temp),
                           trustCalls(keytool: override.keytool, truststore: override.truststore, roots: [root], storepasswd: false),
                           override.name)
            XCTAssertEqual(status["\(override.name)-request"], 0, run.stdout + run.stderr)
            XCTAssertEqual(calls("\(override.name)-request"),
                           requestCalls(keytool: override.keytool, keystore: override.keystore, host: "ui.v.example"), override.name)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: canary.path), "a value ran calc")
    }

    /// What cmd cannot carry is refused before anything is written: a
    /// double quote (under a combining mark too, which once hid it from the
    /// check and let `&calc&` after it run), an asterisk (the script's
    /// value separator), in any planned path, and a double quote in the CA
    /// name. No Windows path holds either. The topology's value is an
    /// `invalid-value` finding at its line (so `validate` says so too), and
    /// `bundle` checks the plan itself again (exit 2).
    func testValuesCmdCannotCarryAreRefusedByBundle() throws {
        let cases: [(yaml: String, finding: String, message: String)] = [
            ("install_folder: 'C:\\A\"B\\Maestro'", "8:21: error[invalid-value]: install_folder 'C:\\A\"B\\Maestro'",
             "the topology's install folder 'C:\\A\"B\\Maestro' holds a double quote"),
            ("install_folder: 'C:\\A\"\u{301}&calc&\\Maestro'", "8:21: error[invalid-value]: install_folder", "holds a double quote"),
            ("install_folder: 'C:\\A*\\Maestro'", "8:21: error[invalid-value]: install_folder 'C:\\A*\\Maestro'",
             "the topology's install folder 'C:\\A*\\Maestro' holds an asterisk"),
            ("ssl: {keystore: 'C:\\k\"\\ui.jks'}", "8:21: error[invalid-value]: keystore 'C:\\k\"\\ui.jks'",
             "the topology's keystore path 'C:\\k\"\\ui.jks' holds a double quote"),
            ("ssl: {trusted_root_keystore: 'C:\\t*\\cacerts'}", "8:34: error[invalid-value]: trusted_root_keystore",
             "trusted-root keystore path 'C:\\t*\\cacerts' holds an asterisk"),
            ("ssl: {ca: 'The \"Acme\" CA'}", "8:15: error[invalid-value]: ca 'The \"Acme\" CA'",
             "the CA name 'The \"Acme\" CA' holds a double quote"),
        ]
        for (index, item) in cases.enumerated() {
            let yaml = """
                version: 1
                installation: r
                component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: MAESTRO_KEYSTORE_PASSWORD}}
                defaults: {os: windows}
                hosts:
                  ui.r.example:
                    components: [LUI, HUB, TRK]
                    \(item.yaml)
                  db.r.example: {components: [DATABASE]}
                  lsv.r.example: {components: [LISTSERV]}

                """
            let file = work.appendingPathComponent("r\(index).yaml")
            try Data(yaml.utf8).write(to: file)
            let out = work.appendingPathComponent("never")
            for command in [["validate"], ["plan"], ["bundle", "--out", out.path]] {
                let run = try Tool.run([command[0], "--no-color", file.path] + command.dropFirst(),
                                       environment: ["MAESTRO_KEYSTORE_PASSWORD": Self.keystorePassword])
                XCTAssertEqual(run.status, 1, "\(command[0]) \(item.yaml): \(run.stderr)")
                XCTAssertTrue(run.stderr.contains("\(file.path):\(item.finding)"), "\(command[0]) \(item.yaml): \(run.stderr)")
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), item.yaml)
            // A plan that holds the value anyway (made some other way) is refused by bundle itself.
            let result = TopologyCheck.check(bytes: Array(yaml.utf8))
            let problem = ScriptValues.problem(in: Planner.plan(try XCTUnwrap(result.topology, item.yaml)))
            XCTAssertEqual(problem?.path, "hosts/ui.r.example/certificate.cmd", item.yaml)
            XCTAssertTrue(problem?.description.contains(item.message) == true, "\(item.yaml): \(String(describing: problem))")
        }
    }

    /// KEYSTORE, TRUSTSTORE and KEYTOOL from the environment, with the same
    /// characters (% included: they never pass through a batch argument).
    func testOverridesReachKeytoolExactly() throws {
        let out = try bundle("o", [("ui.o.example", #"C:\Program Files\L-Soft\Maestro"#, "LUI, HUB, TRK")])
        let hostile = work.appendingPathComponent("over 100% (x86)&calc&^!")
        let keytool = WinePrefix.windowsPath(hostile.appendingPathComponent("bin %PATH%/keytool.exe"))
        let keystore = WinePrefix.windowsPath(hostile.appendingPathComponent("keys!x!/ui.jks"))
        let truststore = WinePrefix.windowsPath(hostile.appendingPathComponent("trust^&/cacerts"))
        let root = WinePrefix.windowsPath(work.appendingPathComponent("root.pem"))
        let second = WinePrefix.windowsPath(work.appendingPathComponent("second root.pem"))
        try copyRecorder(to: URL(fileURLWithPath: wine.unixPath(keytool)))
        try makeFile(URL(fileURLWithPath: wine.unixPath(truststore)))
        try makeFile(URL(fileURLWithPath: wine.unixPath(root)))
        try makeFile(URL(fileURLWithPath: wine.unixPath(second)))
        let temp = work.appendingPathComponent("temp")
        let environment = [
            "KEYSTORE_PASSWORD": Self.keystorePassword, "TRUSTSTORE_PASSWORD": Self.truststorePassword,
            "KEYTOOL": keytool, "KEYSTORE": keystore, "TRUSTSTORE": truststore,
        ]
        let script = script(out, "ui.o.example")
        var (run, status) = try drive([
            Step(label: "trust", script: script, arguments: ["trust", root, second]),
            Step(label: "request", script: script, arguments: ["request"]),
        ], environment: environment, temp: temp)
        assertNoSecretsShown(run)
        XCTAssertEqual(status["trust"], 0, run.stdout + run.stderr)
        XCTAssertEqual(normalized(calls("trust"), temp: temp),
                       trustCalls(keytool: keytool, truststore: truststore, roots: [root, second], storepasswd: false))
        XCTAssertTrue(run.stdout.contains("it opens with any password"), run.stdout)
        XCTAssertEqual(status["request"], 0, run.stdout + run.stderr)
        XCTAssertEqual(calls("request"), requestCalls(keytool: keytool, keystore: keystore, host: "ui.o.example"))
        try makeFile(URL(fileURLWithPath: wine.unixPath(keystore)))
        (run, status) = try drive([
            Step(label: "install", script: script, arguments: ["install", root, root, second]),
        ], environment: environment, temp: temp)
        XCTAssertEqual(status["install"], 0, run.stdout + run.stderr)
        XCTAssertEqual(normalized(calls("install"), temp: temp), installCalls(
            keytool: keytool, keystore: keystore, host: "ui.o.example", root: root, signed: root, extras: [second]))
        XCTAssertFalse(FileManager.default.fileExists(atPath: canary.path), "a value ran calc")
    }

    /// A keytool.cmd (a wrapper around keytool.exe) returns to the script
    /// after each call; a failing keytool, a missing or conflicting password
    /// and a wrong command stop with a message and exit code.
    func testKeytoolCmdReturnsAndFailuresStop() throws {
        let out = try bundle("w", [("ui.w.example", #"C:\Program Files\L-Soft\Maestro"#, "LUI, HUB, TRK")])
        let wrappers = work.appendingPathComponent("wrap (x86)&calc&^!")
        let keytoolCmd = wrappers.appendingPathComponent("keytool.cmd")
        let exe = WinePrefix.windowsPath(wrappers.appendingPathComponent("keytool.exe"))
        try copyRecorder(to: URL(fileURLWithPath: wine.unixPath(exe)))
        try makeFile(keytoolCmd, "@\"\(exe)\" %*\r\n@exit /b %errorlevel%\r\n")
        let keystore = WinePrefix.windowsPath(work.appendingPathComponent("keys (x86)&calc&^!/ui.jks"))
        let temp = work.appendingPathComponent("temp")
        let base = ["KEYTOOL": WinePrefix.windowsPath(keytoolCmd), "KEYSTORE": keystore]
        let script = script(out, "ui.w.example")
        let request = ["request"]
        var (run, status) = try drive([
            Step(label: "request", script: script, arguments: request),
            Step(label: "fails", script: script, arguments: request, settings: [("RECORDER_FAIL", "-genkeypair")]),
        ], environment: base.merging(["KEYSTORE_PASSWORD": Self.keystorePassword]) { $1 }, temp: temp)
        assertNoSecretsShown(run)
        XCTAssertEqual(status["request"], 0, run.stdout + run.stderr)
        XCTAssertEqual(calls("request"), requestCalls(keytool: exe, keystore: keystore, host: "ui.w.example"))
        XCTAssertEqual(status["fails"], 1, run.stdout + run.stderr)
        XCTAssertEqual(calls("fails").map(\.command), ["-genkeypair"], "nothing runs after the failed step")
        XCTAssertTrue(run.stderr.contains("certificate.cmd: step 1/2 failed: keytool -genkeypair"), run.stderr)

        // The password: only the topology's variable, none, or two that differ.
        (run, status) = try drive([
            Step(label: "topology", script: script, arguments: request),
            Step(label: "none", script: script, arguments: request, settings: [("MAESTRO_KEYSTORE_PASSWORD", "")]),
            Step(label: "differ", script: script, arguments: request, settings: [("KEYSTORE_PASSWORD", "other (p&ss)")]),
            Step(label: "usage", script: script, arguments: ["bogus"]),
            Step(label: "no-roots", script: script, arguments: ["trust"]),
        ], environment: base.merging(["MAESTRO_KEYSTORE_PASSWORD": Self.keystorePassword]) { $1 }, temp: temp)
        assertNoSecretsShown(run)
        XCTAssertFalse(run.stderr.contains("other (p&ss)") || run.stdout.contains("other (p&ss)"))
        XCTAssertEqual(status["topology"], 0, run.stdout + run.stderr)
        XCTAssertEqual(calls("topology"),
                       requestCalls(keytool: exe, keystore: keystore, host: "ui.w.example", password: "MAESTRO_KEYSTORE_PASSWORD"))
        XCTAssertEqual(status["none"], 1)
        XCTAssertTrue(run.stderr.contains("set KEYSTORE_PASSWORD to the keystore password first, or MAESTRO_KEYSTORE_PASSWORD"),
                      run.stderr)
        XCTAssertEqual(status["differ"], 1)
        XCTAssertTrue(run.stderr.contains("KEYSTORE_PASSWORD and MAESTRO_KEYSTORE_PASSWORD are both set but differ"), run.stderr)
        for label in ["none", "differ", "usage", "no-roots"] {
            XCTAssertEqual(calls(label), [], label)
        }
        XCTAssertEqual(status["usage"], 2)
        XCTAssertEqual(status["no-roots"], 2)
        XCTAssertTrue(run.stderr.contains("usage: certificate.cmd trust ROOT.pem"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: canary.path), "a value ran calc")
    }

    /// No Windows path holds a double quote. `bundle` refuses one (see
    /// testValuesCmdCannotCarryAreRefusedByBundle); a script made from a
    /// plan that holds one anyway (a double quote under a combining mark
    /// here) refuses to run before anything else happens.
    func testAPlannedPathWithADoubleQuoteIsRefused() throws {
        let yaml = """
            version: 1
            installation: q
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: MAESTRO_KEYSTORE_PASSWORD}}
            defaults: {os: windows}
            hosts:
              ui.q.example: {components: [LUI, HUB, TRK]}
              db.q.example: {components: [DATABASE]}
              lsv.q.example: {components: [LISTSERV]}

            """
        let result = TopologyCheck.check(bytes: Array(yaml.utf8))
        var server = try XCTUnwrap(Planner.plan(try XCTUnwrap(result.topology)).servers.first { $0.host == "ui.q.example" })
        server.installFolder = "C:\\A\"\u{301}&calc&\\Maestro"
        var certificate = try XCTUnwrap(server.certificate)
        certificate.keystore = server.installFolder + "\\keystore\\ui.jks"
        certificate.trustedRootKeystore = server.installFolder + "\\jre\\lib\\security\\cacerts"
        XCTAssertNotNil(CertificateScript.cmdProblem(server, certificate))
        let script = work.appendingPathComponent("certificate.cmd")
        try Data(CertificateScript.cmd(for: server, certificate: certificate).utf8).write(to: script)
        let (run, status) = try drive([
            Step(label: "request", script: WinePrefix.windowsPath(script), arguments: ["request"]),
        ], environment: ["KEYSTORE_PASSWORD": Self.keystorePassword], temp: work.appendingPathComponent("temp"))
        XCTAssertEqual(status["request"], 1, run.stdout + run.stderr)
        XCTAssertTrue(run.stderr.contains(
            "certificate.cmd: the topology's keystore path, trusted-root keystore path and install folder hold a double quote"), run.stderr)
        XCTAssertEqual(calls("request"), [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: canary.path), "a value ran calc")
    }

    /// All three commands with the real keytool (through the recorder) and
    /// a throwaway openssl CA, in folders named like the hostile ones.
    func testEndToEndWithTheRealKeytool() throws {
        let keytoolPath = try Tool.require("keytool")
        let openssl = try Tool.require("openssl")
        let out = try bundle("e", [("ui.e.example", #"C:\Program Files\L-Soft\Maestro"#, "LUI, HUB, TRK")])
        let relayFolder = work.appendingPathComponent("relay")
        try FileManager.default.createDirectory(at: relayFolder, withIntermediateDirectories: true)
        let relay = KeytoolRelay(directory: relayFolder, keytool: keytoolPath)
        defer { relay.stop() }

        let hostile = work.appendingPathComponent("real 100% (x86)&calc&^!")
        let keytool = WinePrefix.windowsPath(hostile.appendingPathComponent("bin/keytool.exe"))
        try copyRecorder(to: URL(fileURLWithPath: wine.unixPath(keytool)))
        let keystoreFile = hostile.appendingPathComponent("keys!/ui.jks")
        let truststoreFile = hostile.appendingPathComponent("trust^&/cacerts")
        let certs = work.appendingPathComponent("certs (x86)&calc&^!")
        try FileManager.default.createDirectory(at: certs, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: truststoreFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        for name in ["ca", "other"] {
            let made = try Tool.runProgram(openssl, [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(name).key", "-out", "\(name).pem", "-days", "2",
                "-subj", "/CN=Throwaway \(name)",
            ], in: certs)
            XCTAssertEqual(made.status, 0, made.stderr)
        }
        let made = try Tool.runProgram(keytoolPath, [
            "-importcert", "-noprompt", "-alias", "shipped", "-file", certs.appendingPathComponent("other.pem").path,
            "-keystore", truststoreFile.path, "-storetype", "JKS", "-storepass:env", "P",
        ], environment: ["P": "changeit"], in: work)
        XCTAssertEqual(made.status, 0, made.stdout + made.stderr)

        let root = WinePrefix.windowsPath(certs.appendingPathComponent("ca.pem"))
        let other = WinePrefix.windowsPath(certs.appendingPathComponent("other.pem"))
        let signed = WinePrefix.windowsPath(certs.appendingPathComponent("signed.pem"))
        let environment = [
            "KEYSTORE_PASSWORD": Self.keystorePassword, "TRUSTSTORE_PASSWORD": Self.truststorePassword, "KEYTOOL": keytool,
            "KEYSTORE": WinePrefix.windowsPath(keystoreFile), "TRUSTSTORE": WinePrefix.windowsPath(truststoreFile),
            "RECORDER_REAL": WinePrefix.windowsPath(relayFolder),
        ]
        let script = script(out, "ui.e.example")
        let temp = work.appendingPathComponent("temp")
        func step(_ label: String, _ arguments: [String]) -> Step { Step(label: label, script: script, arguments: arguments) }

        var (run, status) = try drive([
            step("trust", ["trust", root]), step("trust-again", ["trust", root]), step("trust-other", ["trust", other]),
            step("request", ["request"]),
        ], environment: environment, temp: temp)
        assertNoSecretsShown(run)
        XCTAssertEqual(status["trust"], 0, run.stdout + run.stderr)
        XCTAssertEqual(status["trust-again"], 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("changed on an earlier run, skipped"), run.stdout)
        XCTAssertTrue(run.stdout.contains("ca.pem is already trusted, alias maestro-root"), run.stdout)
        XCTAssertEqual(status["trust-other"], 1, run.stdout + run.stderr)
        XCTAssertTrue(run.stderr.contains("alias maestro-root in " + WinePrefix.windowsPath(truststoreFile)
                                          + " already holds a different certificate"), run.stderr)
        let opens = { (password: String) -> Int32 in
            try Tool.runProgram(keytoolPath, ["-list", "-keystore", truststoreFile.path, "-storepass:env", "P"],
                                environment: ["P": password], in: self.work).status
        }
        XCTAssertEqual(try opens(Self.truststorePassword), 0)
        XCTAssertNotEqual(try opens("changeit"), 0)
        let exported = try Tool.runProgram(keytoolPath, [
            "-exportcert", "-rfc", "-alias", "maestro-root", "-keystore", truststoreFile.path, "-storepass:env", "P",
        ], environment: ["P": Self.truststorePassword], in: work)
        let printed = try Tool.runProgram(keytoolPath, ["-printcert", "-rfc", "-file", certs.appendingPathComponent("ca.pem").path],
                                          in: work)
        XCTAssertEqual(exported.status, 0, exported.stdout)
        XCTAssertEqual(exported.stdout, printed.stdout)

        XCTAssertEqual(status["request"], 0, run.stdout + run.stderr)
        let csr = work.appendingPathComponent("ui.e.example.csr")
        let text = try Tool.runProgram(openssl, ["req", "-in", csr.path, "-noout", "-text"], in: work)
        XCTAssertTrue(text.stdout.contains("Subject: CN = ui.e.example"), text.stdout)
        XCTAssertTrue(text.stdout.contains("DNS:ui.e.example"), text.stdout)
        let key = try Tool.runProgram(openssl, ["req", "-in", csr.path, "-noout", "-pubkey"], in: work).stdout

        (run, status) = try drive([step("request-again", ["request"])], environment: environment, temp: temp)
        XCTAssertEqual(status["request-again"], 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("already holds the key pair, alias ui.e.example: kept"), run.stdout)
        XCTAssertEqual(try Tool.runProgram(openssl, ["req", "-in", csr.path, "-noout", "-pubkey"], in: work).stdout, key)
        let sign = try Tool.runProgram(openssl, [
            "x509", "-req", "-in", csr.path, "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "signed.pem",
            "-days", "2", "-copy_extensions", "copy",
        ], in: certs)
        XCTAssertEqual(sign.status, 0, sign.stderr)

        (run, status) = try drive([
            step("install", ["install", root, signed]), step("install-again", ["install", root, signed]),
            step("install-other", ["install", other, signed]),
        ], environment: environment, temp: temp)
        assertNoSecretsShown(run)
        XCTAssertEqual(status["install"], 0, run.stdout + run.stderr)
        XCTAssertEqual(status["install-again"], 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("already holds it: nothing to import"), run.stdout)
        XCTAssertEqual(status["install-other"], 1, run.stdout + run.stderr)
        XCTAssertTrue(run.stderr.contains("alias root in " + WinePrefix.windowsPath(keystoreFile)
                                          + " already holds a different certificate"), run.stderr)
        let list = try Tool.runProgram(keytoolPath, [
            "-list", "-v", "-keystore", keystoreFile.path, "-storepass:env", "P", "-alias", "ui.e.example",
        ], environment: ["P": Self.keystorePassword], in: work)
        XCTAssertTrue(list.stdout.contains("Certificate chain length: 2"), list.stdout)
        XCTAssertTrue(list.stdout.contains("Issuer: CN=Throwaway ca"), list.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: canary.path), "a value ran calc")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temp.path), [], "temporary folders are removed")
    }
}
