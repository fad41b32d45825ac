#if canImport(Glibc)
import Glibc
#endif
import CSystem

/// Folder operations for writing a bundle: private temporary folders,
/// files created fresh (never through a symbolic link), removal that never
/// follows a link, and swapping two folders in one step.
extension FileSystem {
    /// A new folder named `<prefix>XXXXXX` (random suffix), mode 0700.
    static func makeTemporaryDirectory(prefix: String) throws(ToolError) -> String {
        var template = Array((prefix + "XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard created != nil else { throw ToolError.unwritable(path: prefix, reason: errorText()) }
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    static func makeDirectory(_ path: String, mode: UInt32) throws(ToolError) {
        let mode = mode_t(mode)
        guard mkdir(path, mode) == 0 else { throw ToolError.unwritable(path: path, reason: errorText()) }
        // The umask may have taken bits away; set exactly what was asked.
        guard chmod(path, mode) == 0 else { throw ToolError.unwritable(path: path, reason: errorText()) }
    }

    /// Creates `path`, which must not exist yet (a link there is refused
    /// too), writes `bytes` and flushes them to disk.
    static func createFile(_ path: String, bytes: [UInt8], mode: UInt32) throws(ToolError) {
        let mode = mode_t(mode)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw ToolError.unwritable(path: path, reason: errorText()) }
        defer { close(fd) }
        guard fchmod(fd, mode) == 0 else { throw ToolError.unwritable(path: path, reason: errorText()) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ToolError.unwritable(path: path, reason: errorText())
            }
            written += count
        }
        guard fsync(fd) == 0 else { throw ToolError.unwritable(path: path, reason: errorText()) }
    }

    /// Flushes a folder's entries (a rename or new file in it) to disk.
    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// Removes a folder and everything in it. Links are removed, never
    /// followed, so nothing outside the folder is touched.
    static func removeTree(_ path: String) {
        if kind(of: path, followLinks: false) == .directory {
            for name in (try? entries(of: path)) ?? [] {
                removeTree(path + "/" + name)
            }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// Swaps two paths in one step (Linux `renameat2` with RENAME_EXCHANGE).
    /// Returns false when the kernel or file system cannot; the caller then
    /// falls back to two renames.
    static func exchange(_ a: String, _ b: String) -> Bool {
        maestro_exchange_paths(a, b) == 0
    }

    static func move(_ from: String, to: String) throws(ToolError) {
        guard Glibc.rename(from, to) == 0 else { throw ToolError.unwritable(path: to, reason: errorText()) }
    }
}
