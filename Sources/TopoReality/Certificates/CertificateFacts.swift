import Foundation
import TopoSource
import X509

/// What `verify` reports about one certificate, read from its DER with
/// swift-certificates: the names it is issued to, who issued it, when it
/// is valid, and whether it may sign others. Reading never crashes on
/// garbage; it throws with what is wrong.
public struct CertificateFacts: Sendable {
    /// The subject's common name (the last CN, the most specific one, as
    /// Java's host name check takes it).
    public var subjectCommonName: String?
    /// RFC 4514 text for messages, e.g. "CN=hub.example.com,O=Example",
    /// control characters written out (a name is the issuer's to choose).
    public var subject: String
    public var issuer: String
    public var issuerCommonName: String?
    /// The subjectAltName dNSName entries, in the certificate's order.
    public var dnsNames: [String]
    public var notBefore: Date
    public var notAfter: Date
    /// basicConstraints CA:TRUE.
    public var isCA: Bool
    /// Subject and issuer are the same name (a root, or a certificate
    /// that signed itself).
    public var selfSigned: Bool

    /// Why a certificate cannot be read.
    public struct Unreadable: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    public init(der: [UInt8]) throws(Unreadable) {
        let certificate = try Self.certificate(der)
        subject = Self.text(certificate.subject)
        issuer = Self.text(certificate.issuer)
        subjectCommonName = Self.commonName(certificate.subject)
        issuerCommonName = Self.commonName(certificate.issuer)
        notBefore = certificate.notValidBefore
        notAfter = certificate.notValidAfter
        selfSigned = certificate.subject == certificate.issuer
        do {
            dnsNames = try certificate.extensions.subjectAlternativeNames?.compactMap { name -> String? in
                if case let .dnsName(dns) = name { return dns }
                return nil
            } ?? []
        } catch {
            throw Unreadable(description: "its subjectAltName extension cannot be read (\(error))")
        }
        do {
            if case .isCertificateAuthority = try certificate.extensions.basicConstraints { isCA = true } else { isCA = false }
        } catch {
            throw Unreadable(description: "its basicConstraints extension cannot be read (\(error))")
        }
    }

    /// Whether `host` is what this certificate names: its CN or one of its
    /// DNS names, compared case-insensitively with a trailing dot ignored.
    /// A DNS name `*.example.com` stands for one whole left-most label
    /// (`hub.example.com`, not `example.com` or `a.b.example.com`), the
    /// one wildcard form Java's host name check accepts.
    public func names(_ host: String) -> Bool {
        let wanted = Self.normalized(host)
        guard !wanted.isEmpty else { return false }
        let candidates = dnsNames + (subjectCommonName.map { [$0] } ?? [])
        return candidates.contains { name in
            let name = Self.normalized(name)
            if name == wanted { return true }
            guard name.hasPrefix("*."), let dot = wanted.firstIndex(of: ".") else { return false }
            let label = wanted[..<dot]
            return !label.isEmpty && wanted[dot...] == name.dropFirst()
        }
    }

    /// A name as message text: RFC 4514, on one line.
    static func text(_ name: DistinguishedName) -> String {
        String(describing: name).withVisibleControls
    }

    static func normalized(_ name: String) -> String {
        let lower = name.lowercased()
        return lower.hasSuffix(".") ? String(lower.dropLast()) : lower
    }

    /// The parsed certificate, or why not.
    static func certificate(_ der: [UInt8]) throws(Unreadable) -> Certificate {
        guard !der.isEmpty else { throw Unreadable(description: "the certificate is empty") }
        do {
            return try Certificate(derEncoded: der)
        } catch {
            throw Unreadable(description: "not an X.509 certificate in DER form (\(error))")
        }
    }

    /// The last common name of `name`: RFC 4514 text lists the most
    /// specific part first, the DER holds it last.
    static func commonName(_ name: DistinguishedName) -> String? {
        var found: String?
        for part in name {
            for attribute in part where attribute.type == .RDNAttributeType.commonName {
                found = String(attribute.value) ?? String(describing: attribute.value)
            }
        }
        return found
    }
}
