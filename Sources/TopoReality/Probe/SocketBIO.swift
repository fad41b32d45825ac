internal import COpenSSL
#if canImport(Glibc)
import Glibc
#endif

/// OpenSSL's I/O over our socket. OpenSSL's own socket BIO writes with
/// `write`, and a write to a connection the server has already reset
/// raises SIGPIPE, which ends the process; `send` with MSG_NOSIGNAL
/// returns EPIPE instead. Ignoring SIGPIPE process-wide is no way out for
/// a library whose probes run on many threads. The BIO also keeps the
/// errno of a failed call, which OpenSSL's SSL_ERROR_SYSCALL leaves to
/// the caller to find.
enum SocketBIO {
    /// Made once; a BIO_METHOD is not changed after it is set up, so all
    /// threads share it.
    private struct Method: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    private static let method: Method = {
        let method = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "maestro-topo socket")!
        _ = BIO_meth_set_write(method) { bio, data, length in
            SocketBIO.transfer(bio, flag: BIO_FLAGS_WRITE) { connection in
                send(connection.fd, data, Int(length), Int32(MSG_NOSIGNAL))
            }
        }
        _ = BIO_meth_set_read(method) { bio, data, length in
            SocketBIO.transfer(bio, flag: BIO_FLAGS_READ) { connection in
                // Until the first answer is judged, OpenSSL is told to
                // wait: else it could read an answer that came quickly,
                // and fail on it, before we see what it is.
                guard connection.answerSeen else {
                    errno = EAGAIN
                    return -1
                }
                return recv(connection.fd, data, Int(length), 0)
            }
        }
        // OpenSSL flushes after each flight and takes 0 for "try again".
        _ = BIO_meth_set_ctrl(method) { _, command, _, _ in command == BIO_CTRL_FLUSH ? 1 : 0 }
        _ = BIO_meth_set_create(method) { bio in
            BIO_set_init(bio, 1)
            return 1
        }
        return Method(pointer: method)
    }()

    /// A BIO over the connection's socket; the connection outlives it.
    static func make(for connection: ProbeConnection) -> OpaquePointer? {
        guard let bio = BIO_new(method.pointer) else { return nil }
        BIO_set_data(bio, Unmanaged.passUnretained(connection).toOpaque())
        return bio
    }

    /// One read or write: a count, 0 at the end of the stream, or -1 with
    /// the retry flag set when the socket is not ready (non-blocking).
    private static func transfer(_ bio: OpaquePointer?, flag: Int32, _ call: (ProbeConnection) -> Int) -> Int32 {
        BIO_clear_flags(bio, BIO_FLAGS_READ | BIO_FLAGS_WRITE | BIO_FLAGS_IO_SPECIAL | BIO_FLAGS_SHOULD_RETRY)
        guard let data = BIO_get_data(bio) else { return -1 }
        let connection = Unmanaged<ProbeConnection>.fromOpaque(data).takeUnretainedValue()
        let count = call(connection)
        if count >= 0 { return Int32(count) }
        let error = errno
        if error == EAGAIN || error == EWOULDBLOCK || error == EINTR {
            BIO_set_flags(bio, flag | BIO_FLAGS_SHOULD_RETRY)
        } else {
            connection.socketError = error
        }
        return -1
    }
}
