import TopoSource

/// One libyaml parsing event, copied out of C memory. Only what the loader
/// needs is kept: scalars keep their text, their style (only a plain scalar
/// may mean a number, a boolean or null; only a double-quoted one has
/// backslash escapes) and where they stand in the source.
public struct YAMLEvent {
    /// How a scalar was written.
    public enum Style: Equatable, Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public enum Kind: Equatable, Sendable {
        case streamStart, streamEnd
        case documentStart, documentEnd
        case alias
        case scalar
        case sequenceStart, sequenceEnd
        case mappingStart, mappingEnd
    }

    public var kind: Kind
    public var location: SourceLocation
    /// Scalars only: the position just past the scalar as written (quotes
    /// included), used to mask literal passwords in printed source lines.
    public var endLocation: SourceLocation?
    /// A scalar's bytes, borrowed from libyaml: valid only until the reader
    /// moves on. `text` copies them into a `String`.
    public var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// Scalars only.
    public var style: Style = .plain
    /// Scalars only: character offsets (libyaml's mark indexes, a byte order
    /// mark not counted) of the scalar as written, quotes included. The
    /// reader's `source(_:)` gives the text typed there.
    public var sourceRange: Range<Int> = 0..<0
    /// An explicit tag such as `!!python/object` (the format allows none),
    /// borrowed like `bytes`; `tag` copies it.
    public var tagPointer: UnsafePointer<CChar>?
    /// An anchor (`&name`) or, for an alias event, the alias name; borrowed.
    public var anchorPointer: UnsafePointer<CChar>?

    public var tag: String? { tagPointer.map { String(cString: $0) } }
    public var anchor: String? { anchorPointer.map { String(cString: $0) } }

    /// True for a plain (unquoted, non-block) scalar.
    public var isPlain: Bool { style == .plain }

    public var isCollectionStart: Bool { kind == .mappingStart || kind == .sequenceStart }

    /// The scalar's text (scalars only), as a new `String`.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The scalar holds a control character (line break, tab, NUL, C1, …).
    public var hasControl: Bool { YAMLEventReader.containsControl(bytes) }

    /// Whether the scalar is exactly `word` (ASCII), without making a String.
    @inlinable
    public func `is`(_ word: StaticString) -> Bool {
        word.utf8CodeUnitCount == bytes.count
            && (bytes.isEmpty || memcmpEqual(bytes.baseAddress!, word.utf8Start, bytes.count))
    }

    /// Words for messages: "a mapping", "a list", "text".
    public var nodeDescription: String {
        switch kind {
        case .mappingStart: "a mapping"
        case .sequenceStart: "a list"
        case .alias: "an alias"
        case .scalar: isPlain && isNullLiteral ? "nothing (null)" : "'\(text)'"
        default: "nothing"
        }
    }

    /// `~`, `null` or an empty plain scalar: YAML's null.
    public var isNullLiteral: Bool {
        guard kind == .scalar, isPlain else { return false }
        return bytes.isEmpty || `is`("~") || `is`("null") || `is`("Null") || `is`("NULL")
    }
}

/// libyaml refused the text. Kept structured as libyaml reports it (which
/// stage failed, its problem and context, their marks), plus what stands in
/// the source at those marks, so that notes are chosen by kind and by the
/// text itself, never by matching libyaml's English wording.
public struct YAMLSyntaxError: Error {
    /// libyaml's `yaml_error_type_t`: the stage that refused the text.
    public enum Kind: Equatable, Sendable {
        /// Decoding: bytes that are not UTF-8, control characters.
        case reader
        /// Tokens: quotes, escapes, indicators, tabs.
        case scanner
        /// Structure: keys, items, brackets.
        case parser
        /// Memory and anything else libyaml may add.
        case other
    }

    public var kind: Kind
    /// libyaml's problem, e.g. "found unknown escape character".
    var problem: String
    /// libyaml's context, e.g. "while parsing a quoted scalar".
    var context: String?
    public var location: SourceLocation
    /// Where the construct libyaml was reading began, when it says.
    public var contextLocation: SourceLocation?
    /// Reader errors: the offending byte or character, when libyaml names it.
    var value: UInt32?
    /// The character at the problem mark; nil at the end of the input.
    public var atProblem: Unicode.Scalar?
    /// The two characters before the problem mark (fewer at the start).
    public var beforeProblem: [Unicode.Scalar] = []
    /// The character at the context mark, when there is a context.
    public var atContext: Unicode.Scalar?
    /// The rest of the context mark's line after that character: for an
    /// unfinished quoted scalar, what was typed inside the quotes.
    public var afterContext: String?

    /// libyaml's explanation as one sentence: problem, byte, context.
    public var message: String {
        var message = problem
        if kind == .reader, let value {
            message += " (byte or character 0x\(String(value, radix: 16, uppercase: true)))"
        }
        if let context { message += " \(context)" }
        return message
    }
}

/// Byte equality of two buffers of `count` bytes. Inlinable: the loader
/// (another module) matches every key with it.
@inlinable
public func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for i in 0..<count where a[i] != b[i] { return false }
    return true
}
