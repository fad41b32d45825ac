#if canImport(Glibc)
import Glibc
#endif
import CSystem

/// Holds off the signals that ask a process to stop (SIGINT, SIGTERM,
/// SIGHUP, SIGQUIT) while a bundle is written, so one that arrives cannot
/// end the run with a temporary folder full of passwords left behind.
/// Nothing runs inside a signal handler: the signals are blocked, the
/// writer asks `arrived()` between files (sigpending), cleans up and then
/// calls `release()`, which unblocks them; a signal still pending is
/// delivered at that moment with its usual effect, so the process ends as
/// the sender meant (exit status 128 + the signal's number in a shell).
/// SIGKILL cannot be held off; the next run cleans up after it.
struct SignalGuard {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    private var previous = sigset_t()
    /// The signals this guard blocked and that would end the process: one
    /// the caller had blocked already, or ignores (`nohup`), changes nothing.
    private var held: [Int32] = []

    static func hold() -> SignalGuard {
        var guarded = SignalGuard()
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        pthread_sigmask(SIG_BLOCK, &set, &guarded.previous)
        guarded.held = signals.filter { sigismember(&guarded.previous, $0) == 0 && maestro_signal_is_ignored($0) == 0 }
        return guarded
    }

    /// The first held signal that has arrived since `hold()`, or nil.
    func arrived() -> Int32? {
        guard !held.isEmpty else { return nil }
        var pending = sigset_t()
        guard sigpending(&pending) == 0 else { return nil }
        return held.first { sigismember(&pending, $0) == 1 }
    }

    /// Puts the signal mask back; a held signal that arrived is delivered now.
    func release() {
        var mask = previous
        pthread_sigmask(SIG_SETMASK, &mask, nil)
    }

    static func name(_ signal: Int32) -> String {
        switch signal {
        case SIGINT: "SIGINT"
        case SIGTERM: "SIGTERM"
        case SIGHUP: "SIGHUP"
        case SIGQUIT: "SIGQUIT"
        default: "signal \(signal)"
        }
    }
}
