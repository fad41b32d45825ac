import Glibc

/// The data `make install` and the Debian package put beside the binary:
/// `<prefix>/share/maestro-topo/` for a binary in `<prefix>/bin/`.
public enum InstalledData {
    public static let schemaFileName = "topology.schema.json"

    /// The installed JSON Schema's absolute path, when it is there.
    public static func schemaPath() -> String? {
        guard let resolved = realpath("/proc/self/exe", nil) else { return nil }
        defer { free(resolved) }
        let binary = String(cString: resolved)
        var parts = binary.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts[parts.count - 2] == "bin" else { return nil }
        parts.removeLast(2)
        let path = parts.joined(separator: "/") + "/share/maestro-topo/\(schemaFileName)"
        return FileSystem.kind(of: path) == .regular ? path : nil
    }
}
