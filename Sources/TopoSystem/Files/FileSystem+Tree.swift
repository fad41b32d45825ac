#if canImport(Glibc)
import Glibc
#endif
import TopoModel

/// Path-based conveniences over `Directory`, for callers that have a path
/// in hand (`writeAtomically`). The bundle writer works on descriptors
/// directly (`Directory`, `Directory.removeTree`).
extension FileSystem {
    /// Creates `path`, which must not exist yet (a link there is refused
    /// too), writes `bytes` and flushes them to disk.
    static func createFile(_ path: String, bytes: [UInt8], mode: UInt32) throws(ToolError) {
        let (folder, name) = BundleWriter.split(path)
        do throws(SystemError) {
            try Directory.open(folder).createFile(name, bytes: bytes, mode: mode)
        } catch {
            throw ToolError.unwritable(path: path, reason: error.text)
        }
    }

    /// Removes `path` and, when it is a folder, everything in it, without
    /// following any link (see `Directory.removeTree`).
    static func removeTree(_ path: String) throws(RemovalFailure) {
        let (folder, name) = BundleWriter.split(path)
        let parent: Directory
        do throws(SystemError) { parent = try Directory.open(folder) } catch {
            throw RemovalFailure(path: path, reason: error.text)
        }
        try parent.removeTree(name)
    }

    static func move(_ from: String, to: String) throws(ToolError) {
        guard Glibc.rename(from, to) == 0 else { throw ToolError.unwritable(path: to, reason: errorText()) }
    }
}
