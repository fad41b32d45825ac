import CSystem

#if canImport(Glibc)
import Glibc
#endif

/// A password's bytes in memory of their own: page-aligned, locked so the
/// pages are not swapped out (best effort: `mlock` may be refused), left
/// out of core files, and overwritten with zeros by `wipe()` and when the
/// last reference goes. Unlike a `String`, nothing copies them behind the
/// caller's back; what is made from them (the ssl.ini bytes) is the
/// caller's to wipe.
public final class SecretBytes: @unchecked Sendable {
    private let storage: UnsafeMutableRawPointer
    private let size: Int
    private let isLocked: Bool
    /// How many bytes hold the secret; the rest of the pages are zeros.
    public private(set) var count = 0

    /// Room for `capacity` bytes, all zero.
    public init(capacity: Int) {
        let page = max(Int(sysconf(Int32(_SC_PAGESIZE))), 4096)
        size = max(1, (capacity + page - 1) / page) * page
        var pointer: UnsafeMutableRawPointer?
        guard posix_memalign(&pointer, page, size) == 0, let pointer else { fatalError("out of memory") }
        storage = pointer
        memset(storage, 0, size)
        isLocked = mlock(storage, size) == 0
        _ = madvise(storage, size, MADV_DONTDUMP)
    }

    /// A copy of `bytes` (a literal from the topology, the placeholder).
    public convenience init(copying bytes: some Collection<UInt8>) {
        self.init(capacity: bytes.count)
        for (index, byte) in bytes.enumerated() { storage.storeBytes(of: byte, toByteOffset: index, as: UInt8.self) }
        count = bytes.count
    }

    deinit {
        wipe()
        if isLocked { munlock(storage, size) }
        free(storage)
    }

    /// Fills the buffer from `fill`, which gets the whole room and returns
    /// how many bytes it wrote (or throws, leaving nothing behind).
    public func fill<E: Error>(_ fill: (UnsafeMutableRawBufferPointer) throws(E) -> Int) throws(E) {
        do throws(E) {
            count = try fill(UnsafeMutableRawBufferPointer(start: storage, count: size))
        } catch {
            wipe()
            throw error
        }
    }

    /// Keeps the first `newCount` bytes and zeros the rest (a final line
    /// break that belongs to the file, not to the password).
    public func truncate(to newCount: Int) {
        guard newCount < count else { return }
        maestro_wipe(storage + newCount, count - newCount)
        count = newCount
    }

    public func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try body(UnsafeBufferPointer(start: storage.assumingMemoryBound(to: UInt8.self), count: count))
    }

    /// Overwrites the secret with zeros; the buffer then holds nothing.
    public func wipe() {
        maestro_wipe(storage, size)
        count = 0
    }

    /// A `String` of the bytes: a copy that cannot be wiped, for tests and
    /// for nothing that keeps it.
    public var string: String { withBytes { String(decoding: $0, as: UTF8.self) } }
}

/// The process-wide part of keeping passwords out of reach while `bundle`
/// holds them.
public enum SecretMemory {
    /// Switches core dumps off for good: `RLIMIT_CORE` 0 (soft and hard
    /// limit) and `PR_SET_DUMPABLE` 0, which also keeps other processes of
    /// the same user from attaching with ptrace or reading /proc/PID/mem.
    /// Called before any password is read (two system calls, so calling it
    /// again costs nothing). The result says which of the two took effect.
    @discardableResult
    public static func protectProcess() -> (coreLimit: Bool, undumpable: Bool) {
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        let limited = setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &none) == 0
        return (limited, maestro_set_dumpable(0) == 0)
    }

    /// Overwrites `bytes` with zeros through a call the optimiser cannot drop.
    public static func wipe(_ bytes: UnsafeMutableRawBufferPointer) {
        maestro_wipe(bytes.baseAddress, bytes.count)
    }

    /// Whether the kernel would write a core file for this process now.
    public static var isDumpable: Bool { maestro_dumpable() == 1 }

    /// Makes the process dumpable again (tests only: the process that
    /// checked `protectProcess` goes on running other tests).
    public static func allowDumpsForTests() { _ = maestro_set_dumpable(1) }
}
