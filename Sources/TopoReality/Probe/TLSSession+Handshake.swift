internal import COpenSSL
#if canImport(Glibc)
import Glibc
#endif

extension TLSSession {
    enum Handshake {
        case done
        /// The port does not speak TLS; why we think so.
        case plain(String)
        /// TLS, but the handshake broke; why.
        case failed(String)
    }

    /// `SSL_connect` on the non-blocking socket, waiting with poll. The
    /// first answer decides TLS or plain before OpenSSL reads it.
    static func handshake(_ ssl: OpaquePointer, _ connection: ProbeConnection, timeout: Double) -> Handshake {
        let overall = Deadline(seconds: 3 * timeout)
        while true {
            let status = SSL_connect(ssl)
            if status == 1 { return .done }
            let error = SSL_get_error(ssl, status)
            switch error {
            case SSL_ERROR_WANT_READ where !connection.answerSeen:
                if let plain = firstAnswer(connection.fd, timeout: timeout) { return .plain(plain) }
                connection.answerSeen = true
            case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
                let reading = error == SSL_ERROR_WANT_READ
                let deadline = overall.remaining < timeout ? overall : Deadline(seconds: timeout)
                guard Poll.wait(connection.fd, for: Int16(reading ? POLLIN : POLLOUT), until: deadline) else {
                    let waited = TLSClient.seconds(timeout)
                    return .failed(reading
                        ? "the server sent no more of the handshake within \(waited)"
                        : "the server took no more of the handshake within \(waited)")
                }
            case SSL_ERROR_SYSCALL where !connection.answerSeen && [EPIPE, ECONNRESET].contains(connection.socketError):
                return .plain("reset the connection on a TLS ClientHello")
            default:
                return .failed(failure(error, connection))
            }
        }
    }

    /// What the server's first bytes say, without taking them: nil when
    /// they start a TLS record (a handshake message or an alert, version
    /// 3.x), else why the port is taken for plain text.
    static func firstAnswer(_ fd: Int32, timeout: Double) -> String? {
        guard Poll.wait(fd, for: Int16(POLLIN), until: Deadline(seconds: timeout)) else {
            return "sent no answer to a TLS ClientHello within \(TLSClient.seconds(timeout))"
        }
        var bytes = [UInt8](repeating: 0, count: 5)
        var count: Int
        repeat { count = recv(fd, &bytes, bytes.count, Int32(MSG_PEEK)) } while count < 0 && errno == EINTR
        if count == 0 { return "closed the connection on a TLS ClientHello" }
        if count < 0 {
            // Anything else shows again when OpenSSL reads.
            return errno == ECONNRESET ? "reset the connection on a TLS ClientHello" : nil
        }
        if bytes[0] == 0x16 || bytes[0] == 0x15, count < 2 || bytes[1] == 0x03 { return nil }
        let hex = bytes[0..<count].map { ($0 < 0x10 ? "0" : "") + String($0, radix: 16) }.joined()
        return "answered with bytes that are no TLS record (0x\(hex))"
    }

    enum Aftermath {
        /// The server sent this alert: it refused the connection.
        case alert(Int32)
        /// A session ticket or data: the server went on after our Finished.
        case acknowledged
        /// Nothing within the grace period.
        case silent
        /// The server ended the connection without an alert.
        case closed(String)
    }

    /// Reads for `grace` seconds after a TLS 1.3 handshake, for the
    /// server's verdict on our certificate. Sends nothing.
    static func aftermath(_ ssl: OpaquePointer, _ connection: ProbeConnection, grace: Double) -> Aftermath {
        let deadline = Deadline(seconds: grace)
        var byte: UInt8 = 0
        while true {
            let status = SSL_read(ssl, &byte, 1)
            if let alert = connection.alert { return .alert(alert) }
            if status > 0 || connection.ticketArrived { return .acknowledged }
            switch SSL_get_error(ssl, status) {
            case SSL_ERROR_WANT_READ:
                guard Poll.wait(connection.fd, for: Int16(POLLIN), until: deadline) else { return .silent }
            case SSL_ERROR_WANT_WRITE:
                guard Poll.wait(connection.fd, for: Int16(POLLOUT), until: deadline) else { return .silent }
            case SSL_ERROR_ZERO_RETURN:
                return .closed("the server closed the connection (close_notify) right after the handshake")
            case let error:
                return .closed(failure(error, connection) + ", right after the handshake")
            }
        }
    }

    /// Why a handshake or a read failed, as short words.
    static func failure(_ error: Int32, _ connection: ProbeConnection) -> String {
        if let alert = connection.alert {
            let text = ProbeConnection.alertText(alert)
            if alert == SSL_AD_PROTOCOL_VERSION { return "the server offers no TLS version from 1.2 up (alert '\(text)')" }
            return "the server sent the alert '\(text)'"
        }
        let queued = OpenSSLError.take()
        switch error {
        case SSL_ERROR_ZERO_RETURN:
            return "the server closed the connection (close_notify)"
        case SSL_ERROR_SYSCALL where connection.socketError != 0:
            return "the connection broke (\(String(cString: strerror(connection.socketError))))"
        case SSL_ERROR_SYSCALL:
            return "the server closed the connection"
        default:
            let reasons = queued.codes.map { ERR_GET_REASON($0) }
            if reasons.contains(SSL_R_UNEXPECTED_EOF_WHILE_READING) { return "the server closed the connection" }
            if reasons.contains(SSL_R_UNSUPPORTED_PROTOCOL) || reasons.contains(SSL_R_WRONG_VERSION_NUMBER) {
                return queued.reason("the server offers no TLS version from 1.2 up")
            }
            return queued.reason("the handshake failed")
        }
    }
}
