#if canImport(Glibc)
import Glibc
#endif
import TopoModel
import TopoBundle

/// Puts a bundle in place atomically. The files are written into a private
/// temporary folder beside DIR, which then takes DIR's place in one step;
/// until then an earlier DIR is untouched, and any failure removes the
/// temporary folder and leaves DIR as it was.
///
/// One run at a time writes a given DIR: each holds a lock beside it
/// (`BundleLock`) from before it looks at anything until it is done, and a
/// second run is refused. Every folder a run puts beside DIR is recorded
/// in the lock file first; so whatever a run finds recorded there under
/// the lock was left by a run that is gone (killed), and is cleaned up
/// (`recoverInterrupted`), and nothing else is. Everything beside DIR is
/// reached through one descriptor of DIR's parent, and removed through
/// descriptors only (`Directory.removeTree`), so nothing planted there is
/// followed.
public enum BundleWriter {
    /// Writes `content` as DIR. `notice` hears of things left alone beside
    /// DIR that the user should look at (a folder named like a leftover
    /// that no run recorded); `progress` hears how many files are written.
    public static func write(
        _ content: BundleContent, to directory: String, force: Bool, notice: (String) -> Void = { _ in },
        progress: (_ written: Int, _ total: Int) -> Void = { _, _ in }
    ) throws(ToolError) {
        let target = try BundleTarget.resolve(directory)
        let (parentPath, base) = split(target)
        let parent: Directory
        do throws(SystemError) {
            parent = try Directory.open(parentPath)
        } catch {
            let reason = error.code == ENOENT || error.code == ENOTDIR
                ? "the folder '\(parentPath)' does not exist" : "cannot open the folder '\(parentPath)': \(error.text)"
            throw ToolError.unwritable(path: target, reason: reason)
        }
        let names = BundleNames(base: base)
        // Held before the lock is taken, so no signal can end the run
        // between taking it and cleaning up.
        let signals = SignalGuard.hold()
        defer { signals.release() }  // last: a signal that arrived is delivered now
        let lock = try BundleLock.acquire(in: parent, names: names, target: target)
        defer { lock.release() }
        try recoverInterrupted(in: parent, names: names, target: target, lock: lock, notice: notice)
        let existing = try inspect(target, in: parent, base: base, installation: content.installation, force: force)
        try replace(target, in: parent, names: names, existing: existing, with: content.files, signals: signals, lock: lock,
                    progress: progress)
    }

    /// Writes the temporary folder and puts it in DIR's place. `existing`
    /// is DIR as `inspect` found it, when there is one to replace.
    static func replace(
        _ target: String, in parent: Directory, names: BundleNames, existing: stat?, with files: [BundleFile],
        signals: SignalGuard, lock: BundleLock, progress: (_ written: Int, _ total: Int) -> Void = { _, _ in }
    ) throws(ToolError) {
        func stopIfSignalled() throws(ToolError) {
            guard let signal = signals.arrived() else { return }
            throw ToolError.unwritable(
                path: target, reason: "interrupted by \(SignalGuard.name(signal)) before the bundle was in place; nothing was changed")
        }
        try stopIfSignalled()
        let temporary: String
        do throws(SystemError) {
            temporary = try parent.makeUniqueFolder(prefix: names.temporaryPrefix + "\(getpid())-")
        } catch {
            throw ToolError.unwritable(path: parent.child(names.temporaryPrefix + "\(getpid())-XXXXXX"), reason: error.text)
        }
        let root: Directory
        let made: stat
        do throws(SystemError) {
            root = try parent.folder(temporary)
            made = try root.status()
            // Still the folder just made: this user's, and empty. (Someone
            // who can write the parent could have put another folder under
            // the name; that one is neither recorded nor written into.)
            guard made.st_uid == geteuid(), try root.names().isEmpty else { throw SystemError(code: EEXIST) }
        } catch {
            let reason = error.code == EEXIST
                ? "the temporary folder was replaced just after it was made; nothing was changed" : error.text
            throw ToolError.unwritable(path: parent.child(temporary), reason: reason)
        }
        // Recorded before anything is in it, so that a run killed from here
        // on leaves a folder the next run knows to be its own to remove.
        do throws(SystemError) { try lock.record(.writing, made) } catch {
            try? parent.removeTree(temporary, expecting: made)  // still empty; unrecorded, no run would remove it
            throw ToolError.unwritable(path: parent.child(names.lock), reason: error.text)
        }
        do throws(ToolError) {
            // Exactly 0700 whatever the umask.
            guard fchmod(root.fd, 0o700) == 0 else {
                throw ToolError.unwritable(path: parent.child(temporary), reason: FileSystem.errorText())
            }
            try fill(root, with: files, between: stopIfSignalled) { progress($0, files.count) }
            try stopIfSignalled()  // the last moment at which DIR is still as it was
        } catch {
            throw removing(temporary, made, in: parent, lock: lock, after: error)
        }
        // From here on the run is not interrupted: DIR already holds, or
        // is about to hold, the whole new bundle.
        var earlier: String?  // where the earlier bundle is once the new one is in place
        do throws(ToolError) {
            if let existing {
                // Recorded before it leaves DIR's place, as it may sit
                // beside DIR when the run is killed.
                do throws(SystemError) { try lock.record(.earlier, existing) } catch {
                    throw ToolError.unwritable(path: parent.child(names.lock), reason: error.text)
                }
                do throws(ToolError) {
                    earlier = try swap(target, in: parent, base: names.base, with: temporary, names: names)
                } catch {
                    if parent.holds(names.base, existing) { lock.forget(existing) }  // still DIR
                    throw error
                }
            } else {
                do throws(SystemError) { try parent.rename(temporary, to: names.base, replacing: false) } catch {
                    let reason = error.code == EEXIST || error.code == ENOTEMPTY
                        ? "it appeared while the bundle was being written; nothing was changed" : error.text
                    throw ToolError.unwritable(path: target, reason: reason)
                }
            }
        } catch {
            throw removing(temporary, made, in: parent, lock: lock, after: error)
        }
        parent.sync()
        lock.forget(made)  // DIR now
        guard let earlier, let existing else { return }
        // Failing to remove the earlier bundle is an error: it holds the old
        // passwords. Only the folder inspected as DIR is removed.
        do throws(RemovalFailure) {
            try parent.removeTree(earlier, expecting: existing)
            lock.forget(existing)
        } catch {
            throw ToolError.unwritable(
                path: target,
                reason: "the new bundle is in place, but the earlier one could not be removed: \(error.description); "
                    + "what is left of it (with its passwords) is in '\(parent.child(earlier))': remove it by hand")
        }
    }

