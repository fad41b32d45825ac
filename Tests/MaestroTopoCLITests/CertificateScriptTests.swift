import Foundation
import TopoTestSupport
import XCTest

/// `certificate.sh` as an administrator runs it: `trust`, `request` and
/// `install` against the real keytool and a throwaway openssl CA, the
/// password rules, and planned paths full of shell syntax reaching keytool
/// byte for byte (through a keytool stand-in that records its arguments).
/// BundleCLITests.testCertificateScriptAgainstAThrowawayCA runs request and
/// install end to end.
final class CertificateScriptTests: XCTestCase {
    var directory: URL!
    static let keystorePassword = #"k3y pa$$ `x` 'q' "dq" !"#
    static let truststorePassword = #"tru5t pa$$ & (x) !"#

    override func setUpWithError() throws {
        directory = try Tool.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Bundles `topology` (a path, or YAML text written to a file first).
    func bundle(_ topology: String, yaml: Bool = false) throws -> URL {
        var path = topology
        if yaml {
            path = directory.appendingPathComponent("topology.yaml").path
            try Data(topology.utf8).write(to: URL(fileURLWithPath: path))
        }
        let out = directory.appendingPathComponent("bundle-\(UUID().uuidString.prefix(6))")
        let run = try Tool.run(["bundle", path, "--out", out.path], environment: ["MAESTRO_KEYSTORE_PASSWORD": Self.keystorePassword])
        XCTAssertEqual(run.status, 0, run.stderr)
        return out
    }

    /// Runs a script with exactly the password variables given (the test's
    /// own environment may not add any).
    func run(_ script: URL, _ arguments: [String], _ environment: [String: String] = [:]) throws -> ToolRun {
        let unset = ["KEYSTORE_PASSWORD", "MAESTRO_KEYSTORE_PASSWORD", "TRUSTSTORE_PASSWORD", "TRUSTSTORE_CURRENT_PASSWORD",
                     "KEYSTORE", "TRUSTSTORE", "KEYTOOL"].filter { environment[$0] == nil }
        return try Tool.runProgram("/usr/bin/env", unset.flatMap { ["-u", $0] } + [script.path] + arguments,
                                   environment: environment, in: directory)
    }

    /// A self-signed CA certificate (and key) named `name` in the test folder.
    func makeCA(_ name: String) throws -> URL {
        let openssl = try Tool.require("openssl")
        let made = try Tool.runProgram(openssl, [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(name).key", "-out", "\(name).pem", "-days", "2",
            "-subj", "/CN=Throwaway \(name)",
        ], in: directory)
        XCTAssertEqual(made.status, 0, made.stderr)
        return directory.appendingPathComponent("\(name).pem")
    }

    func keytool(_ arguments: [String], password: String) throws -> ToolRun {
        try Tool.runProgram(try Tool.require("keytool"), arguments + ["-storepass:env", "P"], environment: ["P": password],
                            in: directory)
    }

    func assertNoSecretsShown(_ runs: [ToolRun], _ secrets: [String], file: StaticString = #filePath, line: UInt = #line) {
        for run in runs {
            for secret in secrets {
                XCTAssertFalse(run.stdout.contains(secret) || run.stderr.contains(secret), "a password was shown", file: file, line: line)
            }
        }
    }

    // MARK: - trust

    func testTrustSecuresTheTrustedRootKeystore() throws {
        _ = try Tool.require("keytool")
        let script = try bundle("topologies/four-server.yaml").appendingPathComponent("hosts/trk.acme.example/certificate.sh")
        let root = try makeCA("root"), second = try makeCA("second"), other = try makeCA("other")
        // A trusted-root keystore as Java ships it: JKS, password changeit, writable by everyone here.
        let truststore = directory.appendingPathComponent("jre/lib/security/cacerts")
        try FileManager.default.createDirectory(at: truststore.deletingLastPathComponent(), withIntermediateDirectories: true)
        let made = try keytool(["-importcert", "-noprompt", "-alias", "shipped", "-file", other.path, "-keystore", truststore.path,
                                "-storetype", "JKS"], password: "changeit")
        XCTAssertEqual(made.status, 0, made.stdout + made.stderr)
        try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: truststore.path)
        let env = ["TRUSTSTORE": truststore.path, "TRUSTSTORE_PASSWORD": Self.truststorePassword]

        let first = try run(script, ["trust", root.path, second.path], env)
        XCTAssertEqual(first.status, 0, first.stdout + first.stderr)
        XCTAssertEqual(try keytool(["-list", "-keystore", truststore.path], password: Self.truststorePassword).status, 0)
        XCTAssertNotEqual(try keytool(["-list", "-keystore", truststore.path], password: "changeit").status, 0)
        for (alias, file) in [("maestro-root", root), ("maestro-root-2", second)] {
            let held = try keytool(["-exportcert", "-rfc", "-alias", alias, "-keystore", truststore.path], password: Self.truststorePassword)
            let printed = try Tool.runProgram(try Tool.require("keytool"), ["-printcert", "-rfc", "-file", file.path], in: directory)
            XCTAssertEqual(held.stdout, printed.stdout, alias)
        }
        let mode = (try FileManager.default.attributesOfItem(atPath: truststore.path)[.posixPermissions] as! NSNumber).intValue
        XCTAssertEqual(mode & 0o022, 0, "group and others may not write it: \(String(mode, radix: 8))")
        XCTAssertEqual(mode & 0o444, 0o444, "Java under any account may still read it")

        let again = try run(script, ["trust", root.path, second.path], env)
        XCTAssertEqual(again.status, 0, again.stdout + again.stderr)
        XCTAssertTrue(again.stdout.contains("it already opens with TRUSTSTORE_PASSWORD: changed on an earlier run, skipped"), again.stdout)
        XCTAssertTrue(again.stdout.contains("\(root.path) is already trusted (alias maestro-root)"), again.stdout)

        let different = try run(script, ["trust", other.path], env)
        XCTAssertEqual(different.status, 1)
        XCTAssertTrue(different.stderr.contains(
            "alias maestro-root in \(truststore.path) already holds a different certificate than \(other.path)"), different.stderr)

        // A password that is neither the new one nor the present one; then the present one given.
        var neither = env
        neither["TRUSTSTORE_PASSWORD"] = "yet another one"
        let refused = try run(script, ["trust", root.path], neither)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("opens neither with TRUSTSTORE_PASSWORD nor with TRUSTSTORE_CURRENT_PASSWORD"), refused.stderr)
        neither["TRUSTSTORE_CURRENT_PASSWORD"] = Self.truststorePassword
        let changed = try run(script, ["trust", root.path], neither)
        XCTAssertEqual(changed.status, 0, changed.stdout + changed.stderr)
        XCTAssertEqual(try keytool(["-list", "-keystore", truststore.path], password: "yet another one").status, 0)

