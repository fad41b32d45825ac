extension Keystore {
    /// The entries whose certificates can be read without the password,
    /// for a trusted-root store whose password is not known: JKS keeps
    /// certificates in the clear (its password only proves nobody changed
    /// them), and a PKCS12 store may keep them in an unencrypted part (the
    /// JDK's password-less cacerts does). Nothing is checked for
    /// tampering, and no key is tried (`keyOpensWithStorePassword` is nil
    /// throughout). nil when the bytes are no keystore or hold no
    /// certificate readable this way.
    public static func certificatesOnly(bytes: [UInt8]) -> Keystore? {
        let store: Keystore
        if JavaKeyStore.isJKS(bytes) {
            guard let jks = try? JavaKeyStore(uncheckedBytes: bytes) else { return nil }
            store = Keystore(format: .jks, entries: jks.entries.map { entry in
                Entry(alias: entry.alias, isPrivateKey: entry.kind == .privateKey, chain: entry.certificates,
                      keyOpensWithStorePassword: nil)
            })
        } else if bytes.first == 0x30, let entries = try? PKCS12.entries(bytes: bytes, password: nil) {
            store = Keystore(format: .pkcs12, entries: entries)
        } else {
            return nil
        }
        return store.entries.contains { !$0.chain.isEmpty } ? store : nil
    }
}
