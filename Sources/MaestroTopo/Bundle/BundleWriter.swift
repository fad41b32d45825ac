#if canImport(Glibc)
import Glibc
#endif

/// Puts a bundle in place atomically. The files are written into a private
/// temporary folder beside DIR, which then takes DIR's place in one step;
/// until then an earlier DIR is untouched, and any failure removes the
/// temporary folder and leaves DIR as it was.
///
/// One run at a time writes a given DIR: each holds a lock beside it
/// (`BundleLock`) from before it looks at anything until it is done, and a
/// second run is refused. So whatever a run finds beside DIR under the
/// lock was left by a run that is gone (killed), and is cleaned up
/// (`recoverInterrupted`). Everything beside DIR is reached through one
/// descriptor of DIR's parent, and removed through descriptors only
/// (`Directory.removeTree`), so nothing planted there is followed.
public enum BundleWriter {
    public static func write(_ content: BundleContent, to directory: String, force: Bool) throws(ToolError) {
        var target = directory
        while target.count > 1, target.hasSuffix("/") { target.removeLast() }
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
        try recoverInterrupted(in: parent, names: names, target: target)
        let existing = try inspect(target, in: parent, base: base, installation: content.installation, force: force)
        try replace(target, in: parent, names: names, existing: existing, with: content.files, signals: signals)
    }

    /// Writes the temporary folder and puts it in DIR's place.
    static func replace(
        _ target: String, in parent: Directory, names: BundleNames, existing: Bool, with files: [BundleFile],
        signals: SignalGuard
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
        do throws(ToolError) {
            let root: Directory
            do throws(SystemError) {
                root = try parent.folder(temporary)
                // Exactly 0700 whatever the umask, and still the folder just made.
                guard try root.status().st_uid == geteuid() else { throw SystemError(code: EPERM) }
                guard fchmod(root.fd, 0o700) == 0 else { throw SystemError.last() }
            } catch {
                throw ToolError.unwritable(path: parent.child(temporary), reason: error.text)
            }
            try fill(root, with: files, between: stopIfSignalled)
            try stopIfSignalled()  // the last moment at which DIR is still as it was
        } catch {
            throw removing(temporary, in: parent, after: error)
        }
        // From here on the run is not interrupted: DIR already holds, or
        // is about to hold, the whole new bundle.
        var earlier: String?  // where the earlier bundle is once the new one is in place
        do throws(ToolError) {
            if existing {
                earlier = try swap(target, in: parent, base: names.base, with: temporary, names: names)
            } else {
                do throws(SystemError) { try parent.rename(temporary, to: names.base, replacing: false) } catch {
                    let reason = error.code == EEXIST || error.code == ENOTEMPTY
                        ? "it appeared while the bundle was being written; nothing was changed" : error.text
                    throw ToolError.unwritable(path: target, reason: reason)
                }
            }
        } catch {
            throw removing(temporary, in: parent, after: error)
        }
        parent.sync()
        guard let earlier else { return }
        // Failing to remove the earlier bundle is an error: it holds the old passwords.
        do throws(RemovalFailure) { try parent.removeTree(earlier) } catch {
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

    /// `failure`, with what is left of `temporary` when it cannot be removed.
    static func removing(_ temporary: String, in parent: Directory, after failure: ToolError) -> ToolError {
        do throws(RemovalFailure) {
            try parent.removeTree(temporary)
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
        _ root: Directory, with files: [BundleFile], between: () throws(ToolError) -> Void = {}
    ) throws(ToolError) {
        var made: Set<String> = []
        var open: [(name: String, folder: Directory)] = []  // the folders of the last file, outermost first
        for file in files {
            try between()
            let components = file.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard !components.isEmpty, !components.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else {
                throw ToolError.refused(path: file.path, reason: "the path would leave the bundle")
            }
            let folders = Array(components.dropLast())
            var shared = 0
            while shared < min(open.count, folders.count), open[shared].name.utf8.elementsEqual(folders[shared].utf8) { shared += 1 }
            for (_, folder) in open[shared...].reversed() { folder.sync() }  // done with these
            open.removeLast(open.count - shared)
            do throws(SystemError) {
                for index in shared..<folders.count {
                    let relative = folders[...index].joined(separator: "/")
                    let above = open.last?.folder ?? root
                    let folder = made.insert(relative).inserted
                        ? try above.makeFolder(folders[index], mode: 0o700) : try above.folder(folders[index])
                    open.append((folders[index], folder))
                }
                try (open.last?.folder ?? root).createFile(components.last!, bytes: file.bytes, mode: file.mode)
            } catch {
                throw ToolError.unwritable(path: root.child(file.path), reason: error.text)
            }
        }
        for (_, folder) in open.reversed() { folder.sync() }
        root.sync()
    }

    static func split(_ path: String) -> (parent: String, base: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let parent = String(path[..<slash])
        return (parent.isEmpty ? "/" : parent, String(path[path.index(after: slash)...]))
    }
}
