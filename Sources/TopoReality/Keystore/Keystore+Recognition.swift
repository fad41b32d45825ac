internal import COpenSSL

/// What a file that is neither JKS nor PKCS12 looks like, so the message
/// can say "a PEM certificate" instead of "unknown format": the usual
/// mistake is pointing ssl.ini at the certificate or key files a keystore
/// is made from.
enum Recognition {
    static func failure(_ bytes: [UInt8]) -> Keystore.Failure {
        if bytes.isEmpty { return .unsupported("the file is empty") }
        if bytes.starts(with: Array("-----BEGIN ".utf8)) {
            return .unsupported("it is a PEM file (\(pemLabel(bytes))); keytool -importcert or openssl pkcs12 -export makes a keystore of it")
        }
        if bytes.starts(with: [0xCE, 0xCE, 0xCE, 0xCE]) {
            return .unsupported("it is a JCEKS keystore; keytool -importkeystore -deststoretype PKCS12 converts it")
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .unsupported("it is a ZIP archive (a .zip or .jar file)") }
        if bytes.first == 0x30 { return der(bytes) }
        if bytes.prefix(512).allSatisfy({ (0x20...0x7E).contains($0) || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return .unsupported("it is a text file")
        }
        let start = bytes.prefix(4).map { byte in (byte < 0x10 ? "0" : "") + String(byte, radix: 16) }
        return .unsupported("unrecognised binary data (it starts with \(start.joined(separator: " ")))")
    }

    /// A DER SEQUENCE that OpenSSL did not take as PKCS12: cut short, a
    /// lone certificate, PKCS12 that does not parse, or something else.
    private static func der(_ bytes: [UInt8]) -> Keystore.Failure {
        var offset = 0
        guard let length = declaredLength(bytes) else {
            return .unsupported("it starts like DER data, but its length field makes no sense")
        }
        if length > bytes.count {
            return .damaged("it is cut short: its DER header announces \(length) bytes, the file has \(bytes.count)")
        }
        let isCertificate = bytes.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            let certificate = d2i_X509(nil, &cursor, buffer.count)
            X509_free(certificate)
            ERR_clear_error()
            return certificate != nil
        }
        if isCertificate { return .unsupported("it is a single X.509 certificate in DER form, not a keystore") }
        // PFX ::= SEQUENCE { version INTEGER (v3), ... }
        if let outer = DERReader.element(bytes, &offset, tag: 0x30) {
            var inner = outer.lowerBound
            if let version = DERReader.element(bytes, &inner, tag: 0x02), bytes[version] == [3] {
                return .damaged("it starts like a PKCS12 keystore (version 3), but OpenSSL cannot read its structure")
            }
        }
        return .unsupported("it is DER data, but not a PKCS12 keystore")
    }

    /// The whole length the outer DER element claims, header included.
    static func declaredLength(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        let first = Int(bytes[1])
        if first & 0x80 == 0 { return 2 + first }
        let count = first & 0x7F
        guard (1...4).contains(count), bytes.count >= 2 + count else { return nil }
        return 2 + count + bytes[2..<(2 + count)].reduce(0) { $0 << 8 | Int($1) }
    }

    /// "CERTIFICATE" from "-----BEGIN CERTIFICATE-----", kept to printable
    /// ASCII and a sensible length, since it is the file's text.
    private static func pemLabel(_ bytes: [UInt8]) -> String {
        let label = bytes.dropFirst(11).prefix { $0 != UInt8(ascii: "-") && (0x20...0x7E).contains($0) }.prefix(40)
        return label.isEmpty ? "PEM" : String(decoding: label, as: UTF8.self)
    }
}
