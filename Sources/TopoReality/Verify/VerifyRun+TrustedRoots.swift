import TopoCheck
import TopoModel
import TopoSource
import TopoSystem

extension VerifyRun {
    /// Java's well-known password of its `cacerts`.
    static let javaDefaultPassword = Array("changeit".utf8)

    /// The trusted-root keystore: no longer Java's default password, and
    /// the planned CA's root in it. Findings point at the topology's
    /// `trusted_root_keystore` (or the host, when the default is used).
    func checkTrustedRoots() {
        guard sslPlanned, let certificate = plan.certificate else { return }
        let named = host.ssl.trustedRootKeystore
        let serverPath = named.value
        guard let local = paths.local(serverPath) else {
            for rule in [TrustedRootMissing.self, TrustedRootPassword.self] as [any Rule.Type] {
                ledger.skipped(rule, "the trusted-root keystore '\(serverPath)' lies outside the install folder; give --path-map FROM=TO")
            }
            return
        }
        guard FileSystem.kind(of: local) == .regular, let bytes = try? FileSystem.read(local, limit: 16 << 20) else {
            ledger.failed(
                TrustedRootMissing.self, "the trusted-root keystore \(shown(local, server: serverPath)) does not exist",
                at: named.location, in: .topology,
                notes: ["name the keystore Maestro's Java trusts with trusted_root_keystore, or import the CA root into it"])
            return
        }
        var store: Keystore?
        if let opened = try? Keystore.open(bytes: bytes, password: Self.javaDefaultPassword) {
            store = opened
            ledger.failed(
                TrustedRootPassword.self, "the trusted-root keystore \(shown(local, server: serverPath)) still opens with Java's default password",
                at: named.location, in: .topology,
                notes: ["keytool -storepasswd -keystore '\(serverPath)' sets a password of your own (the vendor's first step on every server)"])
        } else {
            ledger.ok(TrustedRootPassword.self, "\(local) does not open with Java's default password")
        }
        if store == nil, let password = value(of: "SSLKeystorePassword") {
            var secret = Array(password.value.utf8)
            defer { secret.withUnsafeMutableBytes { SecretMemory.wipe($0) } }
            store = try? Keystore.open(bytes: bytes, password: secret)
        }
        if store == nil { store = Keystore.certificatesOnly(bytes: bytes) }
        guard let store else {
            ledger.skipped(
                TrustedRootMissing.self,
                "\(local) opens neither with Java's default password nor with ssl.ini's, and its certificates cannot be read without one")
            return
        }
        guard !certificate.ca.isEmpty || !caCertificates.isEmpty else {
            ledger.skipped(TrustedRootMissing.self, "the topology names no CA (ca) and no --ca-file was given")
            return
        }
        let roots = store.entries.compactMap { entry -> CertificateFacts? in
            guard let der = entry.chain.first else { return nil }
            if !caCertificates.isEmpty { return caCertificates.contains(der) ? try? CertificateFacts(der: der) : nil }
            guard let facts = try? CertificateFacts(der: der), facts.subjectCommonName == certificate.ca else { return nil }
            return facts
        }
        if let root = roots.first {
            ledger.ok(TrustedRootMissing.self, "'\(root.subject)' is trusted in \(local)")
        } else {
            let wanted = caCertificates.isEmpty ? "a certificate of '\(certificate.ca)'" : "the certificate of --ca-file"
            ledger.failed(
                TrustedRootMissing.self, "the trusted-root keystore \(shown(local, server: serverPath)) holds no root named \(wanted)",
                at: named.location, in: .topology,
                notes: ["keytool -importcert -trustcacerts -alias maestro-ca -file ca.crt -keystore '\(serverPath)'; without it this server refuses its partners' certificates"])
        }
    }
}
