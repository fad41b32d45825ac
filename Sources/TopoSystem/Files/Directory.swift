#if canImport(Glibc)
import Glibc
#endif
import CSystem

/// A failed system call: its errno, kept so a caller can tell "missing"
/// from "refused" and word the message for its own context.
struct SystemError: Error, Equatable {
    let code: Int32

    static func last() -> SystemError { SystemError(code: errno) }

    var text: String { String(cString: strerror(code)) }
}

/// An open folder. Every operation names an entry directly inside it, so
/// nothing above or beside it (a path component swapped for a symbolic link
/// by someone who can write the parent) can redirect a call; a folder
/// opened with `folder(_:)` was a real folder, never a link, when it was
/// opened, and stays that folder wherever it is moved to.
final class Directory {
    let fd: Int32
    /// How the folder is named in messages.
    let path: String

    private init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    deinit { close(fd) }

    /// Opens the folder the user named; links in `path` are followed, as
    /// for any path on the command line.
    static func open(_ path: String) throws(SystemError) -> Directory {
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .last() }
        return Directory(fd: fd, path: path)
    }

    func child(_ name: String) -> String { path == "/" ? "/" + name : path + "/" + name }

    /// Opens the folder `name` in this one. A symbolic link there fails
    /// (ELOOP), as does anything that is not a folder (ENOTDIR).
    func folder(_ name: String) throws(SystemError) -> Directory {
        let fd = openat(self.fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw .last() }
        return Directory(fd: fd, path: child(name))
    }

    /// This folder's own status.
    func status() throws(SystemError) -> stat {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .last() }
        return info
    }

    /// The status of `name` itself (a link is reported as a link), or nil
    /// when there is no such entry.
    func status(of name: String) throws(SystemError) -> stat? {
        var info = stat()
        guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            if errno == ENOENT { return nil }
            throw .last()
        }
        return info
    }

    /// The names in this folder, without `.` and `..`, sorted. Read through
    /// a duplicate descriptor, as `closedir` closes the one it is given.
    func names() throws(SystemError) -> [String] {
        let copy = dup(fd)
        guard copy >= 0 else { throw .last() }
        guard let stream = fdopendir(copy) else {
            let failure = SystemError.last()
            close(copy)
            throw failure
        }
        defer { closedir(stream) }
        rewinddir(stream)  // the duplicate shares the position of any earlier listing
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw .last() }
                break
            }
            let name = entry.name
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Creates the folder `name` with exactly `mode` (whatever the umask)
    /// and opens it.
    func makeFolder(_ name: String, mode: UInt32) throws(SystemError) -> Directory {
        guard mkdirat(fd, name, mode_t(mode)) == 0 else { throw .last() }
        let made = try folder(name)
        guard fchmod(made.fd, mode_t(mode)) == 0 else { throw .last() }
        return made
    }

    /// Creates a folder named `prefix` plus six random letters and digits,
    /// mode 0700, and returns its name (as mkdtemp, but inside this folder).
    func makeUniqueFolder(prefix: String) throws(SystemError) -> String {
        for _ in 0..<100 {
            let name = prefix + Self.randomSuffix()
            guard mkdirat(fd, name, 0o700) == 0 else {
                if errno == EEXIST { continue }
                throw .last()
            }
            return name
        }
        throw SystemError(code: EEXIST)
    }

    /// Six characters of `[A-Za-z0-9]`, from the system's random source.
    static func randomSuffix() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<6).map { _ in alphabet.randomElement()! })
    }

    /// Creates the file `name`, which must not exist yet (a link there is
    /// refused too), with exactly `mode`, writes `bytes` and, unless the
    /// caller syncs many files at once (`syncFileSystem`), flushes them.
    func createFile(_ name: String, bytes: [UInt8], mode: UInt32, sync: Bool = true) throws(SystemError) {
        let file = openat(fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(mode))
        guard file >= 0 else { throw .last() }
        defer { close(file) }
        guard fchmod(file, mode_t(mode)) == 0 else { throw .last() }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(file, $0.baseAddress! + written, bytes.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .last()
            }
            written += count
        }
        if sync { guard fsync(file) == 0 else { throw .last() } }
    }

    /// Reads the regular file `name` (never through a link, never a FIFO),
    /// at most `limit` bytes.
    func read(_ name: String, limit: Int) throws(SystemError) -> [UInt8] {
        let file = openat(fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else { throw .last() }
        defer { close(file) }
        var info = stat()
        guard fstat(file, &info) == 0 else { throw .last() }
        guard info.st_mode & S_IFMT == S_IFREG else { throw SystemError(code: EINVAL) }
        var bytes = [UInt8](repeating: 0, count: limit)
        var filled = 0
        while filled < limit {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(file, $0.baseAddress! + filled, limit - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .last()
            }
            if count == 0 { break }
            filled += count
        }
        return Array(bytes[..<filled])
    }

    /// Renames `from` to `to`, both in this folder. `replacing: false`
    /// fails with EEXIST when `to` exists (where the file system can
    /// promise that; elsewhere a plain rename, which still never replaces
    /// a folder that is not empty).
    func rename(_ from: String, to: String, replacing: Bool) throws(SystemError) {
        if !replacing {
            if maestro_rename_noreplace_at(fd, from, to) == 0 { return }
            guard errno == EINVAL else { throw .last() }
        }
        guard renameat(fd, from, fd, to) == 0 else { throw .last() }
    }

    /// Swaps two entries of this folder in one step (RENAME_EXCHANGE).
    /// EINVAL: the file system cannot.
    func exchange(_ a: String, _ b: String) throws(SystemError) {
        guard maestro_exchange_at(fd, a, b) == 0 else { throw .last() }
    }

    /// Flushes this folder's entries (a rename or new file in it) to disk.
    func sync() { fsync(fd) }

    /// Writes out everything of the file system this folder is on: one
    /// call after many files, where one fsync each would wait for the disk
    /// once per file.
    func syncFileSystem() throws(SystemError) {
        guard maestro_syncfs(fd) == 0 else { throw .last() }
    }

    /// Whether `name` is still the file or folder described by `info`.
    func holds(_ name: String, _ info: stat) -> Bool {
        guard let now = try? status(of: name) else { return false }
        return now.st_dev == info.st_dev && now.st_ino == info.st_ino
    }
}

extension stat {
    var isDirectory: Bool { st_mode & S_IFMT == S_IFDIR }
    var isRegular: Bool { st_mode & S_IFMT == S_IFREG }
    var isSymlink: Bool { st_mode & S_IFMT == S_IFLNK }
}
