import TopoCheck

/// Rule documentation for `explain` and for docs/rules.md, both from the
/// registry's descriptors, so the two cannot drift apart.
public enum RuleDocRenderer {
    public static func text(_ rule: RuleDescriptor, style: TextStyle) -> String {
        var out = style.bold("\(rule.id)") + " (\(style.severity(rule.severity)))\n"
        out += rule.summary + "\n\n" + rule.documentation + "\n"
        return out
    }

    /// `explain` with no rule: one line per rule.
    public static func list(style: TextStyle) -> String {
        let width = RuleRegistry.descriptors.map(\.id.count).max() ?? 0
        return RuleRegistry.descriptors.map { rule in
            "\(style.bold(rule.id.padding(to: width)))  \(rule.severity.rawValue.padding(to: 7))  \(rule.summary)\n"
        }.joined()
    }

    /// The whole of docs/rules.md.
    public static func markdown() -> String {
        var out = """
            # Rules

            Every finding of `maestro-topo` names one of these rules. Ids are \
            stable; severities are the defaults (`--strict` makes warnings fail \
            a run). This page is generated from the rule registry \
            (`maestro-topo explain --markdown`); `maestro-topo explain RULE` \
            prints the same text for one rule.

            | id | severity | what it catches |
            |---|---|---|

            """
        for rule in RuleRegistry.descriptors {
            out += "| [`\(rule.id)`](#\(rule.id)) | \(rule.severity.rawValue) | \(rule.summary) |\n"
        }
        for rule in RuleRegistry.descriptors {
            out += "\n## \(rule.id)\n\n*\(rule.severity.rawValue)* — \(rule.summary)\n\n\(rule.documentation)\n"
        }
        return out
    }
}
