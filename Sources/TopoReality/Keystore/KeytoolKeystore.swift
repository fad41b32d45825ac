import TopoSystem
import TopoSource

/// A keystore of a type this tool does not read itself (JCEKS, or BKS
/// where the JRE has Bouncy Castle), listed by the JRE's own keytool: what
/// keytool can read, Maestro's Java can read. `verify` falls back to it
/// when `Keystore.open` says `.unsupported`.
///
/// keytool's listing (`-list -rfc`) gives each entry's alias, type and
/// certificates as PEM; whether a key opens with the store password is
/// asked of keytool with `-certreq`, which must decrypt the key to sign a
/// request (the request itself is thrown away). keytool has no structured
/// output, so its English text is read; the locale is fixed to make sure
/// it is English.
public enum KeytoolKeystore {
    /// Opens the keystore at `path` with `password` (UTF-8 bytes) through
    /// `keytool` (a path, or a name looked up on PATH). One keytool run
    /// for the listing, and one more per private key.
    public static func open(path: String, password: [UInt8], keytool: String = "keytool") throws(Keystore.Failure) -> Keystore {
        let variable = KeytoolProcess.passwordVariable
        let listing = try run(keytool, english + ["-list", "-rfc", "-keystore", path, "-storepass:env", variable], password)
        guard listing.status == 0 else { throw failure(listing) }
        var parsed = KeytoolListing(output: listing.output)
        for index in parsed.entries.indices where parsed.entries[index].isPrivateKey {
            let check = try run(
                keytool,
                english + ["-certreq", "-alias", parsed.entries[index].alias, "-keystore", path, "-storepass:env", variable,
                 "-keypass:env", variable],
                password)
            parsed.entries[index].keyOpensWithStorePassword = check.status == 0
        }
        let format: Keystore.Format = switch parsed.type.uppercased() {
        case "JKS": .jks
        case "PKCS12": .pkcs12
        default: .other(parsed.type)
        }
        return Keystore(format: format, entries: parsed.entries)
    }

    /// English whatever the user's JAVA_TOOL_OPTIONS say (the locale of
    /// the environment is set by `KeytoolProcess`).
    static let english = ["-J-Duser.language=en", "-J-Duser.country=US"]

    private static func run(_ keytool: String, _ arguments: [String], _ password: [UInt8]) throws(Keystore.Failure) -> KeytoolProcess.Outcome {
        do throws(KeytoolProcess.SpawnFailure) {
            return try KeytoolProcess.run(keytool, arguments, password: password)
        } catch {
            throw .unsupported("only keytool reads this type, and '\(keytool)' cannot be run: \(error.reason)")
        }
    }

    /// keytool's complaint, sorted into the three failures. keytool
    /// never prints the password, so its words can be passed on.
    static func failure(_ outcome: KeytoolProcess.Outcome) -> Keystore.Failure {
        let text = String(decoding: outcome.output, as: UTF8.self)
        let complaint = text.split(whereSeparator: \.isNewline).first { $0.hasPrefix("keytool error: ") }
            .map { String($0.dropFirst("keytool error: ".count)) }
        guard let complaint else {
            let how = outcome.status.map { "exit status \($0)" } ?? "a signal"
            return .damaged("keytool failed (\(how)) without saying why")
        }
        // "java.io.IOException: Keystore was tampered with, or password was incorrect"
        let message = complaint.split(separator: ":", maxSplits: 1).last.map { $0.trimmingPrefix(" ") }.map(String.init) ?? complaint
        let shown = message.count > 200 ? String(message.prefix(200)) + "…" : message
        if complaint.contains("password was incorrect") { return .wrongPassword }
        if complaint.contains("Unrecognized keystore format") || complaint.contains("Invalid keystore format") {
            return .unsupported("keytool does not recognise it either")
        }
        if complaint.contains("exists, but is empty") { return .unsupported("the file is empty") }
        return .damaged("keytool: \(shown)")
    }
}
