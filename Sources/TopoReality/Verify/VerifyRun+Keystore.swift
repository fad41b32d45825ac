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
            defer { for index in password.indices { password[index] = 0 } }
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

        guard let entry = store.entry(alias: certificate.alias), entry.isPrivateKey, let leaf = entry.chain.first else {
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
        checkCertificate(chain: entry.chain, leaf: leaf, certificate: certificate.hostName, ca: certificate.ca, at: at)
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

    private func checkCertificate(chain: [[UInt8]], leaf: [UInt8], certificate name: String, ca: String, at: SourceLocation) {
        let facts: [CertificateFacts]
        do {
            facts = try chain.map { try CertificateFacts(der: $0) }
        } catch {
            ledger.failed(CertificateName.self, "the server certificate cannot be read: \(error)", at: at, in: .sslIni)
            return
        }
        let own = facts[0]
        if own.names(name) {
            ledger.ok(CertificateName.self, "\(own.subject) names '\(name)'")
        } else {
            let sans = own.dnsNames.isEmpty ? "no DNS names" : "DNS names \(Self.list(own.dnsNames))"
            ledger.failed(
                CertificateName.self, "the certificate is issued to '\(own.subject)' with \(sans), not to '\(name)'",
                at: at, in: .sslIni,
                notes: ["the partners check the certificate against the name they connect to; request one with CN=\(name)"])
        }

        // Validity of every certificate in the chain, and the leaf's expiry.
        var valid = true
        for certificate in facts {
            if request.now < certificate.notBefore {
                valid = false
                ledger.failed(CertificateValidity.self,
                              "'\(certificate.subject)' is not valid before \(Self.day(certificate.notBefore))",
                              at: at, in: .sslIni, notes: ["check the clocks of the CA and of this server"])
            } else if request.now > certificate.notAfter {
                valid = false
                ledger.failed(CertificateValidity.self, "'\(certificate.subject)' expired on \(Self.day(certificate.notAfter))",
                              at: at, in: .sslIni, notes: ["request and install a new certificate before the restart"])
            }
        }
        if valid {
            ledger.ok(CertificateValidity.self, "valid until \(Self.day(own.notAfter))")
            let left = own.notAfter.timeIntervalSince(request.now) / 86_400
            if left < Double(request.expiryWarningDays) {
                ledger.failed(
                    CertificateExpiring.self,
                    "the server certificate expires on \(Self.day(own.notAfter)), in \(Int(left.rounded(.down))) days",
                    at: at, in: .sslIni, notes: ["renew it before then: every partner refuses this server once it has expired"])
            } else {
                ledger.ok(CertificateExpiring.self, "more than \(request.expiryWarningDays) days left")
            }
        }

        // The chain's root: by name against the plan, by signature against --ca-file.
        let top = facts[facts.count - 1]
        let rootName = top.selfSigned ? top.subjectCommonName : top.issuerCommonName
        var chainOK = true
        if !ca.isEmpty, rootName != ca {
            chainOK = false
            ledger.failed(
                CertificateChain.self,
                "the certificate chain ends at '\(top.selfSigned ? top.subject : top.issuer)', not at the planned CA '\(ca)'",
                at: at, in: .sslIni, notes: ["the partners trust the planned CA; have the certificate signed by it"])
        }
        if !caCertificates.isEmpty {
            // Validity is reported above: an expired chain is verified at a
            // time all of it was valid, so its signatures are still judged.
            let time = valid ? request.now : facts.map(\.notBefore).max()!
            let reasons = caCertificates.map { ChainCheck.verify(chain: chain, root: $0, at: time) }
            if !reasons.contains(where: { $0 == nil }), let reason = reasons.compactMap({ $0 }).first {
                chainOK = false
                ledger.failed(CertificateChain.self, "the chain does not verify against --ca-file: \(reason)",
                              at: at, in: .sslIni)
            }
        }
        if chainOK {
            ledger.ok(CertificateChain.self, caCertificates.isEmpty
                      ? "the chain ends at '\(rootName ?? top.issuer)'"
                      : "the chain verifies against --ca-file")
        }
    }

    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
