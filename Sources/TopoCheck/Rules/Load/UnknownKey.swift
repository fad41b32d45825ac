/// A key the format does not define.
public struct UnknownKey: LoadRule {
    public static let descriptor = RuleDescriptor(
        id: "unknown-key", severity: .error,
        summary: "A key the format does not define; the nearest known key is suggested.",
        documentation: """
            Every mapping of format version 1 has a fixed set of keys \
            (docs/format.md). An unknown key is usually a typo, and a typo in \
            `enabled` or `keystore` would otherwise silently fall back to a \
            default, so it is an error. The finding suggests the nearest known \
            key (a swap of two letters counts as one slip; a near miss of \
            `port` in a host or `defaults`, which have three ports, gets \
            `internal_port`, `tracker_port` and `http_port`) and lists the \
            keys allowed at that place. A misspelt `components` is reported \
            here alone: the host is not also said to run no components, nor \
            are the components listed under it reported missing.

            ```yaml
            component_ssl:
              enable: true        # did you mean 'enabled'?
            hosts:
              ui.acme.example:
                componets: [LUI, HUB]   # did you mean 'components'?
                prot: 8080              # 'internal_port', 'tracker_port' or 'http_port'?
            ```

            Fix: correct the spelling, or remove the key.
            """)
}

enum UnknownKeyText {
    static func unknown(_ key: String, in section: Section, suggestions: [String]) -> String {
        let base = "unknown key '\(key)' in \(section.rawValue)"
        guard let last = suggestions.last else { return base }
        let quoted = suggestions.map { "'\($0)'" }
        let choices = quoted.count > 1 ? quoted.dropLast().joined(separator: ", ") + " or '\(last)'" : quoted[0]
        return "\(base); did you mean \(choices)?"
    }

    /// A key under `keystore_password` other than `env` and `file`: it may
    /// be the password itself (`{S3cr3t}`), so it is not quoted.
    static let unknownInSecret =
        "an unknown key in keystore_password (not shown, as it may be the password); write {env: VARIABLE}, {file: /path/to/file} or the password as text"

    static func allowed(_ section: Section) -> String {
        "allowed here: " + section.keys.joined(separator: ", ")
    }
}
