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
    private var outcomes: [String: [(status: InstallationCheck.Status, detail: String)]] = [:]
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
        if outcomes[rule.id] == nil { order.append(rule.id) }
        outcomes[rule.id, default: []].append((status, detail))
    }

    /// Failed if any part failed, else ok if any part passed, else skipped;
    /// the details are those of the parts with that outcome, and of the
    /// parts skipped beside a pass.
    private static func summary(_ parts: [(status: InstallationCheck.Status, detail: String)]) -> (InstallationCheck.Status, String) {
        let status: InstallationCheck.Status = parts.contains { $0.status == .failed } ? .failed
            : parts.contains { $0.status == .ok } ? .ok : .skipped
        var details: [String] = []
        // A pass also says what was left out ("the password was not compared").
        for part in parts where (part.status == status || (status == .ok && part.status == .skipped))
            && !details.contains(part.detail) {
            details.append(part.detail)
        }
        return (status, details.joined(separator: "; "))
    }

    /// The checks in the order of the rule registry, so every run of
    /// `verify` lists them the same way.
    var checks: [InstallationCheck] {
        let rank = Dictionary(uniqueKeysWithValues: RuleRegistry.descriptors.enumerated().map { ($1.id, $0) })
        return order.sorted { (rank[$0] ?? .max, $0) < (rank[$1] ?? .max, $1) }.map { id in
            let (status, detail) = Self.summary(outcomes[id]!)
            return InstallationCheck(id: id, status: status, detail: detail)
        }
    }
}
