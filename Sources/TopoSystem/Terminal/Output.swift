#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import TopoModel
import TopoRender

/// Standard output takes machine output alone; everything else goes to
/// standard error.
///
/// A write that fails (a full disk, `> /dev/full`, a closed terminal) ends
/// the run with exit 2, whatever the command would have returned: output
/// cut short must not pass for output complete. The failure is sticky:
/// nothing more goes to that stream (a later write that fits would leave
/// a gap in the middle), and at exit, after the command has finished (so a
/// failed standard error does not stop a complete standard output), an
/// `atexit` handler says what failed on standard error, when that still
/// works, and exits 2 instead. The handler is installed by the first write,
/// so every way out of `main` (a return, `exit(code)`) passes through it.
public enum Output {
    public static func out(_ text: String) { write(text, to: 1) }

    public static func write(fd: Int32, _ text: String) { write(text, to: fd) }

    public static func err(_ text: String) { write(text, to: 2) }

    /// Per stream (1, 2): 0 while every write worked, else the errno of the
    /// first that did not. Atomic: `validate` emits from worker threads.
    private static let outFailure = Atomic<Int32>(0), errFailure = Atomic<Int32>(0)
    private static let wroteOut = Atomic<Bool>(false)
    private static let installed = Atomic<Bool>(false)

    private static func failure(_ fd: Int32) -> Int32 {
        fd == 2 ? errFailure.load(ordering: .acquiring) : outFailure.load(ordering: .acquiring)
    }

    private static func fail(_ fd: Int32, _ code: Int32) {
        if fd == 2 {
            _ = errFailure.compareExchange(expected: 0, desired: code, ordering: .acquiringAndReleasing)
        } else {
            _ = outFailure.compareExchange(expected: 0, desired: code, ordering: .acquiringAndReleasing)
        }
    }

    /// Whole strings straight to the descriptor, so the two streams never
    /// interleave mid-line and nothing waits in a buffer at exit.
    private static func write(_ text: String, to fd: Int32) {
        if !installed.exchange(true, ordering: .acquiringAndReleasing) { atexit { Output.finish() } }
        if fd != 2 { wroteOut.store(true, ordering: .releasing) }
        guard failure(fd) == 0 else { return }
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let count = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN {  // a non-blocking descriptor from the caller: wait until it takes more
                        var ready = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                        if poll(&ready, 1, -1) >= 0 || errno == EINTR { continue }
                    }
                    return fail(fd, errno)
                }
                if count == 0 { return fail(fd, EIO) }  // nothing taken: no progress is possible
                offset += count  // a short write: the rest is tried, and its failure kept
            }
        }
    }

    /// Runs at exit. Closing standard output reports what a file system
    /// reports only then (NFS: a write-back that failed).
    private static func finish() {
        if wroteOut.load(ordering: .acquiring), failure(1) == 0, close(1) != 0, errno != EINTR { fail(1, errno) }
        let out = failure(1), err = failure(2)
        guard out != 0 || err != 0 else { return }
        if out != 0, err == 0 {
            error("cannot write standard output: \(String(cString: strerror(out))); the output is incomplete")
        }
        // Standard error itself failed: nothing left to say it on, but the
        // exit status still tells.
        _exit(2)
    }

    /// A tool error (exit 2), coloured like any other finding. It may come
    /// before or instead of argument parsing, so `--no-color` is looked for
    /// in the raw arguments.
    public static func error(_ message: String) {
        let style = TextStyle.forStream(2, noColorFlag: CommandLine.arguments.contains("--no-color"))
        err("maestro-topo: \(style.severity(.error)): \(message)\n")
    }
}

/// Collects output and writes it in large pieces: one write per file would
/// cost a system call each in a run over thousands of files.
public struct OutputBuffer {
    public let fd: Int32
    private var pending = ""

    public init(fd: Int32) { self.fd = fd }

    public mutating func append(_ text: String) {
        pending += text
        if pending.utf8.count >= 1 << 16 { flush() }
    }

    public mutating func flush() {
        guard !pending.isEmpty else { return }
        Output.write(fd: fd, pending)
        pending = ""
    }
}
