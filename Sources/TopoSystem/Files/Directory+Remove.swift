#if canImport(Glibc)
import Glibc
#endif

/// What a removal could not remove: the first entry left behind, why, and
/// how many entries failed in all.
struct RemovalFailure: Error, Equatable {
    var path: String
    var reason: String
    var count = 1

    var description: String {
        "'\(path)': \(reason)" + (count > 1 ? " (and \(count - 1) more)" : "")
    }
}

extension Directory {
    /// Removes the entry `name` of this folder and, when it is a folder,
    /// everything in it, through file descriptors only: each folder is
    /// opened with O_NOFOLLOW relative to the one above it and emptied
    /// through that descriptor, so swapping a folder for a symbolic link
    /// while it is being removed cannot redirect a single deletion. A link
    /// is removed itself, never followed. Only folders owned by the
    /// effective user are opened, and none on another file system (a mount
    /// point) or deeper than `maxDepth`. Whatever cannot be removed is
    /// reported; the rest is still removed.
    ///
    /// With `expecting`, `name` must be that very folder (device and inode,
    /// read from the descriptor it is emptied through): anything else
    /// under the name, put there since it was looked at, is left alone and
    /// reported.
    func removeTree(_ name: String, expecting identity: stat? = nil) throws(RemovalFailure) {
        var device = dev_t(0)
        if let info = try? status() { device = info.st_dev }
        var removal = TreeRemoval(device: device, expected: identity)
        removal.remove(name, in: self, shown: child(name), depth: 0)
        if var first = removal.failures.first {
            first.count = removal.failures.count
            throw first
        }
    }
}

private struct TreeRemoval {
    /// A bundle is four folders deep; a leftover nested far deeper was not
    /// written by maestro-topo, and each level holds a descriptor open.
    static let maxDepth = 64
    /// Tries per entry that changes between being looked at and removed
    /// (a folder swapped for a link, entries appearing in a folder).
    static let attempts = 3

    let device: dev_t
    /// What the top folder must be, when the caller knows.
    let expected: stat?
    let owner = geteuid()
    var failures: [RemovalFailure] = []

    init(device: dev_t, expected: stat?) {
        self.device = device
        self.expected = expected
    }

    static let replaced = "it is no longer the folder that was to be removed (something else was put under its name), so it is left alone"

    /// Whether `info` may be removed as the entry at `depth`.
    func isExpected(_ info: stat, depth: Int) -> Bool {
        guard depth == 0, let expected else { return true }
        return info.st_dev == expected.st_dev && info.st_ino == expected.st_ino
    }

    mutating func fail(_ path: String, _ reason: String) { failures.append(RemovalFailure(path: path, reason: reason)) }

    mutating func fail(_ path: String, _ error: SystemError) { fail(path, error.text) }

    mutating func remove(_ name: String, in parent: Directory, shown: String, depth: Int) {
        for _ in 0..<Self.attempts {
            let info: stat
            do throws(SystemError) {
                guard let found = try parent.status(of: name) else { return }
                info = found
            } catch {
                return fail(shown, error)
            }
            if !info.isDirectory {
                guard depth > 0 || expected == nil else { return fail(shown, Self.replaced) }
                if unlinkat(parent.fd, name, 0) == 0 || errno == ENOENT { return }
                if errno == EISDIR { continue }  // a folder now: look again
                return fail(shown, .last())
            }
            let folder: Directory
            do throws(SystemError) {
                folder = try parent.folder(name)
            } catch {
                if error.code == ENOENT { return }
                if error.code == ELOOP || error.code == ENOTDIR { continue }  // a link or file now: look again
                return fail(shown, error)
            }
            guard let own = try? folder.status() else { return fail(shown, .last()) }
            guard isExpected(own, depth: depth) else { return fail(shown, Self.replaced) }
            guard own.st_uid == owner else {
                return fail(shown, "it belongs to another user (uid \(own.st_uid)), so it is left alone")
            }
            guard own.st_dev == device else { return fail(shown, "another file system is mounted there") }
            guard depth < Self.maxDepth else { return fail(shown, "it is nested more than \(Self.maxDepth) folders deep") }
            let before = failures.count
            empty(folder, shown: shown, depth: depth + 1)
            // The name could have been given to another folder meanwhile;
            // only an empty one could still be removed by the call below.
            if depth == 0, expected != nil, let now = try? parent.status(of: name), !isExpected(now, depth: 0) {
                return fail(shown, Self.replaced)
            }
            if unlinkat(parent.fd, name, AT_REMOVEDIR) == 0 || errno == ENOENT { return }
            // Entries that appeared meanwhile are removed on the next try;
            // after a failure inside, the folder cannot be empty.
            if errno == ENOTEMPTY, failures.count == before { continue }
            if failures.count == before { fail(shown, .last()) }
            return
        }
        fail(shown, "it kept changing while it was being removed")
    }

    mutating func empty(_ folder: Directory, shown: String, depth: Int) {
        let names: [String]
        do throws(SystemError) {
            names = try folder.names()
        } catch {
            return fail(shown, error)
        }
        for name in names {
            remove(name, in: folder, shown: shown + "/" + name, depth: depth)
        }
    }
}
