#if canImport(Glibc)
import Glibc
#endif
import TopoModel
import TopoBundle

/// The names beside DIR that runs for DIR use:
/// `.<tag>.maestro-topo-<pid>-XXXXXX` (a bundle being written),
/// `.<tag>.old-<pid>-XXXXXX` (the earlier bundle, set aside for a moment
/// where the file system cannot swap two folders in one step) and
/// `.<tag>.maestro-topo.lock`. The tag is DIR's own name, so a user sees
/// what they belong to. A name too long to leave room for the rest (a
/// name may have 255 bytes) is cut to 190 bytes and completed with `~` and
/// 16 hex digits of its SHA-256, so every valid DIR name works and two
/// long names never share leftovers; a cut tag (207 bytes) is longer than
/// any uncut one (200 at most), so the two kinds cannot meet either.
/// The process id in the names is for people; liveness is the lock's.
struct BundleNames {
    static let longestTag = 200
    static let cutLength = 190

    let base: String
    let tag: String

    init(base: String) {
        self.base = base
        guard base.utf8.count > Self.longestTag else {
            tag = base
            return
        }
        var cut = String.UnicodeScalarView()
        var bytes = 0
        for scalar in base.unicodeScalars {
            bytes += String(scalar).utf8.count
            if bytes > Self.cutLength { break }
            cut.append(scalar)
        }
        tag = String(cut) + "~" + SHA256.hex(Array(base.utf8)).prefix(16)
    }

    var temporaryPrefix: String { ".\(tag).maestro-topo-" }
    var asidePrefix: String { ".\(tag).old-" }
    var lock: String { ".\(tag).maestro-topo.lock" }

    /// Whether `name` is `<prefix><digits>-` and six letters or digits.
    /// Compared as bytes: String comparison would equate different
    /// spellings of an accented name.
    static func matches(_ name: String, prefix: String) -> Bool {
        let bytes = Array(name.utf8), start = Array(prefix.utf8)
        guard bytes.count > start.count + 7, bytes.starts(with: start) else { return false }
        let rest = bytes[start.count...]
        guard let dash = rest.firstIndex(of: UInt8(ascii: "-")) else { return false }
        let digits = rest[..<dash], suffix = rest[(dash + 1)...]
        func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
        func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        return !digits.isEmpty && digits.allSatisfy(isDigit) && suffix.count == 6 && suffix.allSatisfy(isAlphanumeric)
    }
}

extension BundleWriter {
    /// Cleans up after runs for the same DIR that were killed; called with
    /// the lock held, so no run that is still going has anything here. Only
    /// what the lock file records is touched: a folder a run made beside
    /// DIR and recorded before it put anything in it, that is still that
    /// very folder (device and inode), a real folder (never a link) of the
    /// user this run is. A bundle being written (with passwords) is
    /// removed; an earlier bundle a run had set aside is put back when DIR
    /// is missing, and removed otherwise. Anything else under such a name
    /// was not left by a run for DIR: it is left alone, and `notice` says
    /// where it is; only an empty temporary folder of this user's (a run
    /// killed between making it and recording it) is removed. A leftover
    /// of ours that cannot be removed stops the run: it may hold passwords.
    static func recoverInterrupted(
        in parent: Directory, names: BundleNames, target: String, lock: BundleLock, notice: (String) -> Void = { _ in }
    ) throws(ToolError) {
        guard let entries = try? parent.names() else { return }  // a folder we may write but not list
        for name in entries {
            guard BundleNames.matches(name, prefix: names.temporaryPrefix)
                || BundleNames.matches(name, prefix: names.asidePrefix)
            else { continue }
            let own = ownFolder(name, in: parent)
            guard let info = own, let kind = lock.kind(of: info) else {
                // A run killed between making its temporary folder and
                // recording it left that folder empty. An empty folder of
                // this user's goes; rmdir removes nothing but an empty
                // folder (not a link, not one with anything in it).
                if own != nil, BundleNames.matches(name, prefix: names.temporaryPrefix),
                   unlinkat(parent.fd, name, AT_REMOVEDIR) == 0 {
                    continue
                }
                notice("'\(parent.child(name))' is named like a folder a bundle run leaves beside '\(target)', but no run "
                    + "recorded making it, so it was left alone; if it is one, remove it by hand (it may hold passwords)")
                continue
            }
            if kind == .earlier {
                try restoreOrRemove(name, info, in: parent, names: names, target: target)
            } else {
                try removeLeftover(name, info, in: parent, target: target)
            }
            lock.forget(info)
        }
        // What is still recorded is no longer beside DIR under such a name
        // (it became DIR, or was removed by hand): nothing to recognise.
        lock.forgetAll()
    }

    /// The status of the folder `name` when it is a folder (not a link)
    /// owned by the effective user; nil for anything else.
    static func ownFolder(_ name: String, in parent: Directory) -> stat? {
        guard let folder = try? parent.folder(name), let info = try? folder.status(), info.st_uid == geteuid() else {
            return nil
        }
        return info
    }

    static func removeLeftover(_ name: String, _ info: stat, in parent: Directory, target: String) throws(ToolError) {
        do throws(RemovalFailure) { try parent.removeTree(name, expecting: info) } catch {
            throw ToolError.unwritable(
                path: target,
                reason: "'\(parent.child(name))', left beside it by an earlier run, could not be removed: "
                    + "\(error.description); it may hold passwords: remove it by hand")
        }
    }

    static func restoreOrRemove(
        _ name: String, _ info: stat, in parent: Directory, names: BundleNames, target: String
    ) throws(ToolError) {
        let current: stat?
        do throws(SystemError) { current = try parent.status(of: names.base) } catch {
            throw ToolError.unreadable(path: target, reason: error.text)  // cannot tell whether to put it back
        }
        guard current == nil else { return try removeLeftover(name, info, in: parent, target: target) }
        do throws(SystemError) { try parent.rename(name, to: names.base, replacing: false) } catch {
            throw ToolError.unwritable(
                path: target, reason: "could not put back the earlier bundle set aside in '\(parent.child(name))': \(error.text)")
        }
        // Someone who can write the parent could have put something else
        // under that name between the check and the rename.
        guard parent.holds(names.base, info) else {
            try? parent.rename(names.base, to: name, replacing: false)
            throw ToolError.refused(
                path: target, reason: "'\(parent.child(name))' was replaced while it was being put back in place")
        }
        parent.sync()
    }
}
