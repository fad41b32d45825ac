import TopoModel

/// Instructions that the plan's checklist, the bundle's READMEs and the
/// diff's runbook all give, worded once.
public enum PlanText {
    static func certificateScript(_ os: OperatingSystem) -> String {
        os == .linux ? "certificate.sh" : "certificate.cmd"
    }

    /// Vendor step 2.2.1, "Securing the Trusted Root Certificate Keystore",
    /// which comes before the server certificate on every server.
    static func trustStep(_ certificate: CertificatePlan, roots: [String], os: OperatingSystem) -> String {
        let names = roots.map { "'\($0)'" }.quotedAnd
        return "Secure the trusted-root keystore \(certificate.trustedRootKeystore) (vendor step 2.2.1, before the server certificate): change its well-known default password ('changeit'), import the root certificate of \(names), and let only administrators change the file (\(certificateScript(os)) trust ROOT.pem)."
    }

    /// The ssl.ini step of the runbook: the text comes with the step.
    static func writeSSLIni(_ ini: SSLIniPlan, host: String, os: OperatingSystem) -> String {
        "Write \(ini.path) with exactly the text below, or copy the bundle's hosts/\(host)/commands/ssl.ini (maestro-topo bundle), which holds the password itself. The password (\(ini.password.description)) shows here as \(SecretSource.redacted); typed by hand it is escaped like the other values: a backslash doubled, a character outside ASCII as \\uXXXX. Then restrict the file to the account running Maestro: \(restrictSSLIni(ini.path, os: os))"
    }

    /// The command that makes ssl.ini readable by the account running
    /// Maestro and by administrators only, ending with a full stop.
    public static func restrictSSLIni(_ path: String, os: OperatingSystem) -> String {
        switch os {
        case .linux:
            return "`chmod 600 \(shellWord(path))`, the file owned by that account."
        case .windows:
            return "`\(icacls(path))` in an elevated Command Prompt. \(windowsAccounts)."
        }
    }

    /// Removes inherited rights, then lets SYSTEM read the file and
    /// Administrators change it. Well-known SIDs work in every language.
    static func icacls(_ path: String) -> String {
        "icacls \"\(path)\" /inheritance:r /grant:r *S-1-5-18:R *S-1-5-32-544:F"
    }

    static let windowsAccounts = "*S-1-5-18 is SYSTEM, the account the Maestro service runs as unless it was changed (then grant that account R instead), and *S-1-5-32-544 is Administrators"

    /// A path as one shell word: as it is when that is safe, else quoted.
    static func shellWord(_ text: String) -> String { Quoting.shellWord(text) }
}
