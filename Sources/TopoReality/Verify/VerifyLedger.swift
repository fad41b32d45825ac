import TopoCheck
import TopoModel
import TopoSource

/// Where `verify` writes down what each check found while it runs: the
/// outcome per rule, and the findings per file. A rule may be checked more
/// than once (once per component, once per file): a failure outweighs a
/// pass, a pass outweighs a skip, and the details are kept in order.
struct VerifyLedger {
    /// Which file a finding points into.
    enum Place: Hashable {
        case topology
        case sslIni
    }

    private var order: [String] = []
    private var outcomes: [String: (status: InstallationCheck.Status, details: [String])] = [:]
    private(set) var findings: [Place: [Diagnostic]] = [:]
    let host: String

    init(host: String) {
        self.host = host
    }

    mutating func ok(_ rule: any Rule.Type, _ detail: String) {
        record(rule, .ok, detail)
    }

    mutating func skipped(_ rule: any Rule.Type, _ detail: String) {
        record(rule, .skipped, detail)
    }

    /// A finding of `rule` at `location` in `place`; the check fails.
    mutating func failed(
        _ rule: any Rule.Type, _ message: String, at location: SourceLocation, in place: Place,
        notes: [String] = [], detail: String? = nil
    ) {
        findings[place, default: []].append(rule.diagnostic(message, at: location, host: host, notes: notes))
        record(rule, .failed, detail ?? message)
    }

    private mutating func record(_ rule: any Rule.Type, _ status: InstallationCheck.Status, _ detail: String) {
        guard var outcome = outcomes[rule.id] else {
            order.append(rule.id)
            outcomes[rule.id] = (status, [detail])
            return
        }
        outcome.status = Self.stronger(outcome.status, status)
        if !outcome.details.contains(detail) { outcome.details.append(detail) }
        outcomes[rule.id] = outcome
    }

    private static func stronger(_ a: InstallationCheck.Status, _ b: InstallationCheck.Status) -> InstallationCheck.Status {
        func rank(_ status: InstallationCheck.Status) -> Int {
            switch status {
            case .failed: 2
            case .ok: 1
            case .skipped: 0
            }
        }
        return rank(a) >= rank(b) ? a : b
    }

    /// The checks in the order of the rule registry, so every run of
    /// `verify` lists them the same way.
    var checks: [InstallationCheck] {
        let rank = Dictionary(uniqueKeysWithValues: RuleRegistry.descriptors.enumerated().map { ($1.id, $0) })
        return order.sorted { (rank[$0] ?? .max, $0) < (rank[$1] ?? .max, $1) }.map { id in
            let outcome = outcomes[id]!
            return InstallationCheck(id: id, status: outcome.status, detail: outcome.details.joined(separator: "; "))
        }
    }
}
