internal import COpenSSL

/// The errors OpenSSL queued for a failed call. The queue is per-thread
/// and keeps growing until emptied, so reading it empties it.
struct OpenSSLError {
    var codes: [UInt]

    /// Takes everything off this thread's queue, oldest first.
    static func take() -> OpenSSLError {
        var codes: [UInt] = []
        while case let code = ERR_get_error(), code != 0 { codes.append(code) }
        return OpenSSLError(codes: codes)
    }

    /// `context`, followed by OpenSSL's reason for the first error, when
    /// it gave one ("its contents cannot be read: wrong tag").
    func reason(_ context: String) -> String {
        guard let code = codes.first, let text = ERR_reason_error_string(code) else { return context }
        return "\(context): \(String(cString: text))"
    }

    /// Whether a decryption failed on its padding, which is what a wrong
    /// password looks like to a block cipher.
    var isBadDecrypt: Bool {
        codes.contains { ERR_GET_LIB($0) == ERR_LIB_EVP && ERR_GET_REASON($0) == EVP_R_BAD_DECRYPT }
    }
}
