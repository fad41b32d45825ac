import Foundation
import X509

/// The first thing wrong with a chain the verifier refused, found by
/// walking it the way a person would: from the leaf, issuer by issuer, to
/// the given CA; then each certificate's validity; then whether each
/// issuer may issue. Each step names the certificate it is about
/// (`ChainCheck` writes out any control character of a name).
struct ChainDiagnosis {
    var chain: [Certificate]
    var anchor: Certificate
    var time: Date

    /// Names from RFC5280Policy's list of critical extensions it handles;
    /// any other critical extension makes the verifier refuse the chain.
    static let handledCritical: Set<String> = ["2.5.29.19", "2.5.29.30", "2.5.29.15"]

    func reason() -> String? {
        for certificate in chain + [anchor] {
            for ext in certificate.extensions where ext.critical && !Self.handledCritical.contains("\(ext.oid)") {
                return "'\(certificate.subject)' has a critical extension (\(ext.oid)) the verifier does not know"
            }
        }
        let path: [Certificate]
        switch walk() {
        case let .success(found): path = found
        case let .failure(broken): return broken.text
        }
        for certificate in path {
            if time > certificate.notValidAfter {
                return "'\(certificate.subject)' expired on \(Self.day(certificate.notValidAfter))"
            }
            if time < certificate.notValidBefore {
                return "'\(certificate.subject)' is not valid before \(Self.day(certificate.notValidBefore))"
            }
        }
        for (issued, issuer) in zip(path, path.dropFirst()) where issuer.version != .v1 && issued != issuer {
            guard case .isCertificateAuthority = try? issuer.extensions.basicConstraints else {
                return "'\(issuer.subject)' signed '\(issued.subject)' but is no CA (its basicConstraints lack CA:TRUE)"
            }
        }
        return nil
    }

    struct Broken: Error {
        var text: String
    }

    /// The path from the leaf to the anchor through the chain's own
    /// certificates, or where it breaks.
    func walk() -> Result<[Certificate], Broken> {
        var path = [chain[0]]
        while let tip = path.last {
            if tip == anchor { return .success(path) }
            if tip.issuer == anchor.subject {
                guard anchor.publicKey.isValidSignature(tip.signature, for: tip) else {
                    return .failure(Broken(text:
                        "'\(tip.subject)' names the given CA '\(anchor.subject)' as its issuer, but was not signed with its key (another CA of the same name?)"))
                }
                return .success(path + [anchor])
            }
            let named = chain.filter { $0.subject == tip.issuer && !path.contains($0) }
            if let issuer = named.first(where: { $0.publicKey.isValidSignature(tip.signature, for: tip) }) {
                path.append(issuer)
                continue
            }
            if !named.isEmpty {
                return .failure(Broken(text: "'\(tip.subject)' was not signed with the key of '\(tip.issuer)' in the chain"))
            }
            if tip.subject == tip.issuer {
                return .failure(Broken(text: "the chain ends at '\(tip.subject)', not at the given CA '\(anchor.subject)'"))
            }
            if path.count == 1 {
                return .failure(Broken(text: "signed by '\(tip.issuer)', not by the given CA '\(anchor.subject)'"))
            }
            return .failure(Broken(text:
                "no path to the given CA '\(anchor.subject)': '\(tip.subject)' is signed by '\(tip.issuer)', which the chain does not hold"))
        }
        return .success(path)
    }

    /// "2026-01-01" (UTC).
    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
