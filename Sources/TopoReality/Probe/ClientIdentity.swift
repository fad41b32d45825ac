internal import COpenSSL

/// A certificate chain and its private key, for presenting a client
/// certificate in `TLSClient.probe`. Made once, used by every probe: the
/// key is an OpenSSL object that each SSL connection takes a reference to.
public struct ClientIdentity: Sendable {
    /// DER, the entry's own certificate first, as the keystore holds it.
    public private(set) var chain: [[UInt8]]
    let key: PrivateKey

    /// An EVP_PKEY, freed with its last user. OpenSSL keeps a key's own
    /// reference count and only reads it while signing, so threads share it.
    final class PrivateKey: @unchecked Sendable {
        let pointer: OpaquePointer

        init(_ pointer: OpaquePointer) {
            self.pointer = pointer
        }

        deinit {
            EVP_PKEY_free(pointer)
        }
    }

    /// From a PKCS12 or JKS keystore file's bytes, the private-key entry
    /// under `alias` (compared case-insensitively; nil: the only
    /// private-key entry). Password as UTF-8 bytes, for the store and the
    /// key alike, as Maestro's ssl.ini has it; never kept in a String;
    /// never in an error text. The keystore opens through `Keystore.open`,
    /// so a wrong password and a damaged file fail as they do for verify.
    public static func load(bytes: [UInt8], password: [UInt8], alias: String?) throws(Keystore.Failure) -> ClientIdentity {
        let store = try Keystore.open(bytes: bytes, password: password)
        let entry = try chosenEntry(store, alias: alias)
        let keys: [PrivateKey]
        switch store.format {
        case .jks: keys = jksKeys(bytes: bytes, password: password, alias: entry.alias)
        default: keys = try pkcs12Keys(bytes: bytes, password: password)
        }
        // The key that belongs to the entry's certificate, whatever the
        // store says about which bag goes with which.
        guard let leaf = x509(entry.chain[0]) else {
            throw .damaged(OpenSSLError.take().reason("the certificate of entry '\(entry.alias)' cannot be read"))
        }
        defer { X509_free(leaf) }
        let key = keys.first { X509_check_private_key(leaf, $0.pointer) == 1 }
        ERR_clear_error()
        guard let key else {
            throw .unusable("no private key in it matches the certificate of entry '\(entry.alias)'")
        }
        return ClientIdentity(chain: entry.chain, key: key)
    }

    /// The entry to present: the one named, else the only private key.
    private static func chosenEntry(_ store: Keystore, alias: String?) throws(Keystore.Failure) -> Keystore.Entry {
        let keyEntries = store.entries.filter(\.isPrivateKey)
        let entry: Keystore.Entry
        if let alias {
            guard let found = store.entry(alias: alias), found.isPrivateKey else {
                let names = keyEntries.map { "'\($0.alias)'" }.joined(separator: ", ")
                throw .unusable("it has no private-key entry '\(alias)'" + (names.isEmpty ? "" : " (it has \(names))"))
            }
            entry = found
        } else {
            guard keyEntries.count == 1 else {
                if keyEntries.isEmpty { throw .unusable("it holds no private-key entry to present as client certificate") }
                let names = keyEntries.map { "'\($0.alias)'" }.joined(separator: ", ")
                throw .unusable("it holds \(keyEntries.count) private-key entries (\(names)): name the one to present")
            }
            entry = keyEntries[0]
        }
        guard !entry.chain.isEmpty else { throw .unusable("the private-key entry '\(entry.alias)' has no certificate") }
        if entry.keyOpensWithStorePassword == false {
            throw .unusable("the private key of entry '\(entry.alias)' does not open with the keystore password")
        }
        return entry
    }

    /// The JKS entry's key, recovered with Sun's key protector. The store
    /// has opened with this password already.
    private static func jksKeys(bytes: [UInt8], password: [UInt8], alias: String) -> [PrivateKey] {
        var units = Keystore.javaPassword(password)
        defer { Scrub.wipe(&units) }
        guard let store = try? JavaKeyStore(bytes: bytes, password: units),
            let entry = store.entries.first(where: { $0.kind == .privateKey && $0.alias == alias }),
            var der = JavaKeyStore.recoveredKey(entry, password: units)
        else { return [] }
        defer { Scrub.wipe(&der) }
        let key: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return d2i_AutoPrivateKey(nil, &cursor, buffer.count)
        }
        ERR_clear_error()
        return key.map { [PrivateKey($0)] } ?? []
    }

    static func x509(_ der: [UInt8]) -> OpaquePointer? {
        der.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return d2i_X509(nil, &cursor, buffer.count)
        }
    }

    /// Puts the chain and the key on `ssl`, for OpenSSL to send when the
    /// server asks; nil, or why it could not.
    func install(on ssl: OpaquePointer) -> String? {
        for (index, der) in chain.enumerated() {
            guard let certificate = Self.x509(der) else {
                return OpenSSLError.take().reason("certificate \(index + 1) of the client chain cannot be read")
            }
            defer { X509_free(certificate) }
            // SSL_add1_chain_cert is a macro; both calls take their own reference.
            let added = index == 0
                ? Int(SSL_use_certificate(ssl, certificate))
                : SSL_ctrl(ssl, SSL_CTRL_CHAIN_CERT, 1, UnsafeMutableRawPointer(certificate))
            guard added == 1 else {
                return OpenSSLError.take().reason("certificate \(index + 1) of the client chain cannot be used")
            }
        }
        guard SSL_use_PrivateKey(ssl, key.pointer) == 1 else {
            return OpenSSLError.take().reason("the client's private key cannot be used")
        }
        return nil
    }
}
