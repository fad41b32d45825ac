#if canImport(Glibc)
import Glibc
#endif
import TopoYAML
import TopoModel

/// The advisory lock (`flock`) a run holds on `.<DIR>.maestro-topo.lock`
/// beside DIR while it works. It says who is alive where a process id
/// cannot: runs in different PID namespaces (containers sharing a folder)
/// see each other's ids as dead, and ids are reused. The kernel drops the
/// lock when its holder ends, however it ends, so a lock that can be taken
/// means that no run is writing DIR.
///
/// The file also records every folder a run puts beside DIR
/// (`LeftoverRecord`), before anything goes into it. A name alone proves
/// nothing: anyone who can write DIR's parent can give one of the owner's
/// own folders a leftover's name. So the next run cleans up only what is
/// recorded here. A run that ends with nothing recorded removes the file;
/// one that is killed, or leaves a folder it could not remove, leaves the
/// file behind with its records, and that file is what the next run
/// opens and reads once it holds the lock.
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
    /// What the file records now: the folders beside DIR that runs made.
    private(set) var records: [LeftoverRecord]

    private init(parent: Directory, name: String, fd: Int32, info: stat, records: [LeftoverRecord]) {
        self.parent = parent
        self.name = name
        self.fd = fd
        self.info = info
        self.records = records
    }

    deinit { release() }

    static func acquire(in parent: Directory, names: BundleNames, target: String) throws(ToolError) -> BundleLock {
        let path = parent.child(names.lock)
        let busy = ToolError.refused(
            path: target, reason: "another bundle run is writing it right now (it holds the lock '\(path)'); wait for it to finish")
        func notOurs(_ why: String) -> ToolError {
            .refused(path: target, reason: "'\(path)' \(why), so it is not a lock file maestro-topo made; remove it")
        }
        // A few tries: the run before may remove the file just as it is opened.
        for _ in 0..<10 {
            let fd = openat(parent.fd, names.lock, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
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
            guard parent.holds(names.lock, info) else {
                close(fd)
                continue
            }
            // What the file records decides what is deleted: it must be a
            // file no one else could have written or given this name.
            let problem: String? = if info.st_nlink != 1 {
                "has other names (hard links)"
            } else if info.st_mode & 0o022 != 0 {
                "can be written by other users (mode 0\(String(info.st_mode & 0o7777, radix: 8)))"
            } else {
                nil
            }
            if let problem {
                close(fd)
                throw notOurs(problem)
            }
            guard let records = LeftoverRecord.read(fd) else {
                close(fd)
                throw notOurs("holds something other than maestro-topo's records")
            }
            return BundleLock(parent: parent, name: names.lock, fd: fd, info: info, records: records)
        }
        throw busy
    }

    /// The kind a run recorded for the folder `info` describes, or nil when
    /// no run recorded making it.
    func kind(of folder: stat) -> LeftoverRecord.Kind? {
        records.first { $0.identifies(folder) }?.kind
    }

    /// Records the folder `info` describes, flushed to disk before the
    /// caller puts anything in it or moves it beside DIR.
    func record(_ kind: LeftoverRecord.Kind, _ folder: stat) throws(SystemError) {
        records.append(LeftoverRecord(kind: kind, device: UInt64(folder.st_dev), inode: UInt64(folder.st_ino)))
        do throws(SystemError) { try save() } catch {
            records.removeLast()
            throw error
        }
    }

    /// Drops the record of a folder that is gone or has become DIR. A
    /// record that cannot be dropped stays; the folder it named is gone.
    func forget(_ folder: stat) {
        let before = records.count
        records.removeAll { $0.identifies(folder) }
        if records.count != before { try? save() }
    }

    /// Drops every record (once all they named is cleaned up or gone).
    func forgetAll() {
        guard !records.isEmpty else { return }
        records = []
        try? save()
    }

    /// Writes the records over the file's start in one write, then cuts
    /// the file to that length: a run killed in between leaves the new
    /// records complete up to their `end` line, and the old tail after it
    /// is never read.
    private func save() throws(SystemError) {
        let bytes = Array(LeftoverRecord.text(records).utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress! + written, bytes.count - written, off_t(written)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .last()
            }
            written += count
        }
        guard ftruncate(fd, off_t(bytes.count)) == 0, fsync(fd) == 0 else { throw .last() }
    }

    /// With nothing recorded, removes the lock file while still holding the
    /// lock (a run that opened it meanwhile sees it is gone and takes the
    /// new one); then drops the lock. A file with records stays for the
    /// next run.
    func release() {
        guard !released else { return }
        released = true
        if records.isEmpty, parent.holds(name, info) { unlinkat(parent.fd, name, 0) }
        close(fd)
    }
}
