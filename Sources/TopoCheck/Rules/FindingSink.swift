import TopoSource
import TopoModel

/// Where rules put their findings: one list per file that every check
/// appends to, rather than an array per rule joined afterwards. A finding
/// names its rule by type and takes the id and severity from its
/// descriptor.
public struct FindingSink {
    public private(set) var findings: [Diagnostic] = []

    public init() {}

    public mutating func emit<R: Rule>(
        _ rule: R.Type, _ message: String, at location: SourceLocation, host: String? = nil, notes: [String] = []
    ) {
        findings.append(R.diagnostic(message, at: location, host: host, notes: notes))
    }
}
