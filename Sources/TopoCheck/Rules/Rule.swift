import TopoSource
import TopoModel

/// A rule: its stable id, default severity, the documentation that
/// `explain` and docs/rules.md print, and, for rules about the model, the
/// check. Rules the loader applies while reading (syntax, keys, types) have
/// no check of their own: the loader reports them where it meets them.
public struct Rule: Sendable {
    public let id: String
    public let severity: Severity
    /// One line: what the rule catches.
    public let summary: String
    /// Markdown: why it matters, an example, how to fix it.
    public let documentation: String
    let check: (@Sendable (RuleContext) -> [Diagnostic])?

    init(
        id: String, severity: Severity, summary: String, documentation: String,
        check: (@Sendable (RuleContext) -> [Diagnostic])? = nil
    ) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.documentation = documentation
        self.check = check
    }

    public func diagnostic(
        _ message: String, at location: SourceLocation, host: String? = nil, notes: [String] = []
    ) -> Diagnostic {
        Diagnostic(rule: id, severity: severity, message: message, location: location, host: host, notes: notes)
    }
}

/// Namespace for the rules; each rule lives in its own file as a static
/// member of this enum.
public enum Rules {}

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
