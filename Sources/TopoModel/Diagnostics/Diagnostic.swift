import TopoSource

/// How serious a finding is. `--strict` turns warnings into failures.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case error
    case warning
    case note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One finding about a topology file: which rule, how bad, where, and for
/// which host. Every finding in the tool, from libyaml's syntax errors to the
/// SSL rules, is one of these.
public struct Diagnostic: Equatable, Sendable {
    public var rule: String
    public var severity: Severity
    public var message: String
    public var location: SourceLocation
    public var host: String?
    public var notes: [String]

    public init(
        rule: String, severity: Severity, message: String,
        location: SourceLocation, host: String? = nil, notes: [String] = []
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.location = location
        self.host = host
        self.notes = notes
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }
    public var noteCount: Int { count { $0.severity == .note } }

    /// Whether these findings fail a run: errors always, warnings with `--strict`.
    public func fails(strict: Bool) -> Bool {
        contains { $0.severity == .error || (strict && $0.severity == .warning) }
    }
}
