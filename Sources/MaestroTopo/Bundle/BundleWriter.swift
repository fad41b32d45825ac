#if canImport(Glibc)
import Glibc
#endif

/// Puts a bundle in place atomically. The files are written into a private
/// temporary folder beside DIR, which then takes DIR's place in one step;
/// until then an earlier DIR is untouched, and any failure removes the
/// temporary folder and leaves DIR as it was. A run that is killed leaves
/// at most its temporary folder beside DIR, never a half-written DIR; the
/// next run for the same DIR removes it (see `recoverInterrupted`).
public enum BundleWriter {
    public static func write(_ content: BundleContent, to directory: String, force: Bool) throws(ToolError) {
        var target = directory
        while target.count > 1, target.hasSuffix("/") { target.removeLast() }
        let (parent, base) = split(target)
        guard FileSystem.kind(of: parent) == .directory else {
            throw ToolError.unwritable(path: target, reason: "the folder '\(parent)' does not exist")
        }
        recoverInterrupted(parent: parent, base: base)
        let existing = try inspect(target, installation: content.installation, force: force)

        let temporary = try FileSystem.makeTemporaryDirectory(prefix: "\(parent)/\(newPrefix(base))\(getpid())-")
        do throws(ToolError) {
            try fill(temporary, with: content.files)
            if existing {
                if FileSystem.exchange(temporary, target) {
                    FileSystem.removeTree(temporary)  // now holds the earlier bundle
                } else {
                    try replaceInTwoSteps(target, with: temporary, parent: parent, base: base)
                }
            } else {
                try FileSystem.move(temporary, to: target)
            }
            FileSystem.syncDirectory(parent)
        } catch {
            FileSystem.removeTree(temporary)
            throw error
        }
    }

    /// Whether `target` exists and may be replaced; throws when it must not be.
    static func inspect(_ target: String, installation: String, force: Bool) throws(ToolError) -> Bool {
        switch FileSystem.kind(of: target, followLinks: false) {
        case .missing:
            return false
        case .symlink:
            throw ToolError.refused(path: target, reason: "it is a symbolic link; name the real folder")
        case .directory:
            break
        default:
            throw ToolError.refused(path: target, reason: "it exists and is not a folder")
        }
        let names = try FileSystem.entries(of: target)
        if names.isEmpty { return true }
        let markerPath = target + "/" + BundleBuilder.markerName
        guard names.contains(BundleBuilder.markerName), FileSystem.kind(of: markerPath, followLinks: false) == .regular,
              let marker = try? FileSystem.read(markerPath, limit: 4096)
        else {
            throw ToolError.refused(
                path: target, reason: "it is not empty and is not a maestro-topo bundle; choose another folder")
        }
        let text = String(decoding: marker, as: UTF8.self)
        guard text == BundleBuilder.marker(installation: installation) else {
            let other = text.split(separator: "\n").first { $0.hasPrefix("installation: ") }?.dropFirst(14) ?? "another installation"
            throw ToolError.refused(
                path: target, reason: "it holds the bundle of installation '\(other)', not '\(installation)'")
        }
        guard force else {
            throw ToolError.refused(
                path: target, reason: "it already holds a bundle of '\(installation)'; pass --force to replace it")
        }
        if let foreign = foreignEntry(in: target, relative: "") {
            throw ToolError.refused(
                path: target,
                reason: "'\(foreign)' inside it is not a plain file or folder, so maestro-topo did not write it; remove it first")
        }
        return true
    }

    /// The first entry under `folder` that a bundle never holds: a symbolic
    /// link, a FIFO, a device or a socket. Someone put it there, and the
    /// folder is not replaced blindly.
    static func foreignEntry(in folder: String, relative: String) -> String? {
        for (name, reported) in (try? FileSystem.typedEntries(of: folder)) ?? [] {
            let path = folder + "/" + name
            let shown = relative.isEmpty ? name : relative + "/" + name
            switch reported == .missing ? FileSystem.kind(of: path, followLinks: false) : reported {
            case .regular, .missing:
                continue
            case .directory:
                if let found = foreignEntry(in: path, relative: shown) { return found }
            case .symlink, .other:
                return shown
            }
        }
        return nil
    }

