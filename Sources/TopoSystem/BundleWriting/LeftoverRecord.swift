#if canImport(Glibc)
import Glibc
#endif
import TopoYAML

/// A folder a run put beside DIR, as its lock file records it: the
/// folder's device and inode, which no rename changes, and what it holds.
/// The lock file reads
///
///     maestro-topo bundle lock 1
///     writing 2049 1835012
///     earlier 2049 1835007
///     end
///
/// Only a file that starts with the first line and is empty or complete
/// up to `end` is read; the lines after `end` are ignored.
struct LeftoverRecord: Equatable {
    enum Kind: String {
        /// A bundle being written: removed when left behind.
        case writing
        /// The earlier bundle, moved out of DIR's place: put back when DIR
        /// is missing, removed otherwise.
        case earlier
    }

    var kind: Kind
    var device: UInt64
    var inode: UInt64

    static let header = "maestro-topo bundle lock 1"
    /// A run records at most two folders; what the next run keeps of them
    /// is no more. Anything larger was not written by maestro-topo.
    static let maxFileSize = 64 << 10

    func identifies(_ folder: stat) -> Bool {
        device == UInt64(folder.st_dev) && inode == UInt64(folder.st_ino)
    }

    static func text(_ records: [LeftoverRecord]) -> String {
        ([header] + records.map { "\($0.kind.rawValue) \($0.device) \($0.inode)" } + ["end"])
            .joined(separator: "\n") + "\n"
    }

    /// The records in `text`; nil when it is not a lock file's text at all.
    /// A file cut short before its `end` (a full disk) records nothing that
    /// can be trusted, so nothing.
    static func parse(_ text: [UInt8]) -> [LeftoverRecord]? {
        guard !text.isEmpty else { return [] }  // made by O_CREAT, not written yet
        let lines = text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard lines.first == header else { return nil }
        var records: [LeftoverRecord] = []
        for line in lines.dropFirst() {
            if line == "end" { return records }
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 3, let kind = Kind(rawValue: String(fields[0])),
                  let device = UInt64(fields[1]), let inode = UInt64(fields[2])
            else { return [] }
            records.append(LeftoverRecord(kind: kind, device: device, inode: inode))
        }
        return []
    }

    /// The records of the open lock file `fd`, read from its start.
    static func read(_ fd: Int32) -> [LeftoverRecord]? {
        var bytes = [UInt8](repeating: 0, count: maxFileSize + 1)
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + filled, $0.count - filled, off_t(filled)) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            filled += count
        }
        guard filled <= maxFileSize else { return nil }
        return parse(Array(bytes[..<filled]))
    }
}
