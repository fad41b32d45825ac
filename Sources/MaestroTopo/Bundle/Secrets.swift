#if canImport(Glibc)
import Glibc
#endif

/// Reads the keystore passwords a bundle needs. Only `bundle` does this;
/// everything else looks at the source and never at the value.
public struct SecretResolver: Sendable {
    /// Relative `{file: PATH}` sources are read relative to this folder
    /// (the topology file's), so a bundle does not depend on where it runs.
    public var baseDirectory: String
    public var placeholders: Bool

    public static let placeholder = "REPLACE-WITH-THE-KEYSTORE-PASSWORD"
    /// A password file larger than this is not a password file.
    static let maxFileSize = 64 << 10

    public init(baseDirectory: String, placeholders: Bool) {
        self.baseDirectory = baseDirectory
        self.placeholders = placeholders
    }

    public struct Resolved: Sendable {
        public var value: String
        public var isPlaceholder: Bool
        /// Something the user should hear about (a password file others can read).
        public var warning: String?
    }

    public func resolve(_ source: SecretSource, host: String) throws(ToolError) -> Resolved {
        do throws(ToolError) {
            switch source {
            case let .literal(value):
                return Resolved(value: value, isPlaceholder: false)
            case let .environment(name):
                guard let value = FileSystem.environment(name), !value.isEmpty else {
                    throw ToolError.missingSecret(
                        "the keystore password for '\(host)' comes from environment variable \(name), which is not set"
                            + (FileSystem.environment(name) == nil ? "" : " (it is empty)"))
                }
                return Resolved(value: value, isPlaceholder: false)
            case let .file(path):
                let full = path.hasPrefix("/") ? path : PathStyle.join(baseDirectory, path, os: .linux)
                let bytes: [UInt8]
                do {
                    bytes = try FileSystem.read(full, limit: Self.maxFileSize)
                } catch {
                    throw ToolError.missingSecret("the keystore password for '\(host)' comes from file \(full): \(error)")
                }
                guard bytes.count <= Self.maxFileSize else {
                    throw ToolError.missingSecret("password file \(full) is larger than \(Self.maxFileSize) bytes")
                }
                var value = String(decoding: bytes, as: UTF8.self)
                // One trailing line break belongs to the file, not the password.
                if value.hasSuffix("\r\n") { value.removeLast() } else if value.hasSuffix("\n") { value.removeLast() }
                guard !value.isEmpty else {
                    throw ToolError.missingSecret("password file \(full) for '\(host)' is empty")
                }
                return Resolved(value: value, isPlaceholder: false, warning: Self.permissionWarning(full))
            }
        } catch {
            guard placeholders else { throw error }
            return Resolved(value: Self.placeholder, isPlaceholder: true)
        }
    }

    static func permissionWarning(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & 0o077 != 0 else { return nil }
        return "password file \(path) can be read by other users; chmod 600 it"
    }
}
