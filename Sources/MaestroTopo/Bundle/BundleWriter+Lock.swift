#if canImport(Glibc)
import Glibc
#endif

/// The advisory lock (`flock`) a run holds on `.<DIR>.maestro-topo.lock`
/// beside DIR while it works. It says who is alive where a process id
/// cannot: runs in different PID namespaces (containers sharing a folder)
/// see each other's ids as dead, and ids are reused. The kernel drops the
/// lock when its holder ends, however it ends, so a lock that can be taken
/// means that no run is writing DIR.
///
/// A second run is refused, not made to wait, with `--force` too: two runs
/// writing one DIR at once are two jobs fighting over it, and waiting would
/// hang behind a run that hangs.
final class BundleLock {
    private let parent: Directory
    private let name: String
    private let fd: Int32
    private let info: stat
    private var released = false

    private init(parent: Directory, name: String, fd: Int32, info: stat) {
        self.parent = parent
        self.name = name
        self.fd = fd
        self.info = info
    }

    deinit { release() }

    static func acquire(in parent: Directory, names: BundleNames, target: String) throws(ToolError) -> BundleLock {
        let path = parent.child(names.lock)
        let busy = ToolError.refused(
            path: target, reason: "another bundle run is writing it right now (it holds the lock '\(path)'); wait for it to finish")
        // A few tries: the run before may remove the file just as it is opened.
        for _ in 0..<10 {
            let fd = openat(parent.fd, names.lock, O_RDONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                if errno == ELOOP {
                    throw ToolError.refused(path: target, reason: "'\(path)' is a symbolic link, not a lock file maestro-topo made; remove it")
                }
                throw ToolError.unwritable(path: path, reason: FileSystem.errorText())
            }
            var info = stat()
            guard fstat(fd, &info) == 0, info.isRegular, info.st_uid == geteuid() else {
                close(fd)
                throw ToolError.refused(
                    path: target, reason: "'\(path)' is not a lock file this user made (another user's, or not a plain file); remove it")
            }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                let code = errno
                close(fd)
                if code == EWOULDBLOCK || code == EINTR { throw busy }
                throw ToolError.unwritable(path: path, reason: String(cString: strerror(code)))
            }
            // The lock guards DIR only while the file is the one named so.
            if parent.holds(names.lock, info) { return BundleLock(parent: parent, name: names.lock, fd: fd, info: info) }
            close(fd)
        }
        throw busy
    }

    /// Removes the lock file while still holding the lock (a run that
    /// opened it meanwhile sees it is gone and takes the new one), then
    /// drops the lock.
    func release() {
        guard !released else { return }
        released = true
        if parent.holds(name, info) { unlinkat(parent.fd, name, 0) }
        close(fd)
    }
}
