import TopoModel
import TopoPlan

/// The keytool steps for one server, as `certificate.sh` (Linux) or
/// `certificate.cmd` (Windows). Both take the same three commands, in this
/// order of use:
///
///     certificate trust ROOT.pem [MORE-ROOTS.pem ...]     vendor step 2.2.1, first on every server
///     certificate request                                 key pair for CN=<host>, then <host>.csr
///     certificate install ROOT.pem SIGNED.pem [MORE-ROOTS.pem ...]
///
/// Every command can be run again after a failure: what is already done is
/// recognised (by comparing certificates as keytool exports them, never by
/// reading keytool's English messages) and kept. Passwords reach keytool
/// only through `-storepass:env` and `-new:env`, never on a command line.
/// The Linux script is in `CertificateScript+Shell.swift`, the Windows one,
/// with its notes on how cmd.exe parses values, in `CertificateScript+Cmd.swift`.
enum CertificateScript {
    /// JKS, the type Java applications of Maestro's generation expect; with
    /// JKS the key password is the store password, the one ssl.ini holds.
    static let storeType = "JKS"
    static let keySize = 3072
    static let validityDays = 825

    /// The CA roots in the trusted-root keystore: maestro-root, maestro-root-2, …
    static let trustedRootAlias = "maestro-root"
    /// The CA roots in the server keystore: root, root-2, …
    static let keystoreRootAlias = "root"
    /// Java's well-known default password of its trusted-root keystore.
    static let defaultTruststorePassword = "changeit"

    /// Variables the scripts read or set themselves. A topology password
    /// variable with one of these names is not used as a second source.
    static let ownVariables: Set<String> = [
        "KEYSTORE_PASSWORD", "KEYSTORE", "KEYTOOL", "TRUSTSTORE", "TRUSTSTORE_PASSWORD",
        "TRUSTSTORE_CURRENT_PASSWORD", "TEMP", "TMPDIR", "PATH",
    ]

    /// The variable that holds the keystore password when KEYSTORE_PASSWORD
    /// is not set: the topology's `{env: NAME}`, which `bundle` read for
    /// ssl.ini too, so the keystore and ssl.ini cannot silently differ. Nil
    /// for a file or literal source (only KEYSTORE_PASSWORD then) and for a
    /// name the script uses for something else.
    static func passwordVariable(_ server: ServerPlan) -> String? {
        guard case let .environment(name)? = server.sslIni?.password else { return nil }
        let upper = name.uppercased()
        let isIdentifier = !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", "_": true
            default: false
            }
        } && !("0"..."9").contains(name.first!)
        guard isIdentifier, !ownVariables.contains(upper), !upper.hasPrefix("MT_") else { return nil }
        return name
    }

    /// What the header says about the password when there is no second source.
    static func passwordSourceNote(_ server: ServerPlan) -> String {
        switch server.sslIni?.password {
        case .environment?: "the topology's password variable is one this script uses itself, so only KEYSTORE_PASSWORD counts"
        case .file?: "the topology reads the password from a file, so set KEYSTORE_PASSWORD to its content"
        case .literal?, nil: "the topology holds the password itself, so set KEYSTORE_PASSWORD to it"
        }
    }

    /// `text` broken into lines of at most `width` characters, at spaces.
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        return lines + (line.isEmpty ? [] : [line])
    }

    /// Maestro's own keytool, under the Java runtime it installs (the
    /// manuals show `…\jre\bin\keytool`); used when it exists.
    static func plannedKeytool(_ server: ServerPlan) -> String {
        PathStyle.join(server.installFolder, "jre", "bin", server.os == .windows ? "keytool.exe" : "keytool", os: server.os)
    }
}