        let same = try run(script, ["trust", root.path], ["TRUSTSTORE": truststore.path, "TRUSTSTORE_PASSWORD": "changeit"])
        XCTAssertEqual(same.status, 1)
        XCTAssertTrue(same.stderr.contains("TRUSTSTORE_PASSWORD must differ from the present password"), same.stderr)
        let missing = try run(script, ["trust", root.path], ["TRUSTSTORE": truststore.path])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("set TRUSTSTORE_PASSWORD"), missing.stderr)
        let nowhere = try run(script, ["trust", root.path], ["TRUSTSTORE_PASSWORD": "whatever"])
        XCTAssertEqual(nowhere.status, 1)
        XCTAssertTrue(nowhere.stderr.contains("the trusted-root keystore /opt/lsoft/maestro/jre/lib/security/cacerts does not exist"),
                      nowhere.stderr)
        assertNoSecretsShown([first, again, different, refused, changed], [Self.truststorePassword, "yet another one"])
    }

    // MARK: - request

    func testRequestLeavesForeignKeystoresAlone() throws {
        _ = try Tool.require("keytool")
        let script = try bundle("topologies/four-server.yaml").appendingPathComponent("hosts/trk.acme.example/certificate.sh")
        let junk = directory.appendingPathComponent("junk.jks")
        try Data("not a keystore".utf8).write(to: junk)
        let notOpening = try run(script, ["request"], ["KEYSTORE": junk.path, "KEYSTORE_PASSWORD": Self.keystorePassword])
        XCTAssertEqual(notOpening.status, 1)
        XCTAssertTrue(notOpening.stderr.contains("\(junk.path) exists but does not open with the keystore password"), notOpening.stderr)
        XCTAssertEqual(try Data(contentsOf: junk), Data("not a keystore".utf8))

        // Opens, but holds only a certificate.
        let certificates = directory.appendingPathComponent("certificates.jks")
        let made = try keytool(["-importcert", "-noprompt", "-alias", "trk.acme.example", "-file", try makeCA("ca").path,
                                "-keystore", certificates.path, "-storetype", "JKS"], password: Self.keystorePassword)
        XCTAssertEqual(made.status, 0, made.stdout + made.stderr)
        let before = try Data(contentsOf: certificates)
        let noKey = try run(script, ["request"], ["KEYSTORE": certificates.path, "KEYSTORE_PASSWORD": Self.keystorePassword])
        XCTAssertEqual(noKey.status, 1)
        XCTAssertTrue(noKey.stderr.contains("\(certificates.path) holds no private key under alias trk.acme.example"), noKey.stderr)
        XCTAssertEqual(try Data(contentsOf: certificates), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("trk.acme.example.csr").path))
    }

    // MARK: - The password

    /// The script's comment lines as one text, whatever the line breaks.
    func comments(_ script: URL) throws -> String {
        try String(contentsOf: script, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("#") }
            .map { $0.dropFirst() }.joined(separator: " ").split(separator: " ").joined(separator: " ")
    }

    func testPasswordComesFromTheTopologyVariableToo() throws {
        _ = try Tool.require("keytool")
        let script = try bundle("topologies/four-server.yaml").appendingPathComponent("hosts/trk.acme.example/certificate.sh")
        let keystore = directory.appendingPathComponent("trk.jks").path
        XCTAssertTrue(try comments(script).contains(
            "KEYSTORE_PASSWORD the keystore password (request, install); when it is unset, $MAESTRO_KEYSTORE_PASSWORD is used"))

        let fromTopology = try run(script, ["request"], ["KEYSTORE": keystore, "MAESTRO_KEYSTORE_PASSWORD": Self.keystorePassword])
        XCTAssertEqual(fromTopology.status, 0, fromTopology.stdout + fromTopology.stderr)
        XCTAssertEqual(try keytool(["-list", "-keystore", keystore], password: Self.keystorePassword).status, 0)

        let both = try run(script, ["request"], [
            "KEYSTORE": keystore, "MAESTRO_KEYSTORE_PASSWORD": Self.keystorePassword, "KEYSTORE_PASSWORD": "a different one",
        ])
        XCTAssertEqual(both.status, 1)
        XCTAssertTrue(both.stderr.contains("KEYSTORE_PASSWORD and MAESTRO_KEYSTORE_PASSWORD are both set but differ"), both.stderr)
        let agree = try run(script, ["request"], [
            "KEYSTORE": keystore, "MAESTRO_KEYSTORE_PASSWORD": Self.keystorePassword, "KEYSTORE_PASSWORD": Self.keystorePassword,
        ])
        XCTAssertEqual(agree.status, 0, agree.stdout + agree.stderr)
        let none = try run(script, ["request"], ["KEYSTORE": keystore])
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(none.stderr.contains(
            "set KEYSTORE_PASSWORD to the keystore password first (or MAESTRO_KEYSTORE_PASSWORD, which bundle read for ssl.ini)"),
                      none.stderr)
        assertNoSecretsShown([fromTopology, both, agree, none], [Self.keystorePassword, "a different one"])

        // With the password in a file, only KEYSTORE_PASSWORD counts.
        let topology = directory.appendingPathComponent("mixed.yaml")
        let text = try String(contentsOf: Tool.packageRoot.appendingPathComponent("topologies/mixed-os.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "{file: /etc/maestro-topo/keystore.pw}", with: "{file: keystore.pw}")
        try Data(text.utf8).write(to: topology)
        try Data("from a file\n".utf8).write(to: directory.appendingPathComponent("keystore.pw"))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: directory.appendingPathComponent("keystore.pw").path)
        let fileScript = try bundle(topology.path).appendingPathComponent("hosts/trk.acme.example/certificate.sh")
        XCTAssertTrue(try comments(fileScript).contains("the topology reads the password from a file, so set KEYSTORE_PASSWORD to its content"))
        let onlyTopology = try run(fileScript, ["request"], [
            "KEYSTORE": directory.appendingPathComponent("other.jks").path, "MAESTRO_KEYSTORE_PASSWORD": "ignored",
        ])
        XCTAssertEqual(onlyTopology.status, 1)
        XCTAssertTrue(onlyTopology.stderr.contains("certificate.sh: set KEYSTORE_PASSWORD to the keystore password first\n"),
                      onlyTopology.stderr)
    }

    // MARK: - Hostile planned paths

    /// A keytool stand-in: records `--- $0` and one argument a line in
    /// $STUB_DIR/calls.log; creates the keystore on -genkeypair; finds no
    /// alias on -exportcert; succeeds otherwise.
    static let stub = """
        #!/bin/sh
        { printf -- '--- %s\\n' "$0"; for a in "$@"; do printf '%s\\n' "$a"; done; } >> "$STUB_DIR/calls.log"
        case $1 in
        -exportcert) exit 1 ;;
        -genkeypair) while [ $# -gt 1 ]; do if [ "$1" = -keystore ]; then : > "$2"; fi; shift; done ;;
        esac
        exit 0

        """

    func installStub(at path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(Self.stub.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }

    func makeFile(_ path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("placeholder\n".utf8).write(to: url)
    }

    /// What the loader lets into a path or a CA name, and so into the
    /// script: no control character (tab, NEL, U+2028 and U+2029 included),
    /// but any other character, bidi controls, zero-width characters and
    /// combining marks too. The test below uses the worst of those.
    func testTheLoaderKeepsControlCharactersOutOfPlannedValues() throws {
        for (key, escape) in [("install_folder", #"\t"#), ("install_folder", #"\x85"#), ("keystore", #"\u2028"#),
                              ("trusted_root_keystore", #"\u2029"#), ("ca", #"\x1b"#), ("ca", #"\n"#)] {
            let ssl = key == "install_folder" ? "" : "\n    ssl: {\(key): \"/opt/x\(escape)y\"}"
            let folder = key == "install_folder" ? "\n    install_folder: \"/opt/x\(escape)y\"" : ""
            let yaml = """
                version: 1
                installation: hostile
                component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: MAESTRO_KEYSTORE_PASSWORD}}
                hosts:
                  ui.h.example:
                    components: [LUI, HUB, TRK]\(folder)\(ssl)
                  db.h.example: {components: [DATABASE]}
                  lsv.h.example: {components: [LISTSERV]}

                """
            let file = directory.appendingPathComponent("control.yaml")
            try Data(yaml.utf8).write(to: file)
            let run = try Tool.run(["bundle", file.path, "--out", directory.appendingPathComponent("never").path, "--placeholder-secrets"])
            XCTAssertEqual(run.status, 1, "\(key) \(escape): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("error[invalid-value]: '\(key)'"), "\(key) \(escape): \(run.stderr)")
        }
        let accepted = "version: 1\ninstallation: hostile\ncomponent_ssl: {enabled: true, ca: \"A\\u202EB\", "
            + "keystore_password: {env: MAESTRO_KEYSTORE_PASSWORD}}\nhosts:\n  ui.h.example:\n    components: [LUI, HUB, TRK]\n"
            + "    install_folder: \"/opt/\\u202E\\u2066\\u200B\\uFEFF'\\u0301\"\n"
            + "  db.h.example: {components: [DATABASE]}\n  lsv.h.example: {components: [LISTSERV]}\n"
        let file = directory.appendingPathComponent("accepted.yaml")
        try Data(accepted.utf8).write(to: file)
        XCTAssertEqual(try Tool.run(["validate", file.path]).status, 0)
    }

    /// Every planned value (keystore, trusted-root keystore, Maestro's keytool
    /// under the install folder, CA name, host, alias, subject) and every
    /// override reaches keytool byte for byte, with shell syntax, quotes
    /// under a combining mark, bidi and zero-width characters in them.
    func testHostilePlannedPathsReachKeytoolExactly() throws {
        let t = directory.path
        let uiFolder = t + "/srv/maestro-{prod} $HOME `id` 'q' \"dq\" \u{202E}rtl \u{FEFF}bom \\"
        let trkFolder = t + "/opt/(x86) & 100% !bang ^caret; $(touch pwned) * ? [a] ~x #h '\u{301}; touch pwned; '\u{301}"
        let trkKeystore = t + "/keys/a}b${x}\\back `x` \u{2066}iso\u{2069} '\u{301}.jks"
        let uiTruststore = t + "/trust/\"dq\" 'sq' }/\u{200B}cacerts"
        // Scalar by scalar: a ' under a combining mark is one Character, still a quote to YAML.
        func yaml(_ text: String) -> String { "'" + text.unicodeScalars.map { $0 == "'" ? "''" : String($0) }.joined() + "'" }
        let out = try bundle("""
            version: 1
            installation: hostile
            component_ssl:
              enabled: true
              ca: 'Hostile CA $(touch pwned) `id` ''q'' ''\u{301}; touch pwned; ''\u{301} \u{202E}'
              keystore_password: {env: MAESTRO_KEYSTORE_PASSWORD}
            hosts:
              ui.h.example:
                components: [LUI, HUB]
                install_folder: \(yaml(uiFolder))
                ssl:
                  trusted_root_keystore: \(yaml(uiTruststore))
              trk.h.example:
                components: [TRK]
                install_folder: \(yaml(trkFolder))
                ssl:
                  keystore: \(yaml(trkKeystore))
              db.h.example:
                components: [DATABASE]
              lsv.h.example:
                components: [LISTSERV]

            """, yaml: true)
        let certs = t + #"/certs $x `y` (x86)&'"#
        let root = certs + "/root.pem", signed = certs + "/signed \"1\".pem", second = certs + "/second $(id).pem"
        try makeFile(root)
        try makeFile(signed)
        try makeFile(second)
        let temp = t + #"/tmp $x (y) `z`"#
        try FileManager.default.createDirectory(atPath: temp, withIntermediateDirectories: true)
        let servers = [
            (host: "ui.h.example", folder: uiFolder, keystore: uiFolder + "/keystore/ui.h.example.jks", truststore: uiTruststore),
            (host: "trk.h.example", folder: trkFolder, keystore: trkKeystore, truststore: trkFolder + "/jre/lib/security/cacerts"),
        ]
        for server in servers {
            let keytool = server.folder + "/jre/bin/keytool"
            try installStub(at: keytool)
            try makeFile(server.truststore)
            let script = out.appendingPathComponent("hosts/\(server.host)/certificate.sh")
            var calls: [String: [RecordedCall]] = [:]
            for (label, arguments) in [("trust", ["trust", root]), ("request", ["request"]), ("install", ["install", root, signed, second])] {
                let log = directory.appendingPathComponent("rec/\(server.host)-\(label)")
                try FileManager.default.createDirectory(at: log, withIntermediateDirectories: true)
                let result = try run(script, arguments, [
                    "STUB_DIR": log.path, "TMPDIR": temp, "KEYSTORE_PASSWORD": Self.keystorePassword,
                    "TRUSTSTORE_PASSWORD": Self.truststorePassword,
                ])
                XCTAssertEqual(result.status, 0, "\(server.host) \(label): " + result.stdout + result.stderr)
                calls[label] = RecordedCall.read(log).map { call in
                    var call = call
                    call.arguments = call.arguments.map { $0.hasPrefix(temp + "/certificate.") ? "<WORK>/" + $0.split(separator: "/").last! : $0 }
                    return call
                }
            }
            func call(_ arguments: [String]) -> RecordedCall { RecordedCall(program: keytool, arguments: arguments) }
            let trustStore = ["-keystore", server.truststore, "-storepass:env", "TRUSTSTORE_PASSWORD"]
            XCTAssertEqual(calls["trust"], [
                call(["-printcert", "-rfc", "-file", root]),
                call(["-list", "-keystore", server.truststore, "-storepass:env", "TRUSTSTORE_PASSWORD"]),
                call(["-list", "-keystore", server.truststore, "-storepass:env", "TRUSTSTORE_CURRENT_PASSWORD"]),
                call(["-exportcert", "-rfc", "-alias", "maestro-root", "-file", "<WORK>/alias.pem"] + trustStore),
                call(["-importcert", "-noprompt", "-trustcacerts", "-alias", "maestro-root", "-file", root] + trustStore),
            ], server.host)
            let store = ["-keystore", server.keystore, "-storepass:env", "KEYSTORE_PASSWORD"]
            XCTAssertEqual(calls["request"], [
                call(["-genkeypair", "-storetype", "JKS", "-alias", server.host, "-dname", "CN=\(server.host)",
                      "-ext", "SAN=dns:\(server.host)", "-keyalg", "RSA", "-keysize", "3072", "-validity", "825",
                      "-keypass:env", "KEYSTORE_PASSWORD"] + store),
                call(["-certreq", "-alias", server.host, "-ext", "SAN=dns:\(server.host)", "-file", "\(server.host).csr"] + store),
            ], server.host)
            XCTAssertEqual(calls["install"], [
                call(["-printcert", "-rfc", "-file", root]),
                call(["-printcert", "-rfc", "-file", signed]),
                call(["-printcert", "-rfc", "-file", second]),
                call(["-list"] + store),
                call(["-exportcert", "-rfc", "-alias", "root", "-file", "<WORK>/alias.pem"] + store),
                call(["-importcert", "-noprompt", "-trustcacerts", "-alias", "root", "-file", root] + store),
                call(["-exportcert", "-rfc", "-alias", "root-2", "-file", "<WORK>/alias.pem"] + store),
                call(["-importcert", "-noprompt", "-trustcacerts", "-alias", "root-2", "-file", second] + store),
                call(["-exportcert", "-rfc", "-alias", server.host, "-file", "<WORK>/alias.pem"] + store),
                call(["-importcert", "-noprompt", "-trustcacerts", "-alias", server.host, "-file", signed] + store),
            ], server.host)
            let mode = (try FileManager.default.attributesOfItem(atPath: server.keystore)[.posixPermissions] as! NSNumber).intValue
            XCTAssertEqual(mode, 0o600, server.keystore)
        }

        // KEYSTORE, TRUSTSTORE and KEYTOOL from the environment.
        let keytool = t + "/tools $(touch pwned) }'\u{301} \u{202E}/keytool"
        try installStub(at: keytool)
        let keystore = t + "/over `id` $x '\u{301}\u{200B}/ks.jks"
        let truststore = t + "/over trust \"\u{301} ${x} \u{2066}/cacerts"
        try makeFile(truststore)
        let log = directory.appendingPathComponent("rec/override")
        try FileManager.default.createDirectory(at: log, withIntermediateDirectories: true)
        let script = out.appendingPathComponent("hosts/ui.h.example/certificate.sh")
        let overridden = try run(script, ["request"], [
            "STUB_DIR": log.path, "KEYTOOL": keytool, "KEYSTORE": keystore, "KEYSTORE_PASSWORD": Self.keystorePassword,
        ])
        XCTAssertEqual(overridden.status, 0, overridden.stdout + overridden.stderr)
        XCTAssertEqual(RecordedCall.read(log).map(\.program), [keytool, keytool])
        XCTAssertEqual(RecordedCall.read(log).map { $0.value(after: "-keystore") }, [keystore, keystore])
        XCTAssertTrue(overridden.stdout.contains(
            "signed by Hostile CA $(touch pwned) `id` 'q' '\u{301}; touch pwned; '\u{301} \u{202E}, then run"), overridden.stdout)
        let trustLog = directory.appendingPathComponent("rec/override-trust")
        try FileManager.default.createDirectory(at: trustLog, withIntermediateDirectories: true)
        let trusted = try run(script, ["trust", root], [
            "STUB_DIR": trustLog.path, "KEYTOOL": keytool, "TRUSTSTORE": truststore, "TRUSTSTORE_PASSWORD": Self.truststorePassword,
            "TMPDIR": temp,
        ])
        XCTAssertEqual(trusted.status, 0, trusted.stdout + trusted.stderr)
        XCTAssertEqual(Set(RecordedCall.read(trustLog).map(\.program)), [keytool])
        XCTAssertEqual(Set(RecordedCall.read(trustLog).compactMap { $0.value(after: "-keystore") }), [truststore])

        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temp), [], "temporary folders are removed")
        for folder in [directory.path, t + "/opt", Tool.packageRoot.path] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/pwned"), "a value ran a command in \(folder)")
        }
    }
}
