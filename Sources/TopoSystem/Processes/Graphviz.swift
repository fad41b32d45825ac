#if canImport(Glibc)
import Glibc
#endif

/// Runs Graphviz's `dot -Tsvg`: DOT on its standard input, the SVG read back
/// whole, so a failing `dot` leaves nothing half-written on our output.
public enum Graphviz {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        /// `dot` is not installed (not on PATH), as opposed to failing.
        public var isMissing = false
    }

    static let missing = "--format svg needs Graphviz's 'dot'; install the 'graphviz' package "
        + "(apt-get install graphviz, brew install graphviz) or use --format dot"

    public static func svg(fromDOT dot: String) throws(Failure) -> String {
        var toChild: [Int32] = [-1, -1], fromChild: [Int32] = [-1, -1]
        guard pipe(&toChild) == 0 else { throw Failure(description: "cannot run 'dot': \(reason(errno))") }
        guard pipe(&fromChild) == 0 else {
            close(toChild[0]); close(toChild[1])
            throw Failure(description: "cannot run 'dot': \(reason(errno))")
        }
        // Our ends must not leak into the child, or it never sees end of input.
        for fd in [toChild[1], fromChild[0]] { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_addclose(&actions, toChild[0])
        posix_spawn_file_actions_addclose(&actions, fromChild[1])
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("dot"), strdup("-Tsvg"), nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "dot", &actions, nil, argv, environ)
        close(toChild[0])
        close(fromChild[1])
        guard spawned == 0 else {
            close(toChild[1]); close(fromChild[0])
            if spawned == ENOENT { throw Failure(description: missing, isMissing: true) }
            throw Failure(description: "cannot run Graphviz's 'dot': \(reason(spawned)); " + missing)
        }
        let output = exchange(Array(dot.utf8), writeTo: toChild[1], readFrom: fromChild[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7F == 0
        let code = (status >> 8) & 0xFF
        guard exited, code == 0 else {
            let how = exited ? "exit status \(code)" : "signal \(status & 0x7F)"
            throw Failure(description: "Graphviz's 'dot -Tsvg' failed (\(how)); its messages, if any, are above")
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Writes `input` and reads the output at the same time (poll), so
    /// neither side can block the other on a full pipe. Closes both ends.
    private static func exchange(_ input: [UInt8], writeTo inFD: Int32, readFrom outFD: Int32) -> [UInt8] {
        // A `dot` that exits early must not kill us with SIGPIPE: the write
        // then fails with EPIPE and the exit status tells what happened.
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        var writing = inFD, offset = 0
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        if input.isEmpty { close(writing); writing = -1 }
        while true {
            var fds = [pollfd(fd: outFD, events: Int16(POLLIN), revents: 0)]
            if writing >= 0 { fds.append(pollfd(fd: writing, events: Int16(POLLOUT), revents: 0)) }
            if poll(&fds, nfds_t(fds.count), -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            if writing >= 0, fds[1].revents != 0 {
                let count = input.withUnsafeBytes { bytes in
                    write(writing, bytes.baseAddress! + offset, min(input.count - offset, 1 << 16))
                }
                if count > 0 { offset += count }
                if offset == input.count || (count < 0 && errno != EINTR && errno != EAGAIN) {
                    close(writing)
                    writing = -1
                }
            }
            if fds[0].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(outFD, $0.baseAddress!, $0.count) }
                if count > 0 {
                    output.append(contentsOf: buffer[0..<count])
                } else if count == 0 || errno != EINTR {
                    break
                }
            }
        }
        if writing >= 0 { close(writing) }
        close(outFD)
        return output
    }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
