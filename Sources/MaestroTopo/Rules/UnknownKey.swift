extension Rules {
    /// A key the format does not define.
    public static let unknownKey: Rule = Rule(
        id: "unknown-key", severity: .error,
        summary: "A key the format does not define; the nearest known key is suggested.",
        documentation: """
            Every mapping of format version 1 has a fixed set of keys \
            (docs/format.md). An unknown key is usually a typo, and a typo in \
            `enabled` or `keystore` would otherwise silently fall back to a \
            default, so it is an error. The finding suggests the nearest known \
            key and lists the keys allowed at that place.

            ```yaml
            component_ssl:
              enable: true        # did you mean 'enabled'?
            ```

            Fix: correct the spelling, or remove the key.
            """)
}

enum UnknownKeyText {
    static func unknown(_ key: String, in section: Section, suggestion: String?) -> String {
        let base = "unknown key '\(key)' in \(section.rawValue)"
        return suggestion.map { "\(base); did you mean '\($0)'?" } ?? base
    }

    static func allowed(_ section: Section) -> String {
        "allowed here: " + section.keys.joined(separator: ", ")
    }
}
