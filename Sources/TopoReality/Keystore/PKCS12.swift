internal import COpenSSL

/// A PKCS#12 keystore (keytool's default since Java 9) read through the
/// system's OpenSSL, and turned into the entries Java would list.
///
/// The file is a MAC over "authenticated safes", each a list of bags:
/// shrouded (encrypted PKCS#8) or plain key bags, and certificate bags.
/// Nothing in the format says which certificates form a key's chain or
/// which are trusted certificates, so this follows Java's
/// `PKCS12KeyStore`: a key and its own certificate share a `localKeyID`
/// attribute (or, failing that, a friendly name); the rest of the chain is
/// found issuer by issuer among all certificates of the store; and a
/// certificate is a trusted-certificate entry only when it carries
/// Oracle's trusted-key-usage attribute, as keytool writes it. A
/// certificate without that attribute and without a key (what `openssl
/// pkcs12 -export -nokeys` writes) is no entry for Java, and so none here.
enum PKCS12 {
    /// Oracle's attribute on a trusted certificate (keytool `-importcert`
    /// into a PKCS12 store, the JDK's cacerts). OpenSSL 3.0 has no NID for it.
    static let trustedKeyUsage = "2.16.840.1.113894.746875.1.1"

    /// The entries of the store in `bytes`, or nil when OpenSSL does not
    /// read the bytes as PKCS#12 at all (the caller then says what they
    /// look like). Without a password, the MAC goes unchecked and only
    /// the unencrypted parts are read (`Keystore.certificatesOnly`).
    static func entries(bytes: [UInt8], password: [UInt8]?) throws(Keystore.Failure) -> [Keystore.Entry]? {
        ERR_clear_error()
        defer { ERR_clear_error() }
        _ = legacyAlgorithms
        let parsed: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return d2i_PKCS12(nil, &cursor, buffer.count)
        }
        guard let p12 = parsed else { return nil }
        defer { PKCS12_free(p12) }
        guard let password else { return try read(p12, pass: nil, length: 0, decrypting: false) }
        return try withCString(password) { (pass, length) throws(Keystore.Failure) in
            let secret = try openingSecret(p12, pass: pass, length: length)
            return try read(p12, pass: secret.pass, length: secret.length, decrypting: true)
        }
    }

    /// The password as OpenSSL takes it for the MAC and the decryption.
    /// An empty password is tried as "" and as no password at all, as
    /// OpenSSL's own `PKCS12_parse` does: stores written without one
    /// (OpenSSL's `-passout pass:`) have a MAC keyed with nothing. A store
    /// without a MAC (the JDK's password-less cacerts) opens with any
    /// password, as it does for keytool.
    private static func openingSecret(
        _ p12: OpaquePointer, pass: UnsafePointer<CChar>, length: Int32
    ) throws(Keystore.Failure) -> (pass: UnsafePointer<CChar>?, length: Int32) {
        guard PKCS12_mac_present(p12) == 1 else { return (pass, length) }
        if PKCS12_verify_mac(p12, pass, length) == 1 { return (pass, length) }
        if length == 0 {
            ERR_clear_error()
            if PKCS12_verify_mac(p12, nil, 0) == 1 { return (nil, 0) }
        }
        // A mismatch leaves nothing on OpenSSL's error queue; an error
        // there means the MAC could not even be computed.
        let error = OpenSSLError.take()
        if !error.codes.isEmpty { throw .damaged(error.reason("its integrity check (MAC) cannot be computed")) }
        throw .wrongPassword
    }

    /// What the bags say, turned into Java's entries. Without
    /// `decrypting`, encrypted parts are passed over and keys go unchecked.
    private static func read(
        _ p12: OpaquePointer, pass: UnsafePointer<CChar>?, length: Int32, decrypting: Bool
    ) throws(Keystore.Failure) -> [Keystore.Entry] {
        var keys: [Key] = []
        var certificates: [Certificate] = []
        defer { for certificate in certificates { X509_free(certificate.x509) } }
        guard let safes = PKCS12_unpack_authsafes(p12) else {
            throw .damaged(OpenSSLError.take().reason("its contents cannot be read"))
        }
        defer { OPENSSL_sk_pop_free(safes) { PKCS7_free($0?.assumingMemoryBound(to: PKCS7.self)) } }
        for index in 0..<OPENSSL_sk_num(safes) {
            guard let p7 = OPENSSL_sk_value(safes, index)?.assumingMemoryBound(to: PKCS7.self) else { continue }
            let bags: OpaquePointer?
            switch OBJ_obj2nid(p7.pointee.type) {
            case NID_pkcs7_data:
                bags = PKCS12_unpack_p7data(p7)
            case NID_pkcs7_encrypted:
                guard decrypting else { continue }
                bags = PKCS12_unpack_p7encdata(p7, pass, length)
            default:
                // Public-key privacy mode (enveloped data): Java cannot
                // read it either.
                throw .damaged("part of it is encrypted for a recipient's public key, which Java keystores never are")
            }
            guard let bags else {
                let error = OpenSSLError.take()
                // Without a MAC, the password is first checked here.
                if PKCS12_mac_present(p12) == 0, error.isBadDecrypt { throw .wrongPassword }
                throw .damaged(error.reason("part of its contents cannot be decrypted"))
            }
            defer { OPENSSL_sk_pop_free(bags) { PKCS12_SAFEBAG_free(OpaquePointer($0)) } }
            for bagIndex in 0..<OPENSSL_sk_num(bags) {
                guard let bag = OpaquePointer(OPENSSL_sk_value(bags, bagIndex)) else { continue }
                collect(bag, pass: pass, length: length, decrypting: decrypting, keys: &keys, certificates: &certificates)
            }
        }
        return assemble(keys: keys, certificates: certificates)
    }

    /// A key bag as far as the entry needs it.
    struct Key {
        var friendlyName: String?
        var localKeyID: [UInt8]?
        /// nil when no password was given to try.
        var opensWithStorePassword: Bool?
    }

    /// A certificate bag; `x509` is owned (freed by `read`).
    struct Certificate {
        var x509: OpaquePointer
        var der: [UInt8]
        var friendlyName: String?
        var localKeyID: [UInt8]?
        var trusted: Bool
    }

    private static func collect(
        _ bag: OpaquePointer, pass: UnsafePointer<CChar>?, length: Int32, decrypting: Bool, keys: inout [Key],
        certificates: inout [Certificate]
    ) {
        switch PKCS12_SAFEBAG_get_nid(bag) {
        case NID_keyBag:
            keys.append(Key(friendlyName: friendlyName(bag), localKeyID: localKeyID(bag), opensWithStorePassword: true))
        case NID_pkcs8ShroudedKeyBag:
            // The key itself is not kept: decrypting it tells whether the
            // store password opens it, which is all `verify` asks.
            var opens: Bool?
            if decrypting {
                let key = PKCS12_decrypt_skey(bag, pass, length)
                PKCS8_PRIV_KEY_INFO_free(key)
                ERR_clear_error()
                opens = key != nil
            }
            keys.append(Key(friendlyName: friendlyName(bag), localKeyID: localKeyID(bag), opensWithStorePassword: opens))
        case NID_certBag where PKCS12_SAFEBAG_get_bag_nid(bag) == NID_x509Certificate:
            guard let x509 = PKCS12_SAFEBAG_get1_cert(bag) else { ERR_clear_error(); return }
            guard let der = derBytes(x509) else { X509_free(x509); return }
            certificates.append(Certificate(
                x509: x509, der: der, friendlyName: friendlyName(bag), localKeyID: localKeyID(bag),
                trusted: hasAttribute(bag, trustedKeyUsage)))
        default:
            // Secret-key bags (Java's SecretKeyEntry), CRLs, nested safes:
            // nothing Maestro's TLS uses.
            break
        }
    }

    private static func friendlyName(_ bag: OpaquePointer) -> String? {
        guard let name = PKCS12_get_friendlyname(bag) else { return nil }
        defer { CRYPTO_free(name, nil, 0) }
        return String(cString: name)
    }

    private static func localKeyID(_ bag: OpaquePointer) -> [UInt8]? {
        guard let attribute = PKCS12_SAFEBAG_get0_attr(bag, NID_localKeyID),
            attribute.pointee.type == V_ASN1_OCTET_STRING, let octets = attribute.pointee.value.octet_string,
            let data = ASN1_STRING_get0_data(octets)
        else { return nil }
        return Array(UnsafeBufferPointer(start: data, count: Int(ASN1_STRING_length(octets))))
    }

    private static func hasAttribute(_ bag: OpaquePointer, _ oid: String) -> Bool {
        guard let attributes = PKCS12_SAFEBAG_get0_attrs(bag) else { return false }
        for index in 0..<OPENSSL_sk_num(attributes) {
            guard let attribute = OpaquePointer(OPENSSL_sk_value(attributes, index)),
                let object = X509_ATTRIBUTE_get0_object(attribute)
            else { continue }
            var text = [CChar](repeating: 0, count: 80)
            let written = OBJ_obj2txt(&text, Int32(text.count), object, 1)
            guard written > 0, written < text.count else { continue }
            if String(decoding: text[..<Int(written)].map { UInt8(bitPattern: $0) }, as: UTF8.self) == oid { return true }
        }
        return false
    }

    /// A certificate's DER encoding.
    static func derBytes(_ x509: OpaquePointer) -> [UInt8]? {
        let count = i2d_X509(x509, nil)
        guard count > 0 else { ERR_clear_error(); return nil }
        var der = [UInt8](repeating: 0, count: Int(count))
        let written = der.withUnsafeMutableBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return i2d_X509(x509, &cursor)
        }
        return written == count ? der : nil
    }

    /// Stores from Java 8 before update 301 (and `openssl pkcs12 -legacy`)
    /// encrypt their certificates with RC2-40, which OpenSSL 3 keeps in its
    /// legacy provider. Loaded once, with the default provider kept, so
    /// such stores open; where the provider is missing they fail with
    /// OpenSSL's "unsupported" reason.
    private static let legacyAlgorithms: Bool = {
        let loaded = OSSL_PROVIDER_try_load(nil, "legacy", 1) != nil
        ERR_clear_error()
        return loaded
    }()

    /// Runs `body` with a NUL-terminated copy of `password` that is zeroed
    /// afterwards (OpenSSL takes a C string and a length).
    private static func withCString<R>(
        _ password: [UInt8], _ body: (UnsafePointer<CChar>, Int32) throws(Keystore.Failure) -> R
    ) throws(Keystore.Failure) -> R {
        var copy = [CChar](repeating: 0, count: password.count + 1)
        defer { Scrub.wipe(&copy) }
        for (index, byte) in password.enumerated() { copy[index] = CChar(bitPattern: byte) }
        return try copy.withUnsafeBufferPointer { buffer throws(Keystore.Failure) in
            try body(buffer.baseAddress!, Int32(password.count))
        }
    }
}
