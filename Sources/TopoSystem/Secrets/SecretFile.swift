#if canImport(Glibc)
import Glibc
#endif
import TopoModel

/// Reads a password file exactly, or refuses it. A password file holds the
/// password on one line: a file that holds anything else (another user's
/// `/etc/shadow`, a private key, a binary) would otherwise end up in
/// ssl.ini, so it is refused before its bytes go anywhere. No refusal
/// quotes the content.
enum SecretFile {
    /// The most a password file may hold, final line break included.
    static let maxSize = 4096

    enum Refusal: Error, Equatable {
        case unreadable(String)
        case notRegular(String)
        case changed
        case tooLarge
        case byteOrderMark
        case notUTF8
        case nul
        case severalLines
        case empty

        var reason: String {
            switch self {
            case let .unreadable(reason): reason
            case let .notRegular(kind): "it is \(kind); a password file must be a regular file"
            case .changed: "it was replaced while being opened"
            case .tooLarge: "it holds more than \(SecretFile.maxSize) bytes; a password file holds the password alone, on one line"
            case .byteOrderMark: "it starts with a byte order mark; save it as UTF-8 without one"
            case .notUTF8: "it is not UTF-8 text; save the password as UTF-8"
            case .nul: "it holds a NUL byte, so it is not a text file"
            case .severalLines:
                "it holds more than one line; a password file holds the password alone, on one line (one final line break is allowed)"
            case .empty: "it is empty"
            }
        }
    }

    struct Contents {
        var password: SecretBytes
        /// The file's mode, from the file that was read (a link's target).
        var mode: mode_t
    }

    /// The password in `path`, less one final `\n` or `\r\n`. Links are
    /// followed (secret stores such as Kubernetes' mount a password as a
    /// link to a file), but what is read must be a regular file: a FIFO or
    /// device is refused before it is opened, and the opened file must be
    /// the one looked at. Read to its end, never to its reported size
    /// (which is 0 for files in /proc), and at most one byte past the limit.
    static func read(_ path: String) throws(Refusal) -> Contents {
        var seen = stat()
        guard stat(path, &seen) == 0 else { throw .unreadable(FileSystem.errorText()) }
        guard seen.st_mode & S_IFMT == S_IFREG else { throw .notRegular(kind(seen.st_mode)) }
        // Non-blocking and no controlling terminal, should the path turn
        // into a FIFO or device between stat and open; fstat then refuses it.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw .unreadable(FileSystem.errorText()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(FileSystem.errorText()) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notRegular(kind(info.st_mode)) }
        guard info.st_dev == seen.st_dev, info.st_ino == seen.st_ino else { throw .changed }

        let password = SecretBytes(capacity: maxSize + 1)
        try password.fill { (room) throws(Refusal) -> Int in
            var filled = 0
            while filled <= maxSize {
                let count = Glibc.read(fd, room.baseAddress! + filled, maxSize + 1 - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw .unreadable(FileSystem.errorText())
                }
                if count == 0 { break }
                filled += count
            }
            guard filled <= maxSize else { throw .tooLarge }
            return filled
        }
        do throws(Refusal) {
            try password.withBytes { (bytes) throws(Refusal) in
                let line = lineLength(bytes)
                switch SecretText.problem(in: UnsafeBufferPointer(rebasing: bytes[..<line])) {
                case .byteOrderMark: throw .byteOrderMark
                case .notUTF8: throw .notUTF8
                case .nul: throw .nul
                case .lineBreak: throw .severalLines
                case nil: break
                }
                if line == 0 { throw .empty }
                password.truncate(to: line)
            }
        } catch {
            password.wipe()
            throw error
        }
        return Contents(password: password, mode: info.st_mode)
    }

    /// The length of the one line `bytes` may hold, without its final
    /// `\n` or `\r\n`.
    private static func lineLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var end = bytes.count
        if end > 0, bytes[end - 1] == 0x0A {
            end -= 1
            if end > 0, bytes[end - 1] == 0x0D { end -= 1 }
        }
        return end
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "not a plain file"
        }
    }
}

/// Checks on a password's bytes before they are used: they are written
/// into ssl.ini exactly, so bytes that are not text are refused rather
/// than replaced (`String(decoding:)` would turn each into U+FFFD, and
/// ssl.ini would then hold a different password).
enum SecretText {
    enum Problem: Equatable {
        case byteOrderMark, notUTF8, nul, lineBreak
    }

    static func problem(in bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .byteOrderMark }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var broken = false
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: break decoding
            case .error:
                broken = true
                break decoding
            }
        }
        if broken { return .notUTF8 }
        if bytes.contains(0) { return .nul }
        if bytes.contains(0x0A) || bytes.contains(0x0D) { return .lineBreak }
        return nil
    }
}
