internal import COpenSSL

extension PKCS12 {
    /// Java's entries from the bags, in the order of the file: each key
    /// with its chain, then each trusted certificate.
    static func assemble(keys: [Key], certificates: [Certificate]) -> [Keystore.Entry] {
        var entries: [Keystore.Entry] = []
        var unnamed = 0
        /// Java names an entry without a friendly name by a counter
        /// (`PKCS12KeyStore.getUnfriendlyName`).
        func alias(_ names: String?...) -> String {
            if let name = names.compactMap({ $0 }).first { return name }
            unnamed += 1
            return String(unnamed)
        }
        for key in keys {
            let own = ownCertificate(of: key, keyCount: keys.count, certificates: certificates)
            let path = own.map { chain(from: $0, certificates: certificates) } ?? []
            entries.append(Keystore.Entry(
                alias: alias(key.friendlyName, own.flatMap { certificates[$0].friendlyName }),
                isPrivateKey: true, chain: path.map { certificates[$0].der },
                keyOpensWithStorePassword: key.opensWithStorePassword))
        }
        for certificate in certificates where certificate.trusted {
            entries.append(Keystore.Entry(
                alias: alias(certificate.friendlyName), isPrivateKey: false, chain: [certificate.der],
                keyOpensWithStorePassword: nil))
        }
        return entries
    }

    /// The key's own certificate: the one with its `localKeyID`, else the
    /// one with its friendly name, else — in a store with a single key, as
    /// Java allows — the first certificate.
    static func ownCertificate(of key: Key, keyCount: Int, certificates: [Certificate]) -> Int? {
        if let id = key.localKeyID, let index = certificates.firstIndex(where: { $0.localKeyID == id }) {
            return index
        }
        if let name = key.friendlyName, let index = certificates.firstIndex(where: { $0.friendlyName == name && !$0.trusted }) {
            return index
        }
        return keyCount == 1 && !certificates.isEmpty ? 0 : nil
    }

    /// `start`, then its issuer among the store's certificates, then that
    /// one's, until a self-issued certificate or one whose issuer is not in
    /// the store: the chain keytool shows. Each certificate at most once,
    /// so a loop of cross-signed certificates ends.
    static func chain(from start: Int, certificates: [Certificate]) -> [Int] {
        var chain = [start]
        var current = start
        while X509_check_issued(certificates[current].x509, certificates[current].x509) != X509_V_OK {
            let issuer = certificates.indices.first { candidate in
                !chain.contains(candidate)
                    && X509_check_issued(certificates[candidate].x509, certificates[current].x509) == X509_V_OK
            }
            guard let issuer else { break }
            chain.append(issuer)
            current = issuer
        }
        ERR_clear_error()
        return chain
    }
}
