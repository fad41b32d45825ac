import Glibc

extension FileSystem {
    /// Who owns a file and who may use it, as `stat` says (links followed).
    public struct Status: Sendable, Equatable {
        /// The permission bits (`0o777` and the special bits).
        public var mode: UInt32
        public var owner: UInt32
        /// Seconds and nanoseconds of the last change of its content.
        public var modified: (seconds: Int, nanoseconds: Int)

        public static func == (a: Status, b: Status) -> Bool {
            a.mode == b.mode && a.owner == b.owner && a.modified == b.modified
        }
    }

    /// The status of `path`, or nil when it cannot be had (missing).
    public static func status(of path: String) -> Status? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Status(
            mode: UInt32(info.st_mode) & 0o7777, owner: UInt32(info.st_uid),
            modified: (Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)))
    }
}
