#if canImport(Glibc)
import Glibc
#endif
import TopoModel
import TopoBundle
import TopoSource

/// Reads the keystore passwords a bundle needs. Only `bundle` does this;
/// everything else looks at the source and never at the value.
///
/// A password is read into a `SecretBytes` (locked, wiped after use), not
/// into a `String`, and the process is made undumpable first
/// (`SecretMemory.protectProcess`). What cannot be wiped is listed in
/// docs/robustness.md ("Passwords in memory").
public struct SecretResolver: SecretProvider {
    /// Relative `{file: PATH}` sources are read relative to this folder
    /// (the topology file's), so a bundle does not depend on where it runs.
    public var baseDirectory: String
    public var placeholders: Bool

    public static let placeholder = ResolvedSecret.placeholder
    /// A password file larger than this is not a password file.
    static let maxFileSize = SecretFile.maxSize

    public init(baseDirectory: String, placeholders: Bool) {
        self.baseDirectory = baseDirectory
        self.placeholders = placeholders
    }

    /// The password `source` names. When it cannot be had, exit 2 names the
    /// source and why; with placeholders the placeholder is returned
    /// instead, with the same reason as its warning (never the content:
    /// a refused file is not quoted).
    public func resolve(_ source: SecretSource, host: String) throws(ToolError) -> ResolvedSecret {
        SecretMemory.protectProcess()
        do throws(Unavailable) {
            switch source {
            case let .literal(value):
                // Already in memory as text: it was read with the topology.
                return ResolvedSecret(bytes: SecretBytes(copying: value.utf8), isPlaceholder: false)
            case let .environment(name):
                return ResolvedSecret(bytes: try Self.environment(name), isPlaceholder: false)
            case let .file(path):
                let full = path.hasPrefix("/") ? path : PathStyle.join(baseDirectory, path, os: .linux)
                let contents: SecretFile.Contents
                do {
                    contents = try SecretFile.read(full)
                } catch {
                    throw Unavailable(source: "file \(full)", reason: "which cannot be used: \(error.reason)")
                }
                return ResolvedSecret(bytes: contents.password, isPlaceholder: false,
                                warning: Self.permissionWarning(full, mode: contents.mode))
            }
        } catch {
            guard placeholders else {
                throw ToolError.missingSecret("the keystore password for '\(host)' comes from \(error.source), \(error.reason)")
            }
            // Said once per source, however many hosts share it.
            return ResolvedSecret(
                bytes: SecretBytes(copying: Self.placeholder.utf8), isPlaceholder: true,
                warning: "placeholder written for the keystore password from \(error.source), \(error.reason)")
        }
    }

    /// Why the password from `source` cannot be had, said after the source
    /// ("which is not set"); never what the source holds.
    struct Unavailable: Error {
        var source: String
        var reason: String
    }

    /// The variable's bytes, copied straight from the environment (no
    /// `String` made of them).
    private static func environment(_ name: String) throws(Unavailable) -> SecretBytes {
        let source = "environment variable \(name)"
        guard let value = getenv(name) else { throw Unavailable(source: source, reason: "which is not set") }
        let length = strlen(value)
        guard length > 0 else { throw Unavailable(source: source, reason: "which is not set (it is empty)") }
        let bytes = SecretBytes(capacity: length)
        bytes.fill { room in
            room.baseAddress!.copyMemory(from: value, byteCount: length)
            return length
        }
        let problem = bytes.withBytes { SecretText.problem(in: $0) }
        if problem == .notUTF8 || problem == .byteOrderMark {
            bytes.wipe()
            throw Unavailable(source: source, reason: "which is not UTF-8 text; set it in UTF-8")
        }
        return bytes
    }

    static func permissionWarning(_ path: String, mode: mode_t) -> String? {
        guard mode & 0o077 != 0 else { return nil }
        return "password file \(path) can be read by other users; chmod 600 it"
    }
}
