import Foundation
import TopoCheck

/// A server certificate chain judged against the plan, the same way by
/// `verify` (the chain in the keystore) and `probe` (the chain a server
/// sends): the name, each certificate's validity, the expiry window, the
/// root against the planned CA's name and, when given, against the CA's
/// own certificate. Each outcome says which rule it belongs to.
enum CertificateJudgement {
    struct Outcome {
        var rule: any Rule.Type
        var passed: Bool
        var message: String
        var notes: [String]
    }

    static func list(_ names: [String]) -> String {
        names.map { "'\($0.withVisibleControls)'" }.joined(separator: ", ")
    }

    static func judge(
        chain: [[UInt8]], name: String, ca: String, caCertificates: [[UInt8]], now: Date, expiryWarningDays: Int
    ) -> [Outcome] {
        var out: [Outcome] = []
        func ok(_ rule: any Rule.Type, _ message: String) { out.append(Outcome(rule: rule, passed: true, message: message, notes: [])) }
        func failed(_ rule: any Rule.Type, _ message: String, notes: [String] = []) {
            out.append(Outcome(rule: rule, passed: false, message: message, notes: notes))
        }
        let facts: [CertificateFacts]
        do {
            facts = try chain.map { try CertificateFacts(der: $0) }
        } catch {
            failed(CertificateName.self, "the server certificate cannot be read: \(error)")
            return out
        }
        guard let own = facts.first else {
            failed(CertificateName.self, "no server certificate was found")
            return out
        }
        if own.names(name) {
            ok(CertificateName.self, "\(own.subject) names '\(name)'")
        } else {
            let sans = own.dnsNames.isEmpty ? "no DNS names" : "DNS names \(list(own.dnsNames))"
            failed(
                CertificateName.self, "the certificate is issued to '\(own.subject)' with \(sans), not to '\(name)'",
                notes: ["the partners check the certificate against the name they connect to; request one with CN=\(name)"])
        }

        // Validity of every certificate in the chain, and the leaf's expiry.
        var valid = true
        for certificate in facts {
            if now < certificate.notBefore {
                valid = false
                failed(CertificateValidity.self,
                              "'\(certificate.subject)' is not valid before \(VerifyRun.day(certificate.notBefore))", notes: ["check the clocks of the CA and of this server"])
            } else if now > certificate.notAfter {
                valid = false
                failed(CertificateValidity.self, "'\(certificate.subject)' expired on \(VerifyRun.day(certificate.notAfter))", notes: ["request and install a new certificate before the restart"])
            }
        }
        if valid {
            ok(CertificateValidity.self, "valid until \(VerifyRun.day(own.notAfter))")
            let left = own.notAfter.timeIntervalSince(now) / 86_400
            if left < Double(expiryWarningDays) {
                failed(
                    CertificateExpiring.self,
                    "the server certificate expires on \(VerifyRun.day(own.notAfter)), in \(Int(left.rounded(.down))) days", notes: ["renew it before then: every partner refuses this server once it has expired"])
            } else {
                ok(CertificateExpiring.self, "more than \(expiryWarningDays) days left")
            }
        }

        // The chain's root: by name against the plan, by signature against --ca-file.
        let top = facts[facts.count - 1]
        let rootName = top.selfSigned ? top.subjectCommonName : top.issuerCommonName
        var chainOK = true
        if !ca.isEmpty, rootName != ca {
            chainOK = false
            failed(
                CertificateChain.self,
                "the certificate chain ends at '\(top.selfSigned ? top.subject : top.issuer)', not at the planned CA '\(ca)'",
                notes: ["the partners trust the planned CA; have the certificate signed by it"])
        }
        if !caCertificates.isEmpty {
            // Validity is reported above: an expired chain is verified at a
            // time all of it was valid, so its signatures are still judged.
            let time = valid ? now : facts.map(\.notBefore).max()!
            let reasons = caCertificates.map { ChainCheck.verify(chain: chain, root: $0, at: time) }
            if !reasons.contains(where: { $0 == nil }), let reason = reasons.compactMap({ $0 }).first {
                chainOK = false
                failed(CertificateChain.self, "the chain does not verify against --ca-file: \(reason)")
            }
        }
        if chainOK {
            ok(CertificateChain.self, caCertificates.isEmpty
                      ? "the chain ends at '\(rootName ?? top.issuer)'"
                      : "the chain verifies against --ca-file")
        }
        return out
    }
}
