#if canImport(Glibc)
import Glibc
#endif

/// Why no TCP connection came about. Nothing of TLS yet: these are the
/// answers of the resolver and of the network.
public enum ConnectFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The name does not resolve (getaddrinfo's message).
    case unresolved(String)
    /// ECONNREFUSED: the machine answers, nothing listens on the port.
    case refused
    /// ENETUNREACH, EHOSTUNREACH, … (strerror).
    case unreachable(String)
    /// No connection within the timeout.
    case timeout

    public var description: String {
        switch self {
        case let .unresolved(message): "the name does not resolve (\(message))"
        case .refused: "the connection is refused: nothing listens on the port"
        case let .unreachable(message): "the address cannot be reached (\(message))"
        case .timeout: "no connection within the timeout"
        }
    }
}

/// A TCP connection made the non-blocking way, so that a host that drops
/// packets costs the timeout and not the kernel's two minutes.
enum SocketConnect {
    /// A connected, non-blocking socket to `address`:`port`. The addresses
    /// the name resolves to are tried in the resolver's order within one
    /// deadline; when all fail, the last failure is the answer.
    static func connect(address: String, port: Int, timeout: Double) throws(ConnectFailure) -> Int32 {
        guard (1...65535).contains(port) else { throw .unresolved("port \(port) is out of range") }
        var host = address
        // "[::1]" as a URL writes it.
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            let message = status == EAI_SYSTEM ? String(cString: strerror(errno)) : String(cString: gai_strerror(status))
            throw .unresolved(message)
        }
        defer { freeaddrinfo(list) }
        let deadline = Deadline(seconds: timeout)
        var failure = ConnectFailure.timeout
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor?.pointee {
            cursor = entry.ai_next
            switch attempt(entry, deadline: deadline) {
            case let .success(fd): return fd
            case let .failure(reason): failure = reason
            }
            if deadline.expired { break }
        }
        throw failure
    }

    private static func attempt(_ entry: addrinfo, deadline: Deadline) -> Result<Int32, ConnectFailure> {
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let fd = socket(entry.ai_family, type, entry.ai_protocol)
        guard fd >= 0 else { return .failure(.unreachable(String(cString: strerror(errno)))) }
        if Glibc.connect(fd, entry.ai_addr, entry.ai_addrlen) == 0 { return .success(fd) }
        var error = errno
        if error == EINPROGRESS || error == EINTR {
            guard Poll.wait(fd, for: Int16(POLLOUT), until: deadline) else {
                close(fd)
                return .failure(.timeout)
            }
            var length = socklen_t(MemoryLayout<Int32>.size)
            error = 0
            if getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0 { error = errno }
            // A reset here came after the connection was made (a refusal
            // of the SYN is ECONNREFUSED): the server accepted and dropped
            // it, which the TLS step reports.
            if error == 0 || error == ECONNRESET || error == EPIPE { return .success(fd) }
        }
        close(fd)
        switch error {
        case ECONNREFUSED: return .failure(.refused)
        case ETIMEDOUT: return .failure(.timeout)
        default: return .failure(.unreachable(String(cString: strerror(error))))
        }
    }
}

/// A point in time on the monotonic clock.
struct Deadline {
    let instant: Double

    init(seconds: Double) {
        instant = Self.now() + max(0, seconds)
    }

    var remaining: Double { max(0, instant - Self.now()) }
    var expired: Bool { remaining == 0 }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

enum Poll {
    /// Whether `fd` became ready for `events` (or reports an error or a
    /// hang-up, which the next read or write then shows) before `deadline`.
    static func wait(_ fd: Int32, for events: Int16, until deadline: Deadline) -> Bool {
        while true {
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let milliseconds = Int32(min((deadline.remaining * 1000).rounded(.up), Double(Int32.max)))
            let count = poll(&entry, 1, milliseconds)
            if count > 0 { return true }
            if count == 0 { return false }
            if errno != EINTR { return true }
        }
    }
}
