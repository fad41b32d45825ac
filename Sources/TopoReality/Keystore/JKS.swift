internal import COpenSSL

/// A Java KeyStore (JKS, the format keytool wrote by default before Java 9)
/// read in-process. The format is plain: a magic number, a version, then
/// entries — a private key (encrypted with Sun's key protector) with its
/// certificate chain as DER, or a trusted certificate as DER — and at the
/// end a SHA-1 over the password (UTF-16BE), the words "Mighty Aphrodite"
/// and everything before it, which is how the store password is checked.
public struct JavaKeyStore: Sendable {
    public struct Entry: Sendable {
        public enum Kind: Sendable, Equatable { case privateKey, trustedCertificate }
        public var alias: String
        public var kind: Kind
        /// DER: the chain of a private-key entry (its own certificate
        /// first), or the one trusted certificate.
        public var certificates: [[UInt8]]
        /// The key as stored (Sun's protector), for `keyPasswordMatches`.
        var protectedKey: [UInt8]
    }

    public enum Failure: Error, Equatable {
        /// Not a JKS file at all (another format, or damaged).
        case notJKS
        /// The bytes end before the format says they should.
        case truncated
        /// The integrity hash does not match: the password is wrong (or the file damaged).
        case wrongPassword
    }

    public var entries: [Entry]

    /// Whether `bytes` start like a JKS file.
    public static func isJKS(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes[0] == 0xFE && bytes[1] == 0xED && bytes[2] == 0xFE && bytes[3] == 0xED
    }

    public init(bytes: [UInt8], password: [UInt16]) throws(Failure) {
        try self.init(bytes: bytes, checkingWith: password)
    }

    /// The entries without the integrity check, for a store whose password
    /// is unknown: JKS keeps certificates in the clear, and the password
    /// only proves that nobody changed them.
    public init(uncheckedBytes bytes: [UInt8]) throws(Failure) {
        try self.init(bytes: bytes, checkingWith: nil)
    }

    private init(bytes: [UInt8], checkingWith password: [UInt16]?) throws(Failure) {
        guard Self.isJKS(bytes) else { throw .notJKS }
        guard bytes.count >= 12 + 20 else { throw .truncated }
        var reader = Reader(bytes: bytes, offset: 4)
        let version = try reader.int()
        guard version == 1 || version == 2 else { throw .notJKS }
        let count = try reader.int()
        var entries: [Entry] = []
        for _ in 0..<max(0, count) {
            let tag = try reader.int()
            let alias = try reader.utf()
            _ = try reader.bytes(8)  // creation date
            switch tag {
            case 1:
                let key = try reader.bytes(try reader.int())
                let chainLength = try reader.int()
                var chain: [[UInt8]] = []
                for _ in 0..<max(0, chainLength) {
                    if version == 2 { _ = try reader.utf() }  // "X.509"
                    chain.append(try reader.bytes(try reader.int()))
                }
                entries.append(Entry(alias: alias, kind: .privateKey, certificates: chain, protectedKey: key))
            case 2:
                if version == 2 { _ = try reader.utf() }
                let certificate = try reader.bytes(try reader.int())
                entries.append(Entry(alias: alias, kind: .trustedCertificate, certificates: [certificate], protectedKey: []))
            default:
                throw .notJKS
            }
        }
        let body = bytes[0..<reader.offset]
        let stored = try reader.bytes(20)
        guard let password else {
            self.entries = entries
            return
        }
        var secret = Self.passwordBytes(password)
        defer { Scrub.wipe(&secret) }
        guard SHA1.digest(secret[...], Array("Mighty Aphrodite".utf8)[...], body) == stored else { throw .wrongPassword }
        self.entries = entries
    }

    /// Whether `password` unlocks the private key of `entry` (Sun's key
    /// protector: a SHA-1 keystream over the salt, and a SHA-1 check of
    /// the recovered key). Maestro's ssl.ini has one password, for the
    /// store and the key alike.
    public static func keyPasswordMatches(_ entry: Entry, password: [UInt16]) -> Bool {
        guard var key = recoveredKey(entry, password: password) else { return false }
        Scrub.wipe(&key)
        return true
    }

