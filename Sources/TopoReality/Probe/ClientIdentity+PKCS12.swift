internal import COpenSSL

extension ClientIdentity {
    /// Every private key of a PKCS#12 store, decrypted. `PKCS12_parse`
    /// returns only the first, so the bags are walked here; the caller
    /// picks the key that matches the entry's certificate. The store has
    /// opened with this password already (`Keystore.open`), which also
    /// loaded OpenSSL's legacy provider for RC2-era stores.
    static func pkcs12Keys(bytes: [UInt8], password: [UInt8]) throws(Keystore.Failure) -> [PrivateKey] {
        defer { ERR_clear_error() }
        let parsed: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return d2i_PKCS12(nil, &cursor, buffer.count)
        }
        guard let p12 = parsed else { throw .damaged(OpenSSLError.take().reason("it cannot be read as PKCS12")) }
        defer { PKCS12_free(p12) }
        guard let safes = PKCS12_unpack_authsafes(p12) else {
            throw .damaged(OpenSSLError.take().reason("its contents cannot be read"))
        }
        defer { OPENSSL_sk_pop_free(safes) { PKCS7_free($0?.assumingMemoryBound(to: PKCS7.self)) } }
        // A NUL-terminated copy of the password, zeroed afterwards.
        var secret = [CChar](repeating: 0, count: password.count + 1)
        defer { Scrub.wipe(&secret) }
        for (index, byte) in password.enumerated() { secret[index] = CChar(bitPattern: byte) }
        return secret.withUnsafeBufferPointer { buffer in
            let pass = buffer.baseAddress!, length = Int32(password.count)
            var keys: [PrivateKey] = []
            for index in 0..<OPENSSL_sk_num(safes) {
                guard let p7 = OPENSSL_sk_value(safes, index)?.assumingMemoryBound(to: PKCS7.self) else { continue }
                let bags: OpaquePointer?
                switch OBJ_obj2nid(p7.pointee.type) {
                case NID_pkcs7_data: bags = PKCS12_unpack_p7data(p7)
                case NID_pkcs7_encrypted: bags = decrypting(pass, length) { PKCS12_unpack_p7encdata(p7, $0, $1) }
                default: bags = nil
                }
                guard let bags else { continue }
                defer { OPENSSL_sk_pop_free(bags) { PKCS12_SAFEBAG_free(OpaquePointer($0)) } }
                for bagIndex in 0..<OPENSSL_sk_num(bags) {
                    guard let bag = OpaquePointer(OPENSSL_sk_value(bags, bagIndex)), let key = key(bag, pass, length) else { continue }
                    keys.append(key)
                }
            }
            return keys
        }
    }

    private static func key(_ bag: OpaquePointer, _ pass: UnsafePointer<CChar>, _ length: Int32) -> PrivateKey? {
        switch PKCS12_SAFEBAG_get_nid(bag) {
        case NID_keyBag:
            return PKCS12_SAFEBAG_get0_p8inf(bag).flatMap { EVP_PKCS82PKEY($0) }.map(PrivateKey.init)
        case NID_pkcs8ShroudedKeyBag:
            guard let info = decrypting(pass, length, { PKCS12_decrypt_skey(bag, $0, $1) }) else { return nil }
            defer { PKCS8_PRIV_KEY_INFO_free(info) }
            return EVP_PKCS82PKEY(info).map(PrivateKey.init)
        default:
            return nil
        }
    }

    /// An empty password is tried as "" and as none, as OpenSSL's own
    /// `PKCS12_parse` does (stores written with `-passout pass:`).
    private static func decrypting<T>(
        _ pass: UnsafePointer<CChar>, _ length: Int32, _ body: (UnsafePointer<CChar>?, Int32) -> T?
    ) -> T? {
        if let value = body(pass, length) { return value }
        return length == 0 ? body(nil, 0) : nil
    }
}
