import TopoSource

/// A keystore as `verify` sees it, whatever its format: the entries Java
/// would list, each with its alias, its kind, its certificates, and — for a
/// private key — whether the store password also opens the key. Maestro's
/// ssl.ini holds a single password for both, so a key protected by another
/// password is a keystore Maestro cannot use, however well it opens in
/// keytool.
///
/// Pure: bytes in, entries out. Reading the file and finding the password
/// is the caller's business.
public struct Keystore: Sendable {
    public enum Format: Sendable, Equatable {
        case jks
        case pkcs12
        /// Another type keytool reads (JCEKS, say), listed through it
        /// (`KeytoolKeystore`); the name is keytool's "Keystore type".
        case other(String)

        /// The type as keytool names it: "JKS", "PKCS12", "JCEKS".
        public var rawValue: String {
            switch self {
            case .jks: "JKS"
            case .pkcs12: "PKCS12"
            case let .other(name): name
            }
        }
    }

    public struct Entry: Sendable {
        /// As stored: JKS aliases as keytool wrote them (lower-cased),
        /// PKCS12 ones as the friendly name says.
        public var alias: String
        /// A private key with its chain, or else a trusted certificate.
        public var isPrivateKey: Bool
        /// DER, the entry's own certificate first, then its issuers as the
        /// store holds them (keytool's order).
        public var chain: [[UInt8]]
        /// For a private-key entry: whether the key opens with the store
        /// password (Maestro's ssl.ini holds only one password). nil for a
        /// trusted certificate.
        public var keyOpensWithStorePassword: Bool?

        public init(alias: String, isPrivateKey: Bool, chain: [[UInt8]], keyOpensWithStorePassword: Bool?) {
            self.alias = alias
            self.isPrivateKey = isPrivateKey
            self.chain = chain
            self.keyOpensWithStorePassword = keyOpensWithStorePassword
        }
    }

    /// Why a keystore did not open. The descriptions never hold the
    /// password, and say what to look at.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The integrity check fails with the password given.
        case wrongPassword
        /// Neither JKS nor PKCS12; says what the bytes look like instead.
        case unsupported(String)
        /// JKS or PKCS12, but not readable to the end; says where it breaks.
        case damaged(String)
        /// It opens, but holds nothing that can serve: no such entry, a
        /// key that does not open with the store password.
        case unusable(String)

        /// One line: a control character in a reason (keytool's words,
        /// a name from the file) is written out.
        public var description: String {
            switch self {
            case .wrongPassword:
                "the keystore password is wrong: the keystore's integrity check fails with it"
            case let .unsupported(what):
                "not a JKS or PKCS12 keystore: \(what.withVisibleControls)"
            case let .damaged(reason):
                "the keystore is damaged: \(reason.withVisibleControls)"
            case let .unusable(reason):
                "the keystore opens, but \(reason.withVisibleControls)"
            }
        }
    }

    public var format: Format
    public var entries: [Entry]

    public init(format: Format, entries: [Entry]) {
        self.format = format
        self.entries = entries
    }

    /// Opens a keystore file's bytes with a password (UTF-8 bytes, as
    /// ssl.ini and the topology give it). The format comes from the bytes,
    /// not from the file name: JKS starts with FEEDFEED; PKCS12 is a DER
    /// SEQUENCE that OpenSSL's `d2i_PKCS12` accepts. The temporary copies
    /// made of `password` are zeroed before this returns.
    public static func open(bytes: [UInt8], password: [UInt8]) throws(Failure) -> Keystore {
        if JavaKeyStore.isJKS(bytes) {
            return Keystore(format: .jks, entries: try jksEntries(bytes: bytes, password: password))
        }
        if bytes.first == 0x30, let entries = try PKCS12.entries(bytes: bytes, password: password) {
            return Keystore(format: .pkcs12, entries: entries)
        }
        throw Recognition.failure(bytes)
    }

    /// The entry named `alias`, compared case-insensitively: keytool
    /// lower-cases JKS aliases, and Java looks PKCS12 aliases up
    /// case-insensitively too, so ssl.ini may spell one in any case.
    public func entry(alias: String) -> Entry? {
        let wanted = alias.lowercased()
        return entries.first { $0.alias.lowercased() == wanted }
    }
}