    // MARK: Interrupted runs

    /// `.<DIR>.maestro-topo-<pid>-XXXXXX`: a bundle being written.
    static func newPrefix(_ base: String) -> String { ".\(base).maestro-topo-" }
    /// `.<DIR>.old-<pid>-XXXXXX`: the earlier bundle, set aside for a moment
    /// where the file system cannot swap two folders in one step.
    static func asidePrefix(_ base: String) -> String { ".\(base).old-" }

    /// Cleans up after a run for the same DIR that was killed. Its
    /// temporary folder (a half-written bundle, with passwords) is removed.
    /// An earlier bundle it had set aside is put back when DIR is missing,
    /// and removed otherwise. Folders of a run still alive are left alone.
    static func recoverInterrupted(parent: String, base: String) {
        guard let names = try? FileSystem.entries(of: parent) else { return }
        let target = parent + "/" + base
        for name in names {
            let path = parent + "/" + name
            if let pid = processID(in: name, after: newPrefix(base)), !isAlive(pid) {
                FileSystem.removeTree(path)
            } else if let pid = processID(in: name, after: asidePrefix(base)), !isAlive(pid) {
                if FileSystem.kind(of: target, followLinks: false) == .missing {
                    try? FileSystem.move(path, to: target)
                } else {
                    FileSystem.removeTree(path)
                }
            }
        }
    }

    /// The process id in `<prefix><pid>-XXXXXX`, or nil when `name` is not
    /// such a folder.
    static func processID(in name: String, after prefix: String) -> Int32? {
        guard name.hasPrefix(prefix) else { return nil }
        let rest = name.dropFirst(prefix.count)
        guard let dash = rest.firstIndex(of: "-"), rest.distance(from: dash, to: rest.endIndex) == 7 else { return nil }
        return Int32(rest[..<dash])
    }

    static func isAlive(_ pid: Int32) -> Bool {
        pid == getpid() || kill(pid, 0) == 0 || errno == EPERM
    }

    /// Creates every file and the folders above it inside `root`.
    static func fill(_ root: String, with files: [BundleFile]) throws(ToolError) {
        var made: Set<String> = []
        for file in files {
            let components = file.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard !components.isEmpty, !components.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else {
                throw ToolError.refused(path: file.path, reason: "the path would leave the bundle")
            }
            var folder = root
            for component in components.dropLast() {
                folder += "/" + component
                if made.insert(folder).inserted { try FileSystem.makeDirectory(folder, mode: 0o700) }
            }
            try FileSystem.createFile(root + "/" + file.path, bytes: file.bytes, mode: file.mode)
        }
        FileSystem.syncDirectory(root)
    }

    /// Where RENAME_EXCHANGE is not available: move the old bundle aside,
    /// move the new one in, and put the old one back if that fails.
    static func replaceInTwoSteps(_ target: String, with temporary: String, parent: String, base: String) throws(ToolError) {
        let aside = try FileSystem.makeTemporaryDirectory(prefix: "\(parent)/\(asidePrefix(base))\(getpid())-")
        FileSystem.removeTree(aside)  // only its unique name is wanted
        try FileSystem.move(target, to: aside)
        do throws(ToolError) {
            try FileSystem.move(temporary, to: target)
        } catch {
            try? FileSystem.move(aside, to: target)
            throw error
        }
        FileSystem.removeTree(aside)
    }

    static func split(_ path: String) -> (parent: String, base: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let parent = String(path[..<slash])
        return (parent.isEmpty ? "/" : parent, String(path[path.index(after: slash)...]))
    }
}
