import Foundation
import TopoSource
import TopoTestSupport
import XCTest

/// Passwords written in a form the format does not take: in braces, in a
/// list, beside a source, under a key spelt with a YAML escape. Each file
/// holds a token with `S3cr3t` in it; no output of any command may show it.
extension HostileInputCLITests {
    /// Files, each with the findings it must give (`line:col: severity[rule]`).
    func wrongFormCases() -> [(name: String, yaml: String, findings: [String])] {
        let head = "version: 1\ninstallation: acme\ncomponent_ssl:\n  enabled: true\n  ca: Acme CA\n"
        let hosts = "hosts:\n  ui.acme.example: {components: [LUI, HUB]}\n  trk.acme.example: {components: [TRK]}\n"
            + "  db.acme.example: {components: [DATABASE, LISTSERV]}\n"
        func host(_ ssl: String) -> String {
            hosts.replacingOccurrences(of: "{components: [TRK]}", with: "{components: [TRK], ssl: {keystore_password: \(ssl)}}")
        }
        let unknown = "error[unknown-key]: an unknown key in keystore_password"
        return [
            ("braces", head + "  keystore_password: {S3cr3t!PW}\n" + hosts, ["6:23: \(unknown)"]),
            ("quoted-braces", head + "  keystore_password: {\"S3cr3tQ\"}\n" + hosts, ["6:23: \(unknown)"]),
            ("beside-env", head + "  keystore_password: {env: KS_PW, S3cr3tBeside}\n" + hosts, ["6:35: \(unknown)"]),
            ("host-braces", head + "  keystore_password: {env: KS_PW}\n" + host("{S3cr3tHost}"), ["9:67: \(unknown)"]),
            ("host-beside", head + "  keystore_password: {env: KS_PW}\n" + host("{file: /pw, 'S3cr3tHost2': x}"), ["9:78: \(unknown)"]),
            ("block-key", head + "  keystore_password:\n    S3cr3tBlock:\n" + hosts, ["7:5: \(unknown)"]),
            ("block-pair", head + "  keystore_password:\n    env: KS_PW\n    S3cr3tK: S3cr3tV\n" + hosts, ["8:5: \(unknown)"]),
            ("flow-list", head + "  keystore_password: [S3cr3tL1, S3cr3tL2]\n" + hosts,
             ["6:22: error[invalid-value]: 'keystore_password' takes a mapping, not a list"]),
            ("block-list", head + "  keystore_password:\n    - S3cr3tBL\n" + hosts,
             ["7:5: error[invalid-value]: 'keystore_password' takes a mapping, not a list"]),
            ("nested", head + "  keystore_password: {env: KS_PW, x: {S3cr3tN: [S3cr3tM]}}\n" + hosts, ["6:35: \(unknown)"]),
            ("twice", head + "  keystore_password: {S3cr3tT, S3cr3tT}\n" + hosts, ["6:23: \(unknown)", "6:32: \(unknown)"]),
            ("env-not-a-name", head + "  keystore_password: {env: S3cr3t-E!}\n" + hosts,
             ["6:28: error[invalid-value]: 'env' takes the name of an environment variable"]),
            ("env-list", head + "  keystore_password: {env: [S3cr3tEL]}\n" + hosts,
             ["6:28: error[invalid-value]: 'env' takes text, not a list"]),
            ("block-nested", head + "  keystore_password:\n    file: /pw\n    extra:\n      - S3cr3tDeep: S3cr3tDeeper\n" + hosts,
             ["8:5: \(unknown)"]),
            // The key as YAML reads it decides, not its spelling.
            ("escaped-twice", head + "  keystore_password: {env: KS_PW}\n  \"keystore_p\\u0061ssword\": S3cr3tDup\n" + hosts,
             ["7:3: error[duplicate-key]: key 'keystore_password' appears twice"]),
            ("escaped-misspelt", head + "  keystore_password: {env: KS_PW}\n  \"keystore_p\\x61sswrd\": S3cr3tMis\n" + hosts,
             ["7:3: error[unknown-key]: unknown key 'keystore_passwrd' in component_ssl"]),
            ("escaped-syntax", head + "  \"keystore_p\\u0061ssword\": \"S3cr3tEsc\\q\"\n" + hosts,
             ["6:39: error[yaml-syntax]: found unknown escape character"]),
            ("escaped-braces-syntax", head + "  \"keystore_p\\u0061ssword\": {\"S3cr3tBr\\q\"}\n" + hosts,
             ["6:39: error[yaml-syntax]: found unknown escape character"]),
            // libyaml stops while looking ahead, before the loader reaches the key.
            ("lookahead", head + "  keystore_password: {env: KS_PW}\n" + host("{\"S3cr3tLook\\q\"}"),
             ["9:78: error[yaml-syntax]: found unknown escape character"]),
            ("lookahead-escaped", head + "  keystore_password: {env: KS_PW}\n"
                + hosts.replacingOccurrences(of: "{components: [TRK]}",
                                             with: "{components: [TRK], ssl: {\"keystore_p\\u0061ssword\": {\"S3cr3tLE\\q\"}}}"),
             ["9:83: error[yaml-syntax]: found unknown escape character"]),
            ("unclosed-braces", head + "  keystore_password: {S3cr3tOpen, \n", ["7:1: error[yaml-syntax]"]),
            // A password that starts with `*`, `&` or `!`, unquoted, is YAML
            // syntax: the alias, anchor or tag is named by the password.
            ("alias", head + "  keystore_password: *S3cr3tAl\n" + hosts,
             ["6:22: error[unsupported-yaml]: an alias is not allowed (here its name is not shown"]),
            ("anchor", head + "  keystore_password: &S3cr3tAn\n" + hosts,
             ["6:22: error[unsupported-yaml]: an anchor is not allowed (here its name is not shown"]),
            ("tag", head + "  keystore_password: !S3cr3tTg\n" + hosts,
             ["6:22: error[unsupported-yaml]: a YAML tag is not allowed in a topology (here its name is not shown"]),
            ("tag-and-text", head + "  keystore_password: !S3cr3tTT x\n" + hosts, ["6:22: error[unsupported-yaml]: a YAML tag"]),
            ("anchor-in-braces", head + "  keystore_password: {env: &S3cr3tAB X}\n" + hosts,
             ["6:28: error[unsupported-yaml]: an anchor is not allowed"]),
            ("host-alias", head + "  keystore_password: {env: KS_PW}\n" + host("*S3cr3tHA"),
             ["9:66: error[unsupported-yaml]: an alias is not allowed"]),
            // Two sources, or one twice: no valid form, so the first value may be the password.
            ("env-twice", head + "  keystore_password: {env: S3cr3tE2, env: X}\n" + hosts,
             ["6:38: error[duplicate-key]: key 'env' appears twice in keystore_password"]),
            ("file-and-env", head + "  keystore_password: {file: S3cr3tFE, env: X}\n" + hosts,
             ["6:39: error[invalid-value]: give one password source"]),
            ("block-file-and-env", head + "  keystore_password:\n    file: S3cr3tBF\n    env: X\n" + hosts,
             ["8:5: error[invalid-value]: give one password source"]),
            ("host-file-and-env", head + "  keystore_password: {env: KS_PW}\n" + host("{file: S3cr3tHF, env: X}"),
             ["9:83: error[invalid-value]: give one password source"]),
            // Text after a closing brace or quote, which libyaml cannot read.
            ("after-braces", head + "  keystore_password: {env: NAME}S3cr3tTr\n" + hosts, ["6:33: error[yaml-syntax]"]),
            ("after-quote", head + "  keystore_password: \"x\"S3cr3tTq\n" + hosts, ["6:25: error[yaml-syntax]"]),
            ("host-after-braces", head + "  keystore_password: {env: KS_PW}\n" + host("{env: NAME}S3cr3tHT"),
             ["9:77: error[yaml-syntax]"]),
        ]
    }

