
#if canImport(Glibc)
import Glibc
#endif

/// `checking 1200/10000 files` on standard error, redrawn in place while a
/// long `validate` (or `writing …` while a large `bundle`) runs on a
/// terminal. Never shown when standard error is
/// not a terminal (CI logs, pipes), with `--quiet`, or for a few files.
/// Findings printed to standard error first clear the line, so the two
/// never mix.
public struct ProgressLine {
    /// Fewer files than this finish before a progress line could help.
    static let minimumFiles = 20
    /// Redraws at most this often, in nanoseconds.
    static let interval: UInt64 = 100_000_000

    let total: Int
    let active: Bool
    /// What is being done to the files: "checking", "writing".
    let verb: String
    /// Whether the report itself goes to standard error too.
    let sharesStream: Bool
    private var shown = false
    private var lastDraw: UInt64 = 0

    public init(
        total: Int, enabled: Bool, sharesStream: Bool, verb: String = "checking", terminal: Bool = FileSystem.isTerminal(2)
    ) {
        self.total = total
        self.verb = verb
        self.sharesStream = sharesStream
        active = enabled && terminal && total >= Self.minimumFiles
    }

    /// Takes the line away before report text is added for standard error
    /// (which `advance` wrote out before drawing the line).
    public mutating func clear() {
        guard shown, sharesStream else { return }
        Output.err("\r\u{1B}[K")
        shown = false
    }

    /// Redraws after a file, when enough time has passed. Report text still
    /// waiting for standard error is written first, above the line.
    public mutating func advance(done: Int, flushing buffer: inout OutputBuffer) {
        guard active else { return }
        let now = Self.now()
        guard lastDraw == 0 || now - lastDraw >= Self.interval || done == total else { return }
        lastDraw = now
        if sharesStream { buffer.flush() }
        Output.err("\r\u{1B}[K\(verb) \(done)/\(total) files")
        shown = true
    }

    /// Removes the line at the end, before the summary.
    public mutating func finish(flushing buffer: inout OutputBuffer) {
        guard shown else { return }
        if sharesStream { buffer.flush() }
        Output.err("\r\u{1B}[K")
        shown = false
    }

    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
