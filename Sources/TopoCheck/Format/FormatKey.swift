import TopoModel

/// One key of format version 1: the kind of value the loader reads for it,
/// and the words that describe it. `FormatKeys` lists them; the loader's key
/// lists, `maestro-topo schema` (JSON Schema) and the key tables of
/// docs/format.md §2 are all made from that one list.
public struct FormatKey: Sendable {
    public let name: String
    public let value: ValueKind
    public let isRequired: Bool
    /// The table's "type" cell (Markdown).
    public let type: String
    /// The table's "required / default" cell (Markdown).
    public let presence: String
    /// What the key means (Markdown); may be empty when the section's
    /// introduction or another table says it.
    public let meaning: String
    /// Whether the key goes beyond the product's minimal format.
    public let isAddition: Bool

    init(_ name: String, _ value: ValueKind, required: Bool = false, type: String, presence: String,
         meaning: String = "", addition: Bool = false) {
        self.name = name
        self.value = value
        self.isRequired = required
        self.type = type
        self.presence = presence
        self.meaning = meaning
        self.isAddition = addition
    }
}

/// The kinds of value the loader reads (docs/format.md §3.1).
public enum ValueKind: Sendable {
    /// Any scalar but null, without control characters; a plain number
    /// stays text as written.
    case text
    /// Text, not empty (a password file's path).
    case nonEmptyText
    /// A plain whole number that must equal this value (`version`).
    case formatVersion(Int)
    /// A plain whole number from 1 to 65535.
    case port
    /// A plain `true` or `false`.
    case boolean
    /// One word of a closed, case-sensitive set.
    case choice([String])
    /// A list of components, at least one, each at most once.
    case components
    /// A list of text items.
    case textList
    /// A list of text items, or one comma-separated text.
    case textOrTextList
    /// A password: text, `{env: NAME}` or `{file: PATH}`.
    case secret
    /// An environment variable's name (letters, digits, `_`; not starting
    /// with a digit).
    case environmentName
    /// A mapping of the section's keys.
    case section(Section)
    /// A mapping of host names to hosts, at least one.
    case hosts
}

/// One of the three forms `keystore_password` takes (docs/format.md §2.7).
public struct SecretForm: Sendable {
    public let form: String
    public let example: String
    public let meaning: String
}
