import TopoSource
import TopoModel

/// What a rule is, as `explain`, docs/rules.md and SARIF show it: its
/// stable id, default severity, one-line summary and documentation. Data
/// apart from any check, so the three cannot drift from what is reported.
public struct RuleDescriptor: Sendable {
    public let id: String
    public let severity: Severity
    /// One line: what the rule catches.
    public let summary: String
    /// Markdown: why it matters, an example, how to fix it.
    public let documentation: String
}

/// A rule: one type per rule, named wherever its findings are made, so a
/// finding cannot carry a misspelt id. Whoever reports the rule (the
/// loader, a check over the model, `diff`) names the type; the stage it
/// belongs to is the protocol it adopts.
public protocol Rule: Sendable {
    static var descriptor: RuleDescriptor { get }
    /// What the registry runs over every resolved file: `ModelRule`'s
    /// check, nil for a rule another stage reports.
    static var modelCheck: ModelCheck? { get }
}

/// A check as the registry holds it: a plain function, so running the
/// rules over a file costs one call each, with no existential to open.
/// Wrapped in a struct: a list of bare functions would have the runtime
/// build the function type's metadata on first use.
public struct ModelCheck: Sendable {
    let run: @Sendable (RuleContext, inout FindingSink) -> Void
}

/// Reported by the loader while it reads (syntax, keys, types): the file
/// is met only once, so these rules have no check of their own.
public protocol LoadRule: Rule {}

/// Checked over the resolved model, once per file, by the registry.
public protocol ModelRule: Rule {
    static func check(_ context: RuleContext, into sink: inout FindingSink)
}

/// Reported by `diff` (TopoPlan), which compares two files; only the
/// descriptor lives here, with the other rules.
public protocol DiffRule: Rule {}

/// Reported by `verify` (TopoReality), which compares a real installation
/// with its plan; only the descriptor lives here, with the other rules.
public protocol InstallationRule: Rule {}

/// Reported by `probe` (TopoReality), which checks the live ports of a
/// planned installation over the network; only the descriptor lives here.
public protocol ProbeRule: Rule {}

extension Rule {
    public static var modelCheck: ModelCheck? { nil }

    public static var id: String { descriptor.id }

    public static func diagnostic(
        _ message: String, at location: SourceLocation, host: String? = nil, notes: [String] = []
    ) -> Diagnostic {
        Diagnostic(
            rule: descriptor.id, severity: descriptor.severity, message: message, location: location, host: host,
            notes: notes)
    }
}

extension ModelRule {
    public static var modelCheck: ModelCheck? { ModelCheck { context, sink in check(context, into: &sink) } }
}

/// What a check sees: the file as written and the same file with defaults
/// applied. A class, so handing it to each rule copies nothing.
public final class RuleContext: Sendable {
    public let topology: Topology
    public let resolved: ResolvedTopology

    public init(_ resolved: ResolvedTopology) {
        topology = resolved.topology
        self.resolved = resolved
    }
}
