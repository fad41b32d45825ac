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
    /// A scalar's bytes, borrowed from libyaml: valid only until the reader
    /// moves on. `text` copies them into a `String`.
    var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// True for a plain (unquoted, non-block) scalar.
    var isPlain: Bool = false
    /// An explicit tag such as `!!python/object` (the format allows none),
    /// borrowed like `bytes`; `tag` copies it.
    var tagPointer: UnsafePointer<CChar>?
    /// An anchor (`&name`) or, for an alias event, the alias name; borrowed.
    var anchorPointer: UnsafePointer<CChar>?

    var tag: String? { tagPointer.map { String(cString: $0) } }
    var anchor: String? { anchorPointer.map { String(cString: $0) } }

    var isCollectionStart: Bool { kind == .mappingStart || kind == .sequenceStart }

    /// The scalar's text (scalars only), as a new `String`.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The scalar holds a control character (line break, tab, NUL, C1, …).
    var hasControl: Bool { YAMLEventReader.containsControl(bytes) }

    /// Whether the scalar is exactly `word` (ASCII), without making a String.
    func `is`(_ word: StaticString) -> Bool {
        word.utf8CodeUnitCount == bytes.count
            && (bytes.isEmpty || memcmpEqual(bytes.baseAddress!, word.utf8Start, bytes.count))
    }

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
        return bytes.isEmpty || `is`("~") || `is`("null") || `is`("Null") || `is`("NULL")
    }
}

/// libyaml refused the text. Carries libyaml's own explanation and position.
struct YAMLSyntaxError: Error {
    var message: String
    var location: SourceLocation
    /// Where the construct libyaml was reading began, when it says.
    var contextLocation: SourceLocation?
}

/// Byte equality of two buffers of `count` bytes.
@inline(__always)
func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for i in 0..<count where a[i] != b[i] { return false }
    return true
}
