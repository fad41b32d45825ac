/// YAML features the topology format does not use: tags, anchors, aliases, several documents.
public struct UnsupportedYAML: LoadRule {
    public static let descriptor = RuleDescriptor(
        id: "unsupported-yaml", severity: .error,
        summary: "The file uses a YAML feature the format does not allow: tags, anchors, aliases or several documents.",
        documentation: """
            A topology is one YAML document of plain mappings, lists and values. \
            The loader rejects:

            - tags such as `!!python/object` or `!include` (they ask a YAML \
              library to build objects or read files),
            - anchors (`&name`) and aliases (`*name`): they are never expanded, \
              so an alias bomb costs nothing, and a copied value is clearer to \
              the next reader than a reference,
            - a second document after `---`.

            ```yaml
            defaults: &base {os: linux}
            hosts:
              ui.acme.example: *base
            ```

            Fix: write the values out in full; for shared values use `defaults`, \
            which every host inherits.
            """)
}

enum UnsupportedYAMLText {
    /// Under `keystore_password` (or a key like it) a tag, anchor or alias
    /// is not quoted: `*S3cr3t`, `&S3cr3t` and `!S3cr3t` are how YAML reads
    /// a password that starts with `*`, `&` or `!` and was not quoted.
    static func tag(_ tag: String, shown: Bool) -> String {
        guard shown else { return "a YAML tag is not allowed in a topology \(hidden)" }
        // libyaml hands over `!!x` expanded; show it as the user wrote it.
        let core = "tag:yaml.org,2002:"
        let written = tag.hasPrefix(core) ? "!!" + tag.dropFirst(core.count) : tag
        return "YAML tag '\(written)' is not allowed in a topology; remove it"
    }

    static func anchor(_ name: String, shown: Bool) -> String {
        guard shown else { return "an anchor is not allowed \(hidden)" }
        return "anchor '&\(name)' is not allowed; write values out, or put shared ones under 'defaults'"
    }

    static func alias(_ name: String, shown: Bool) -> String {
        guard shown else { return "an alias is not allowed \(hidden); aliases are never expanded" }
        return "alias '*\(name)' is not allowed; aliases are never expanded, write the value out"
    }

    private static let hidden = "(here its name is not shown, as it may be a password)"

    /// The note for a tag, anchor or alias where a password may stand.
    static let quoteThePassword =
        "a value that starts with '*', '&' or '!' is YAML syntax, not text: quote a password that starts with one, "
            + "or better, write {env: VARIABLE} or {file: /path/to/file}"

    static let severalDocuments =
        "a second YAML document starts here; a topology file holds exactly one (one file per installation)"
}
