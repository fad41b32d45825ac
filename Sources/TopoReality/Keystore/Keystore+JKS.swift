extension Keystore {
    /// A JKS file's entries, through `JavaKeyStore`, which takes the
    /// password as Java holds it: UTF-16 code units.
    static func jksEntries(bytes: [UInt8], password: [UInt8]) throws(Failure) -> [Entry] {
        var units = javaPassword(password)
        defer { Scrub.wipe(&units) }
        let store: JavaKeyStore
        do throws(JavaKeyStore.Failure) {
            store = try JavaKeyStore(bytes: bytes, password: units)
        } catch {
            switch error {
            case .wrongPassword: throw .wrongPassword
            case .truncated: throw .damaged("it ends in the middle of its entries: the file is cut short")
            case .notJKS: throw .damaged("it starts like a JKS keystore (FEEDFEED), but what follows is not JKS")
            }
        }
        return store.entries.map { entry in
            switch entry.kind {
            case .privateKey:
                Entry(
                    alias: entry.alias, isPrivateKey: true, chain: entry.certificates,
                    keyOpensWithStorePassword: JavaKeyStore.keyPasswordMatches(entry, password: units))
            case .trustedCertificate:
                Entry(alias: entry.alias, isPrivateKey: false, chain: entry.certificates, keyOpensWithStorePassword: nil)
            }
        }
    }

    /// UTF-8 bytes as Java's `char[]`: UTF-16 code units, without a
    /// `String` in between (a String cannot be wiped). The capacity is
    /// reserved up front, so no reallocation leaves a copy behind; a
    /// malformed byte becomes U+FFFD, as Java's decoder makes it.
    static func javaPassword(_ utf8: [UInt8]) -> [UInt16] {
        var units: [UInt16] = []
        units.reserveCapacity(utf8.count)
        _ = transcode(utf8.makeIterator(), from: UTF8.self, to: UTF16.self, stoppingOnError: false) { units.append($0) }
        return units
    }
}
