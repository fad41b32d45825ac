#if canImport(Glibc)
import Glibc
#endif
import TopoModel
import TopoBundle

extension BundleWriter {
    /// DIR (`base` in `parent`) as inspected, read from the descriptor it
    /// was inspected through, when it exists and may be replaced; nil when
    /// it does not exist. Throws when it must not be replaced. Checked
    /// before anything is written, so a refusal leaves DIR and its
    /// surroundings exactly as they were.
    static func inspect(
        _ target: String, in parent: Directory, base: String, installation: String, force: Bool
    ) throws(ToolError) -> stat? {
        let info: stat
        do throws(SystemError) {
            guard let found = try parent.status(of: base) else { return nil }
            info = found
        } catch {
            throw ToolError.unreadable(path: target, reason: error.text)
        }
        if info.isSymlink { throw ToolError.refused(path: target, reason: "it is a symbolic link; name the real folder") }
        guard info.isDirectory else { throw ToolError.refused(path: target, reason: "it exists and is not a folder") }
        let folder: Directory
        let names: [String]
        let identity: stat
        do throws(SystemError) {
            folder = try parent.folder(base)
            identity = try folder.status()
            names = try folder.names()
        } catch {
            throw ToolError.unreadable(path: target, reason: error.text)
        }
        if !names.isEmpty {
            guard names.contains(BundleBuilder.markerName),
                  let marker = try? folder.read(BundleBuilder.markerName, limit: 4097)
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
        }
        if let (path, problem) = obstacle(in: folder, relative: "", depth: 0) {
            throw ToolError.refused(path: target, reason: (path.isEmpty ? "it " : "'\(path)' inside it ") + problem)
        }
        return identity
    }

    /// The first entry under `folder` that stands in the way of replacing
    /// it, with the reason (said of the entry, "it ..."). A bundle never
    /// holds a symbolic link, a FIFO, a device or a socket: someone put it
    /// there, and the folder is not replaced blindly. And the earlier bundle
    /// must be removable once it is swapped out, or its passwords would stay
    /// behind: every folder in it must be this user's, and writable.
    static func obstacle(in folder: Directory, relative: String, depth: Int) -> (path: String, reason: String)? {
        let names: [String]
        let info: stat
        do throws(SystemError) {
            info = try folder.status()
            names = try folder.names()
        } catch {
            return (relative, "cannot be read: \(error.text)")
        }
        let owner = geteuid()
        if info.st_uid != owner {
            return (relative, "belongs to another user (uid \(info.st_uid)); maestro-topo replaces only what the user it runs as owns")
        }
        if !names.isEmpty, owner != 0, info.st_mode & 0o700 != 0o700 {
            let mode = String(info.st_mode & 0o7777, radix: 8)
            return (relative, "is not writable (mode 0\(mode)), so the earlier bundle, with its passwords, could not be removed "
                + "once replaced; make it writable (chmod u+rwx) first")
        }
        guard depth < 16 else { return (relative, "is nested deeper than any bundle") }
        for name in names {
            let path = relative.isEmpty ? name : relative + "/" + name
            guard let entry = try? folder.status(of: name) else { continue }
            if entry.isRegular { continue }
            guard entry.isDirectory else {
                return (path, "is not a plain file or folder, so maestro-topo did not write it; remove it first")
            }
            guard let inner = try? folder.folder(name) else { return (path, "cannot be opened: \(FileSystem.errorText())") }
            if let found = obstacle(in: inner, relative: path, depth: depth + 1) { return found }
        }
        return nil
    }
}
