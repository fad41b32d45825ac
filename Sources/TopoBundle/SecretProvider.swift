import TopoModel

/// Where `BundleBuilder` gets the keystore passwords it writes into
/// `ssl.ini`. Building a bundle does no I/O: TopoSystem's `SecretResolver`
/// reads the environment and password files; tests hand passwords in.
public protocol SecretProvider: Sendable {
    /// The password `source` names, for `host`'s ssl.ini; a source that
    /// cannot be had is a `ToolError` (or a placeholder, if so asked).
    func resolve(_ source: SecretSource, host: String) throws(ToolError) -> ResolvedSecret
}

/// A keystore password, ready to be written into one ssl.ini.
public struct ResolvedSecret: Sendable {
    /// What a bundle holds instead of a password that could not be had.
    public static let placeholder = "REPLACE-WITH-THE-KEYSTORE-PASSWORD"

    /// The password's UTF-8 bytes; wiped once ssl.ini is made.
    public var bytes: SecretBytes
    public var isPlaceholder: Bool
    /// Something the user should hear about (a password file others can read).
    public var warning: String?

    public init(bytes: SecretBytes, isPlaceholder: Bool, warning: String? = nil) {
        self.bytes = bytes
        self.isPlaceholder = isPlaceholder
        self.warning = warning
    }

    /// The password as a `String`: a copy that cannot be wiped, for tests.
    public var value: String { bytes.string }
}