    /// The new bundle at `temporary` takes DIR's place in one step; returns
    /// the name the earlier bundle has now.
    static func swap(
        _ target: String, in parent: Directory, base: String, with temporary: String, names: BundleNames
    ) throws(ToolError) -> String {
        do throws(SystemError) {
            try parent.exchange(temporary, base)
            return temporary
        } catch {
            guard error.code == EINVAL || error.code == ENOSYS else {
                throw ToolError.unwritable(path: target, reason: error.text)
            }
            return try replaceInTwoSteps(target, in: parent, base: base, with: temporary, names: names)
        }
    }

    /// Where RENAME_EXCHANGE is not available: move the old bundle aside,
    /// move the new one in, and put the old one back if that fails.
    /// Returns the name the old bundle has now.
    static func replaceInTwoSteps(
        _ target: String, in parent: Directory, base: String, with temporary: String, names: BundleNames
    ) throws(ToolError) -> String {
        let aside = names.asidePrefix + "\(getpid())-" + Directory.randomSuffix()
        do throws(SystemError) { try parent.rename(base, to: aside, replacing: false) } catch {
            throw ToolError.unwritable(path: target, reason: error.text)
        }
        do throws(SystemError) {
            try parent.rename(temporary, to: base, replacing: false)
        } catch {
            try? parent.rename(aside, to: base, replacing: false)
            throw ToolError.unwritable(path: target, reason: error.text)
        }
        return aside
    }

    /// `failure`, with what is left of `temporary` (the folder `made`) when
    /// it cannot be removed; its record stays then, for the next run.
    static func removing(
        _ temporary: String, _ made: stat, in parent: Directory, lock: BundleLock, after failure: ToolError
    ) -> ToolError {
        do throws(RemovalFailure) {
            try parent.removeTree(temporary, expecting: made)
            lock.forget(made)
            return failure
        } catch {
            let note = "; the temporary folder '\(parent.child(temporary))' could not be removed (\(error.description)): "
                + "remove it by hand"
            switch failure {
            case let .unwritable(path, reason): return .unwritable(path: path, reason: reason + note)
            case let .refused(path, reason): return .refused(path: path, reason: reason + note)
            default: return .unwritable(path: parent.path, reason: failure.description + note)
            }
        }
    }

    /// Creates every file and the folders above it inside `root`, through
    /// descriptors: the folders on the way to the current file stay open,
    /// so a file is never created through a path someone could redirect.
    /// `between` runs before each file (the writer stops there on a signal).
    static func fill(
        _ root: Directory, with files: [BundleFile], between: () throws(ToolError) -> Void = {},
        written: (Int) -> Void = { _ in }
    ) throws(ToolError) {
        var made: Set<String> = []
        var open: [(name: String, folder: Directory)] = []  // the folders of the last file, outermost first
        for (done, file) in files.enumerated() {
            try between()
            let components = file.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard !components.isEmpty, !components.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else {
                throw ToolError.refused(path: file.path, reason: "the path would leave the bundle")
            }
            let folders = Array(components.dropLast())
            var shared = 0
            while shared < min(open.count, folders.count), open[shared].name.utf8.elementsEqual(folders[shared].utf8) { shared += 1 }
            open.removeLast(open.count - shared)
            do throws(SystemError) {
                for index in shared..<folders.count {
                    let relative = folders[...index].joined(separator: "/")
                    let above = open.last?.folder ?? root
                    let folder = made.insert(relative).inserted
                        ? try above.makeFolder(folders[index], mode: 0o700) : try above.folder(folders[index])
                    open.append((folders[index], folder))
                }
                try (open.last?.folder ?? root).createFile(components.last!, bytes: file.bytes, mode: file.mode, sync: false)
            } catch {
                throw ToolError.unwritable(path: root.child(file.path), reason: error.text)
            }
            written(done + 1)
        }
        // Every file and folder reaches the disk before the bundle takes
        // DIR's place: one sync of the file system, not one per file.
        do throws(SystemError) { try root.syncFileSystem() } catch {
            throw ToolError.unwritable(path: root.path, reason: error.text)
        }
    }

    static func split(_ path: String) -> (parent: String, base: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let parent = String(path[..<slash])
        return (parent.isEmpty ? "/" : parent, String(path[path.index(after: slash)...]))
    }
}