    func testPasswordInAWrongFormIsNeverPrinted() throws {
        let cases = wrongFormCases()
        for (name, yaml, _) in cases { try write("\(name).yaml", yaml) }
        try write("target.yaml", cleanFourServer)
        let files = cases.map { "\($0.name).yaml" }
        let text = try validate(files)
        for (name, _, findings) in cases {
            for finding in findings { assertLocated(text, "\(name).yaml:\(finding)") }
        }
        var runs = [("validate", text)]
        for format in ["json", "sarif", "junit", "github"] {
            runs.append(("validate \(format)", try tool(["validate", "--no-color", "--format", format] + files)))
        }
        for file in files {
            runs.append(("plan \(file)", try tool(["plan", "--no-color", file])))
            runs.append(("plan json \(file)", try tool(["plan", "--format", "json", file])))
            runs.append(("diff \(file)", try tool(["diff", "--no-color", file, "target.yaml"])))
            runs.append(("diff \(file) reversed", try tool(["diff", "--no-color", "target.yaml", file])))
            let bundle = try tool(["bundle", "--no-color", file, "--out", "out-\(file)"])
            XCTAssertEqual(bundle.status, 1, "bundle \(file): \(bundle.stderr)")
            runs.append(("bundle \(file)", bundle))
        }
        for (what, output) in runs {
            let seen = output.stdout + output.stderr
            XCTAssertFalse(seen.contains("S3cr3t"), "\(what) printed a password:\n\(seen.prefix(4000))")
        }
        for (name, yaml, _) in cases {
            for diagnostic in check(yaml) {
                XCTAssertFalse(diagnostic.message.contains("S3cr3t") || diagnostic.notes.joined().contains("S3cr3t"),
                               "\(name): \(diagnostic.message)")
            }
        }
        // The line is still shown, the password masked where it stood.
        XCTAssertTrue(text.stderr.contains("braces.yaml:6:23: error[unknown-key]: an unknown key in keystore_password (not shown, as it may be the password)"), text.stderr)
        // A mapping that is not exactly one source is masked whole.
        XCTAssertTrue(text.stderr.contains("beside-env.yaml:6:35: error[unknown-key]: an unknown key in keystore_password (not shown, as it may be the password); write {env: VARIABLE}, {file: /path/to/file} or the password as text\n      keystore_password: ********\n                         ^\n"), text.stderr)
        XCTAssertTrue(text.stderr.contains("\n      \"keystore_p\\u0061ssword\": ********\n"), text.stderr)
        // Where a tag, anchor or alias is most likely a password's first character, the note says to quote it.
        XCTAssertTrue(text.stderr.contains("alias.yaml:6:22: error[unsupported-yaml]: an alias is not allowed (here its name is not shown, as it may be a password); aliases are never expanded\n      keystore_password: ********\n                         ^\n    note: a value that starts with '*', '&' or '!' is YAML syntax, not text: quote a password that starts with one"), text.stderr)
    }
}
