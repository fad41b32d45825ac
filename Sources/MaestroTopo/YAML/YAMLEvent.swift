/// One libyaml parsing event, copied out of C memory. Only what the loader
/// needs is kept: scalars keep their text and whether they were plain (the
/// only style whose text may mean a number, a boolean or null).
struct YAMLEvent {
    enum Kind: Equatable {
        case streamStart, streamEnd
        case documentStart, documentEnd
        case alias
        case scalar
        case sequenceStart, sequenceEnd
        case mappingStart, mappingEnd
    }

    var kind: Kind
    var location: SourceLocation
    /// Scalars only: the position just past the scalar as written (quotes
    /// included), used to mask literal passwords in printed source lines.
    var endLocation: SourceLocation?
    /// Scalar text (scalars only).
    var text: String = ""
    /// True for a plain (unquoted, non-block) scalar.
    var isPlain: Bool = false
    /// The scalar holds a control character (line break, tab, NUL, C1, …).
    var hasControl: Bool = false
    /// An explicit tag such as `!!python/object`; the format allows none.
    var tag: String?
    /// An anchor (`&name`) or, for an alias event, the alias name.
    var anchor: String?

    var isCollectionStart: Bool { kind == .mappingStart || kind == .sequenceStart }

    /// Words for messages: "a mapping", "a list", "text".
    var nodeDescription: String {
        switch kind {
        case .mappingStart: "a mapping"
        case .sequenceStart: "a list"
        case .alias: "an alias"
        case .scalar: isPlain && isNullLiteral ? "nothing (null)" : "'\(text)'"
        default: "nothing"
        }
    }

    /// `~`, `null` or an empty plain scalar: YAML's null.
    var isNullLiteral: Bool {
        guard kind == .scalar, isPlain else { return false }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }
}

/// libyaml refused the text. Carries libyaml's own explanation and position.
struct YAMLSyntaxError: Error {
    var message: String
    var location: SourceLocation
    /// Where the construct libyaml was reading began, when it says.
    var contextLocation: SourceLocation?
}
