import Foundation
import TopoCheck
import TopoModel
import TopoSource
import TopoSystem

extension VerifyRun {
    /// The keystore `ssl.ini` names, opened with `ssl.ini`'s password: the
    /// private key under the planned alias, its password, and the server
    /// certificate's name, chain and validity. Findings point at the
    /// `SSLKeystorePath` line, where the keystore is named.
    func checkKeystore() {
        guard sslPlanned, let certificate = plan.certificate else { return }
        guard let sslIni, let pathEntry = value(of: "SSLKeystorePath"), let passwordEntry = value(of: "SSLKeystorePassword")
        else {
            for rule in Self.keystoreRules { ledger.skipped(rule, "ssl.ini names no keystore") }
            return
        }
        _ = sslIni
        let at = SourceLocation(line: pathEntry.valueLine, column: pathEntry.valueColumn)
        let serverPath = pathEntry.value
        guard let local = paths.local(serverPath) else {
            for rule in Self.keystoreRules {
                ledger.skipped(rule, "the keystore '\(serverPath)' lies outside the install folder; give --path-map FROM=TO")
            }
            return
        }
        guard FileSystem.kind(of: local) == .regular else {
            ledger.failed(
                KeystoreUnreadable.self, "the keystore \(shown(local, server: serverPath)) does not exist",
                at: at, in: .sslIni, notes: ["install the keystore with the bundle's certificate script, or correct SSLKeystorePath"])
            return
        }
        let store: Keystore
        do {
            let bytes = try FileSystem.read(local, limit: 16 << 20)
            var password = Array(passwordEntry.value.utf8)
            defer { password.withUnsafeMutableBytes { SecretMemory.wipe($0) } }
            store = try Self.open(bytes: bytes, path: local, password: password)
        } catch let refusal as RealityRefusal {
            self.refusal = refusal
            return
        } catch let error as Keystore.Failure {
            let note = error == .wrongPassword
                ? "SSLKeystorePassword must be the keystore's password; keytool -list -keystore '\(serverPath)' asks for it"
                : "Maestro reads JKS and PKCS12 keystores made by keytool"
            ledger.failed(KeystoreUnreadable.self, "the keystore \(shown(local, server: serverPath)) cannot be opened: \(error)",
                          at: at, in: .sslIni, notes: [note])
            return
        } catch {
            ledger.failed(KeystoreUnreadable.self, "the keystore \(shown(local, server: serverPath)) cannot be read: \(error)",
                          at: at, in: .sslIni)
            return
        }
        ledger.ok(KeystoreUnreadable.self, "\(local) opens (\(store.format.rawValue)) with ssl.ini's password")
        checkPermissions(of: local, what: "the keystore", place: .sslIni, at: at)

        guard let entry = store.entry(alias: certificate.alias), entry.isPrivateKey, !entry.chain.isEmpty else {
            let held = store.entries.map { "\($0.alias) (\($0.isPrivateKey ? "private key" : "trusted certificate"))" }
            ledger.failed(
                KeystoreAlias.self, "the keystore has no private key under the alias '\(certificate.alias)'",
                at: at, in: .sslIni,
                notes: [held.isEmpty ? "the keystore is empty" : "it holds: \(held.joined(separator: ", "))",
                        "import the signed certificate under the alias of the key it was requested with"])
            return
        }
        ledger.ok(KeystoreAlias.self, "private key '\(entry.alias)' with \(entry.chain.count) certificate(s)")
        if entry.keyOpensWithStorePassword == false {
            ledger.failed(
                KeyPassword.self, "the private key '\(entry.alias)' has another password than the keystore",
                at: at, in: .sslIni,
                notes: ["ssl.ini holds one password for both; keytool -keypasswd -alias \(entry.alias) -keystore '\(serverPath)' sets the key's to the store's"])
        } else {
            ledger.ok(KeyPassword.self, "the key opens with the keystore password")
        }
        checkCertificate(chain: entry.chain, certificate: certificate.hostName, ca: certificate.ca, at: at)
    }

    /// A JKS or PKCS12 keystore is read here; any other type (JCEKS, …)
    /// through the JRE's keytool, found on PATH. Without keytool such a
    /// keystore cannot be judged at all, which stops the run.
    static func open(bytes: [UInt8], path: String, password: [UInt8]) throws -> Keystore {
        do {
            return try Keystore.open(bytes: bytes, password: password)
        } catch .unsupported(let what) {
            guard let keytool = KeytoolLocator.find() else {
                throw RealityRefusal(
                    "the keystore '\(path)' is \(what); only keytool reads that, and no keytool was found on PATH (install a JDK, or put its bin folder on PATH)")
            }
            return try KeytoolKeystore.open(path: path, password: password, keytool: keytool)
        }
    }

    static let keystoreRules: [any Rule.Type] = [
        KeystoreUnreadable.self, KeystoreAlias.self, KeyPassword.self, CertificateName.self, CertificateChain.self,
        CertificateValidity.self, CertificateExpiring.self,
    ]

    private func checkCertificate(chain: [[UInt8]], certificate name: String, ca: String, at: SourceLocation) {
        let outcomes = CertificateJudgement.judge(
            chain: chain, name: name, ca: ca, caCertificates: caCertificates, now: request.now,
            expiryWarningDays: request.expiryWarningDays)
        for outcome in outcomes {
            if outcome.passed {
                ledger.ok(outcome.rule, outcome.message)
            } else {
                ledger.failed(outcome.rule, outcome.message, at: at, in: .sslIni, notes: outcome.notes)
            }
        }
    }

    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
