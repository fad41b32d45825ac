internal import COpenSSL

/// One probe's state, written by OpenSSL's callbacks as the handshake goes
/// on. The callbacks are C functions and capture nothing: they find this
/// object through their argument, the SSL object's ex_data or the BIO's
/// data, all of which point here for the length of one probe.
final class ProbeConnection {
    let fd: Int32
    /// Whether the server's first answer has been judged TLS; until then
    /// the BIO gives OpenSSL nothing to read.
    var answerSeen = false
    /// errno of the last failed send or recv (SSL_ERROR_SYSCALL's cause).
    var socketError: Int32 = 0
    /// DER, leaf first, as the server sent it.
    var chain: [[UInt8]] = []
    /// A ServerHello arrived: from then on OpenSSL's version is the
    /// server's choice, before it only our own highest.
    var serverHelloSeen = false
    /// The server sent a CertificateRequest.
    var certificateRequested = false
    /// The description of the first alert from the server other than
    /// close_notify or user_canceled.
    var alert: Int32?
    /// A TLS 1.3 NewSessionTicket arrived: with client authentication the
    /// server sends it only after it has checked our certificate.
    var ticketArrived = false

    init(fd: Int32) {
        self.fd = fd
    }

    var pointer: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> ProbeConnection? {
        pointer.map { Unmanaged<ProbeConnection>.fromOpaque($0).takeUnretainedValue() }
    }

    /// The ex_data slot of an SSL object that holds the connection.
    static let slot: Int32 = CRYPTO_get_ex_new_index(CRYPTO_EX_INDEX_SSL, 0, nil, nil, nil, nil)

    static func of(_ ssl: OpaquePointer?) -> ProbeConnection? {
        from(SSL_get_ex_data(ssl, slot))
    }

    /// A context for this probe alone: TLS 1.2 and up, no verification
    /// by OpenSSL, every callback pointing here.
    func makeContext() -> OpaquePointer? {
        guard let context = SSL_CTX_new(TLS_client_method()) else { return nil }
        _ = SSL_CTX_ctrl(context, SSL_CTRL_SET_MIN_PROTO_VERSION, Int(TLS1_2_VERSION), nil)
        // The probe protects nothing (it sends no data) and must get as far
        // as the server lets it: a weak key or an old signature algorithm is
        // for the caller to report, not a reason to stop before the chain.
        SSL_CTX_set_security_level(context, 0)
        // Replaces OpenSSL's chain verification: keep the chain as sent, and
        // go on whatever it is. Called whatever the verify mode.
        SSL_CTX_set_cert_verify_callback(context, { store, argument in
            ProbeConnection.from(argument)?.record(X509_STORE_CTX_get0_untrusted(store))
            return 1
        }, pointer)
        // Called on a client only when the server asks for a certificate.
        SSL_CTX_set_cert_cb(context, { _, argument in
            ProbeConnection.from(argument)?.certificateRequested = true
            return 1
        }, pointer)
        SSL_CTX_set_info_callback(context) { ssl, event, value in
            guard event & SSL_CB_READ_ALERT == SSL_CB_READ_ALERT, let connection = ProbeConnection.of(ssl) else { return }
            let description = value & 0xFF
            if connection.alert == nil, description != SSL_AD_CLOSE_NOTIFY, description != SSL_AD_USER_CANCELLED {
                connection.alert = description
            }
        }
        SSL_CTX_set_msg_callback(context) { written, _, contentType, buffer, length, ssl, _ in
            guard written == 0, contentType == SSL3_RT_HANDSHAKE, length > 0,
                buffer?.load(as: UInt8.self) == UInt8(SSL3_MT_SERVER_HELLO)
            else { return }
            ProbeConnection.of(ssl)?.serverHelloSeen = true
        }
        // A session callback needs the client cache on; nothing is stored.
        _ = SSL_CTX_ctrl(
            context, SSL_CTRL_SET_SESS_CACHE_MODE, Int(SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_NO_INTERNAL_STORE), nil)
        SSL_CTX_sess_set_new_cb(context) { ssl, _ in
            ProbeConnection.of(ssl)?.ticketArrived = true
            return 0
        }
        return context
    }

    /// The version the server chose, as OpenSSL names it ("TLSv1.3"), or
    /// "unknown" when it broke off before choosing one.
    func version(_ ssl: OpaquePointer) -> String {
        serverHelloSeen ? String(cString: SSL_get_version(ssl)) : "unknown"
    }

    /// The chain as the server sent it, the first time it is seen.
    func record(_ stack: OpaquePointer?) {
        guard chain.isEmpty, let stack else { return }
        for index in 0..<OPENSSL_sk_num(stack) {
            guard let x509 = OPENSSL_sk_value(stack, index), let der = PKCS12.derBytes(OpaquePointer(x509)) else { continue }
            chain.append(der)
        }
    }

    /// An alert as words: OpenSSL's, and for the TLS 1.3 alerts OpenSSL
    /// 3.0 has no words for, ours.
    static func alertText(_ description: Int32) -> String {
        switch description {
        case SSL_AD_MISSING_EXTENSION: return "missing extension"
        case SSL_AD_CERTIFICATE_REQUIRED: return "certificate required"
        case SSL_AD_NO_APPLICATION_PROTOCOL: return "no application protocol"
        default:
            let text = String(cString: SSL_alert_desc_string_long(description))
            return text == "unknown" ? "alert \(description)" : text
        }
    }
}