    /// The private key of `entry` as PKCS#8 DER (what Sun's key protector
    /// encrypts), or nil when `password` does not open it: for presenting
    /// a client certificate (`ClientIdentity`). The caller zeroes the
    /// bytes as soon as OpenSSL has read them.
    static func recoveredKey(_ entry: Entry, password: [UInt16]) -> [UInt8]? {
        // The password, the keystream and a key that fails its check are
        // zeroed after use; the hash takes its parts one after the other,
        // so no joined copy of them is made.
        guard let encrypted = DERReader.encryptedData(entry.protectedKey), encrypted.count > 40 else { return nil }
        let salt = Array(encrypted[0..<20])
        let body = Array(encrypted[20..<(encrypted.count - 20)])
        let check = Array(encrypted[(encrypted.count - 20)...])
        var secret = passwordBytes(password)
        var plain = [UInt8](repeating: 0, count: body.count)
        var digest = salt
        defer { Scrub.wipe(&secret); Scrub.wipe(&digest) }
        var offset = 0
        while offset < body.count {
            let next = SHA1.digest(secret[...], digest[...])
            Scrub.wipe(&digest)
            digest = next
            for i in 0..<min(20, body.count - offset) { plain[offset + i] = body[offset + i] ^ digest[i] }
            offset += 20
        }
        guard SHA1.digest(secret[...], plain[...]) == check else {
            Scrub.wipe(&plain)
            return nil
        }
        return plain
    }

    /// A Java password's bytes: each UTF-16 unit, high byte first. The
    /// caller zeroes them.
    static func passwordBytes(_ password: [UInt16]) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: password.count * 2)
        for (index, unit) in password.enumerated() {
            bytes[2 * index] = UInt8(unit >> 8)
            bytes[2 * index + 1] = UInt8(unit & 0xFF)
        }
        return bytes
    }

    struct Reader {
        let bytes: [UInt8]
        var offset: Int

        mutating func bytes(_ count: Int) throws(Failure) -> [UInt8] {
            guard count >= 0, offset + count <= bytes.count else { throw .truncated }
            defer { offset += count }
            return Array(bytes[offset..<(offset + count)])
        }

        mutating func int() throws(Failure) -> Int {
            let b = try bytes(4)
            return Int(Int32(bitPattern: UInt32(b[0]) << 24 | UInt32(b[1]) << 16 | UInt32(b[2]) << 8 | UInt32(b[3])))
        }

        /// Java's `writeUTF`: a two-byte length, then modified UTF-8.
        mutating func utf() throws(Failure) -> String {
            let length = try bytes(2)
            let text = try bytes(Int(length[0]) << 8 | Int(length[1]))
            return String(decoding: text, as: UTF8.self)
        }
    }
}

enum SHA1 {
    /// SHA-1 over `parts`, one after the other, as if joined.
    static func digest(_ parts: ArraySlice<UInt8>...) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 20)
        guard let context = EVP_MD_CTX_new() else { return out }
        defer { EVP_MD_CTX_free(context) }
        _ = EVP_DigestInit_ex(context, EVP_sha1(), nil)
        for part in parts { part.withUnsafeBytes { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) } }
        _ = EVP_DigestFinal_ex(context, &out, nil)
        return out
    }
}

/// Just enough DER for Sun's EncryptedPrivateKeyInfo: SEQUENCE {
/// AlgorithmIdentifier, OCTET STRING }; the octet string's contents.
enum DERReader {
    static func encryptedData(_ der: [UInt8]) -> [UInt8]? {
        var offset = 0
        guard let outer = element(der, &offset, tag: 0x30) else { return nil }
        var inner = outer.lowerBound
        guard element(der, &inner, tag: 0x30) != nil, let data = element(der, &inner, tag: 0x04) else { return nil }
        return Array(der[data])
    }

    /// The contents of the element at `offset` if it has `tag`; moves past it.
    static func element(_ der: [UInt8], _ offset: inout Int, tag: UInt8) -> Range<Int>? {
        guard offset + 2 <= der.count, der[offset] == tag else { return nil }
        var length = Int(der[offset + 1])
        var start = offset + 2
        if length & 0x80 != 0 {
            let count = length & 0x7F
            guard count <= 4, start + count <= der.count else { return nil }
            length = der[start..<(start + count)].reduce(0) { $0 << 8 | Int($1) }
            start += count
        }
        guard start + length <= der.count else { return nil }
        offset = start + length
        return start..<(start + length)
    }
}
