#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TopoYAML
import TopoModel

/// The few file-system calls the tool needs, straight on POSIX so the core
/// library does not load Foundation.
public enum FileSystem {
    public enum Kind: Equatable, Sendable {
        case regular, directory, symlink, other, missing
    }

    /// What `path` is; `followLinks: false` reports a symbolic link as such.
    public static func kind(of path: String, followLinks: Bool = true) -> Kind {
        var info = stat()
        let result = followLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// Reads a regular file, at most `limit` bytes plus one (so a caller can
    /// tell the file is too large without reading all of it).
    public static func read(_ path: String, limit: Int) throws(ToolError) -> [UInt8] {
        // `withCString` hands over the string's own bytes; passing `path`
        // itself would copy it into a new C string first.
        let fd = path.withCString { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
        guard fd >= 0 else { throw ToolError.unreadable(path: path, reason: errorText()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ToolError.unreadable(path: path, reason: errorText()) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw ToolError.unreadable(path: path, reason: "not a regular file")
        }
        let wanted = min(Int(info.st_size), limit) + 1
        // Read straight into the array's storage: no zero-filling first.
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: max(wanted, 1)) { buffer, initialized in
            var filled = 0
            while filled < wanted {
                let count = Glibc.read(fd, buffer.baseAddress! + filled, wanted - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if count == 0 { break }
                filled += count
            }
            initialized = filled
        }
        if failure != 0 { throw ToolError.unreadable(path: path, reason: String(cString: strerror(failure))) }
        return bytes
    }

    /// Names in a directory, without `.` and `..`, sorted (String order:
    /// byte order for ASCII names) so output order never depends on the
    /// file system.
    public static func entries(of path: String) throws(ToolError) -> [String] {
        try typedEntries(of: path).map(\.name)
    }

    /// Names with what each is, as the directory itself reports it (no
    /// `lstat` per entry); `.missing` where the file system does not say,
    /// and the caller asks `kind(of:)`. Sorted by name.
    public static func typedEntries(of path: String) throws(ToolError) -> [(name: String, kind: Kind)] {
        guard let dir = opendir(path) else { throw ToolError.unreadable(path: path, reason: errorText()) }
        defer { closedir(dir) }
        // The names are gathered as bytes, back to back in one buffer, and
        // ordered there: comparing bytes costs a fraction of comparing
        // Strings, and for ASCII names the order is the same.
        var text: [UInt8] = []
        var found: [(name: Range<Int>, kind: Kind)] = []
        while let entry = readdir(dir) {
            let name = nameBytes(of: entry)
            let dot = UInt8(ascii: ".")
            guard !(name.count == 1 && name[0] == dot), !(name.count == 2 && name[0] == dot && name[1] == dot) else {
                continue
            }
            let kind: Kind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .regular
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_LNK): kind = .symlink
            case Int32(DT_UNKNOWN): kind = .missing
            default: kind = .other
            }
            found.append((text.count..<(text.count + name.count), kind))
            text.append(contentsOf: name)
        }
        func named(_ entry: (name: Range<Int>, kind: Kind)) -> (name: String, kind: Kind) {
            (String(decoding: text[entry.name], as: UTF8.self), entry.kind)
        }
        guard text.allSatisfy({ $0 < 0x80 }) else {
            // Other names keep String's order, which byte order need not match.
            return found.map(named).sorted { $0.name < $1.name }
        }
        text.withUnsafeBufferPointer { text in
            guard let base = text.baseAddress else { return }  // no entries
            found.sort { a, b in
                let common = memcmp(base + a.name.lowerBound, base + b.name.lowerBound, min(a.name.count, b.name.count))
                return common != 0 ? common < 0 : a.name.count < b.name.count
            }
        }
        return found.map(named)
    }

    /// A directory entry's name as bytes, read where it lies (as
    /// `entry.name` does: the record may be cut to the name's length).
    private static func nameBytes(of entry: UnsafeMutablePointer<dirent>) -> UnsafeBufferPointer<UInt8> {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        let start = UnsafeRawPointer(entry).advanced(by: offset)
        return UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: strlen(start.assumingMemoryBound(to: CChar.self)))
    }

    public static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    public static func errorText() -> String { String(cString: strerror(errno)) }

    /// Writes `bytes` to `path` atomically: a temporary file in the same
    /// folder with the given mode, then a rename over the target.
    public static func writeAtomically(_ bytes: [UInt8], to path: String, mode: UInt32 = 0o644) throws(ToolError) {
        let temporary = path + ".tmp-\(getpid())"
        do throws(ToolError) {
            try createFile(temporary, bytes: bytes, mode: mode)
            try move(temporary, to: path)
        } catch {
            unlink(temporary)
            // Name the file the user asked for, not the temporary one.
            if case let .unwritable(_, reason) = error { throw ToolError.unwritable(path: path, reason: reason) }
            throw error
        }
    }
}
