import Foundation

/// Certificates in PEM text, as a `--ca-file` holds them.
public enum PEM {
    /// The DER of every `-----BEGIN CERTIFICATE-----` block of `pem`, in
    /// order. Other blocks (keys, requests) and text between blocks are
    /// passed over; a block whose base64 does not decode is left out.
    public static func derCertificates(pem: String) -> [[UInt8]] {
        var certificates: [[UInt8]] = []
        var body: String?
        for line in pem.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let line = line.trimmingCharacters(in: .whitespaces)
            if line == "-----BEGIN CERTIFICATE-----" {
                body = ""
            } else if line == "-----END CERTIFICATE-----" {
                if let text = body, let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters), !data.isEmpty {
                    certificates.append([UInt8](data))
                }
                body = nil
            } else if body != nil {
                body! += line
            }
        }
        return certificates
    }
}
