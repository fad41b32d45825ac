import TopoSource

/// A mapping repeats a key; libyaml itself accepts this silently.
public struct DuplicateKey: LoadRule {
    public static let descriptor = RuleDescriptor(
        id: "duplicate-key", severity: .error,
        summary: "A mapping repeats a key (including a host listed twice under `hosts`).",
        documentation: """
            YAML libraries disagree on a repeated key: some keep the first value, \
            most keep the last, a few fail. libyaml reports nothing. A repeated \
            key is almost always a copy-and-paste mistake, and under `hosts` it \
            means one host's settings silently replace another's, so maestro-topo \
            refuses it. The note points at the first occurrence.

            ```yaml
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              ui.acme.example: {components: [TRK]}
            ```

            Fix: merge the two entries, or rename the one that was meant to be \
            another host.
            """)
}

enum DuplicateKeyText {
    static func repeated(_ key: String, in section: Section) -> String {
        section == .hosts
            ? "host '\(key)' is listed twice"
            : "key '\(key)' appears twice in \(section.rawValue)"
    }

    static func firstAt(_ location: SourceLocation) -> String {
        "first defined at line \(location.line), column \(location.column); only one may stay"
    }
}
