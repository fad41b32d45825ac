import Dispatch
import Foundation
import TopoSource
@_spi(FixedExpiryValidationTime) import X509

/// Whether a certificate chain verifies against a given CA, and if not,
/// why, in words a person fixing it can act on.
///
/// swift-certificates' `Verifier` with the RFC 5280 policy decides (path
/// building, signatures, validity at a fixed time, basic constraints);
/// when it refuses, `ChainCheck` walks the chain itself to name the first
/// thing that is wrong, because the verifier's own reasons are written
/// for developers ("RFC5280Policy: Certificate … has expired").
public enum ChainCheck {
    /// Verifies `chain` (leaf first, DER) against `root` (DER of a CA
    /// certificate) at `time`: signatures, validity and basic constraints.
    /// Returns nil when it verifies, else a one-line reason, e.g. "signed
    /// by 'CN=Other CA', not by the given CA 'CN=Maestro CA'" or
    /// "'CN=hub.example.com' expired on 2026-01-01".
    ///
    /// The verifier is asynchronous; this waits for it on the calling
    /// thread, so call it from synchronous code (the command line), not
    /// from a task of Swift's cooperative thread pool.
    public static func verify(chain: [[UInt8]], root: [UInt8], at time: Date) -> String? {
        guard !chain.isEmpty else { return "the chain is empty" }
        var certificates: [Certificate] = []
        for (index, der) in chain.enumerated() {
            do throws(CertificateFacts.Unreadable) {
                certificates.append(try CertificateFacts.certificate(der))
            } catch {
                return "certificate \(index + 1) of the chain cannot be read: \(error)"
            }
        }
        let anchor: Certificate
        do throws(CertificateFacts.Unreadable) {
            anchor = try CertificateFacts.certificate(root)
        } catch {
            return "the CA certificate cannot be read: \(error)"
        }
        let leaf = certificates[0]
        let intermediates = Array(certificates.dropFirst())
        let result = Blocking.wait {
            var verifier = Verifier(rootCertificates: CertificateStore([anchor])) {
                RFC5280Policy(fixedExpiryValidationTime: time)
            }
            return await verifier.validate(leaf: leaf, intermediates: CertificateStore(intermediates))
        }
        switch result {
        case .validCertificate:
            return nil
        case let .couldNotValidate(failures):
            let reason = ChainDiagnosis(chain: certificates, anchor: anchor, time: time).reason()
                ?? failures.first.map { "no path to the given CA: \($0.policyFailureReason)" }
                ?? "no path to the given CA '\(anchor.subject)'"
            return reason.withVisibleControls
        }
    }
}

/// Runs async work to its end from synchronous code.
enum Blocking {
    /// The result, handed from the task to the waiting thread; the
    /// semaphore orders the write before the read.
    private final class Box<T: Sendable>: @unchecked Sendable {
        var value: T?
    }

    static func wait<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            box.value = await work()
            done.signal()
        }
        done.wait()
        return box.value!
    }
}
