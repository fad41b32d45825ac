/// The text of `keytool -list -rfc` in English, turned into entries:
///
///     Keystore type: JCEKS
///     Alias name: hub.example.com
///     Entry type: PrivateKeyEntry
///     Certificate[1]:
///     -----BEGIN CERTIFICATE----- …
///
/// Secret-key entries (JCEKS can hold them) carry no certificate and are
/// no TLS identity, so they are left out.
struct KeytoolListing {
    var type = ""
    var entries: [Keystore.Entry] = []

    init(output: [UInt8]) {
        var alias: String?
        var kind = ""
        var pem = ""
        func finish() {
            guard let name = alias, kind == "PrivateKeyEntry" || kind == "trustedCertEntry" else { return }
            entries.append(Keystore.Entry(
                alias: name, isPrivateKey: kind == "PrivateKeyEntry", chain: PEM.derCertificates(pem: pem),
                keyOpensWithStorePassword: nil))
        }
        for line in String(decoding: output, as: UTF8.self).split(whereSeparator: \.isNewline) {
            if let value = Self.value(line, "Keystore type: ") {
                type = value
            } else if let value = Self.value(line, "Alias name: ") {
                finish()
                (alias, kind, pem) = (value, "", "")
            } else if let value = Self.value(line, "Entry type: ") {
                kind = value
            } else if alias != nil {
                pem += line + "\n"
            }
        }
        finish()
    }

    private static func value(_ line: Substring, _ label: String) -> String? {
        line.hasPrefix(label) ? String(line.dropFirst(label.count)) : nil
    }
}
