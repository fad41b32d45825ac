internal import CYAML
import TopoSource

/// Pulls events from libyaml's event parser, one at a time, converting
/// libyaml's 0-based marks to 1-based positions. This is the only place that
/// touches `yaml_parser_t` and `yaml_event_t`. The current event lives until
/// the next call to `next()`, so a scalar's bytes can be looked at without
/// copying them; whoever needs them longer makes a `String`.
public final class YAMLEventReader {
    private var parser = yaml_parser_t()
    private let input: UnsafeBufferPointer<UInt8>
    private var current = yaml_event_t()
    private var holdsEvent = false

    /// `input` must stay valid for the reader's whole life; the loader
    /// guarantees that by reading inside `withUnsafeBufferPointer`.
    public init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        yaml_parser_initialize(&parser)
        yaml_parser_set_input_string(&parser, input.baseAddress, input.count)
        // A topology is UTF-8 (docs/format.md). Left to itself, libyaml
        // would read a file starting with a UTF-16 byte order mark as
        // UTF-16, and every position, printed line and masked password
        // (all worked out on the UTF-8 bytes) would be wrong. With a UTF-8
        // mark, libyaml's own detection skips it as before.
        if !input.starts(with: [0xEF, 0xBB, 0xBF]) { yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING) }
    }

    deinit {
        if holdsEvent { yaml_event_delete(&current) }
        yaml_parser_delete(&parser)
    }

    /// The next event. Its `bytes` stay valid until the following call.
    public func next() throws(YAMLSyntaxError) -> YAMLEvent {
        if holdsEvent {
            yaml_event_delete(&current)
            holdsEvent = false
        }
        guard yaml_parser_parse(&parser, &current) == 1 else {
            throw syntaxError()
        }
        holdsEvent = true
        let event = current
        let location = clamped(SourceLocation(
            line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1))
        switch event.type {
        case YAML_STREAM_START_EVENT:
            return YAMLEvent(kind: .streamStart, location: location)
        case YAML_STREAM_END_EVENT:
            return YAMLEvent(kind: .streamEnd, location: location)
        case YAML_DOCUMENT_START_EVENT:
            return YAMLEvent(kind: .documentStart, location: location)
        case YAML_DOCUMENT_END_EVENT:
            return YAMLEvent(kind: .documentEnd, location: location)
        case YAML_ALIAS_EVENT:
            return YAMLEvent(
                kind: .alias, location: location, anchorPointer: Self.pointer(event.data.alias.anchor))
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.value == nil ? 0 : scalar.length)
            let end = clamped(SourceLocation(line: Int(event.end_mark.line) + 1, column: Int(event.end_mark.column) + 1))
            return YAMLEvent(
                kind: .scalar, location: location, endLocation: end, bytes: bytes,
                style: Self.style(scalar.style),
                sourceRange: Int(event.start_mark.index)..<max(Int(event.start_mark.index), Int(event.end_mark.index)),
                tagPointer: Self.pointer(scalar.tag), anchorPointer: Self.pointer(scalar.anchor))
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            return YAMLEvent(
                kind: .sequenceStart, location: location,
                tagPointer: Self.pointer(start.tag), anchorPointer: Self.pointer(start.anchor))
        case YAML_SEQUENCE_END_EVENT:
            return YAMLEvent(kind: .sequenceEnd, location: location)
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            return YAMLEvent(
                kind: .mappingStart, location: location,
                tagPointer: Self.pointer(start.tag), anchorPointer: Self.pointer(start.anchor))
        case YAML_MAPPING_END_EVENT:
            return YAMLEvent(kind: .mappingEnd, location: location)
        default:
            throw YAMLSyntaxError(kind: .other, problem: "unexpected parser state", location: location)
        }
    }

    /// At the end of a file without a final line break, libyaml puts what
    /// it finds there (the end of the stream, an empty value, a syntax
    /// error) on a line after the last one, which no printed source line
    /// can show. Such positions move to the end of the last line.
    private func clamped(_ location: SourceLocation) -> SourceLocation {
        guard location.column == 1, location.line > 1, let end = endOfText, location > end else { return location }
        return end
    }

    /// The position just past the last character, for a file that does not
    /// end with a line break; worked out once, when first needed.
    private lazy var endOfText: SourceLocation? = {
        let count = input.count
        guard count > 0 else { return nil }
        let last = input[count - 1]
        if last == 0x0A || last == 0x0D || (count >= 2 && LineBreaks.width(at: count - 2, in: input) == 2)
            || (count >= 3 && LineBreaks.width(at: count - 3, in: input) == 3) {
            return nil
        }
        return position(ofByte: count)
    }()

    /// C0 controls, DEL, C1 controls (U+0080–U+009F, encoded C2 80–C2 9F)
    /// and the line breaks LS and PS (U+2028, U+2029, encoded E2 80 A8/A9),
    /// found on the bytes rather than through Unicode properties. LS and PS
    /// are line breaks to YAML; in a value they come from the escapes `\L`
    /// and `\P` (`"C:\Logs"`), and they would break the `ssl.ini` line.
    static func containsControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // The usual scalar is printable ASCII, which one quick pass tells.
        guard bytes.contains(where: { $0 < 0x20 || $0 >= 0x7F }) else { return false }
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in bytes {
            if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F)
                || (beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9)) {
                return true
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLEvent.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    private static func pointer(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> UnsafePointer<CChar>? {
        pointer.map { UnsafePointer(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    private func syntaxError() -> YAMLSyntaxError {
        let kind: YAMLSyntaxError.Kind = switch parser.error {
        case YAML_READER_ERROR: .reader
        case YAML_SCANNER_ERROR: .scanner
        case YAML_PARSER_ERROR: .parser
        default: .other
        }
        var error = YAMLSyntaxError(
            kind: kind, problem: parser.problem.map { String(cString: $0) } ?? "the text is not valid YAML",
            context: parser.context.map { String(cString: $0) }, location: .start)
        if kind == .reader {
            // Reader errors (bad encoding, control characters) carry a byte
            // offset rather than a mark.
            error.location = position(ofByte: parser.problem_offset)
            if parser.problem_value != -1 { error.value = UInt32(bitPattern: parser.problem_value) }
        } else {
            error.location = SourceLocation(
                line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
            let index = Int(parser.problem_mark.index)
            error.atProblem = character(at: index)
            error.beforeProblem = (max(0, index - 2)..<index).compactMap(character(at:))
        }
        if error.context != nil {
            error.contextLocation = SourceLocation(
                line: Int(parser.context_mark.line) + 1, column: Int(parser.context_mark.column) + 1)
            if kind != .reader {
                let index = Int(parser.context_mark.index)
                error.atContext = character(at: index)
                error.afterContext = restOfLine(fromCharacter: index + 1)
            }
        }
        if error.location.line < 1 { error.location = .start }
        error.location = clamped(error.location)
        return error
    }

    // MARK: Source text at libyaml's marks

    // A mark's index counts characters from the start of the text (a byte
    // order mark not counted), a `\r\n` as two. These walks run only for a
    // finding that quotes the source, never while reading a valid file.

    /// The text typed at `range` (character offsets, as in `YAMLEvent.sourceRange`).
    public func source(_ range: Range<Int>) -> String {
        let start = byteOffset(ofCharacter: range.lowerBound)
        let end = byteOffset(ofCharacter: range.upperBound, from: (range.lowerBound, start))
        return String(decoding: UnsafeBufferPointer(rebasing: input[start..<end]), as: UTF8.self)
    }

    /// The character at a character offset; nil past the end.
    private func character(at index: Int) -> Unicode.Scalar? {
        let offset = byteOffset(ofCharacter: index)
        guard offset < input.count else { return nil }
        var iterator = UnsafeBufferPointer(rebasing: input[offset...]).makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// From a character offset to the end of its line.
    private func restOfLine(fromCharacter index: Int) -> String {
        let start = byteOffset(ofCharacter: index)
        var end = start
        while end < input.count, LineBreaks.width(at: end, in: input) == 0 { end += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: input[start..<end]), as: UTF8.self)
    }

    /// The byte offset of a character offset, walking from `from` (a known
    /// character offset and its byte offset) or from the start.
    private func byteOffset(ofCharacter index: Int, from: (character: Int, byte: Int)? = nil) -> Int {
        var (count, offset) = from ?? (0, input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
        while count < index, offset < input.count {
            offset += 1
            // Skip the continuation bytes of a multi-byte character.
            while offset < input.count, input[offset] & 0xC0 == 0x80 { offset += 1 }
            count += 1
        }
        return min(offset, input.count)
    }

    /// 1-based line and character column of a byte offset in the input.
    private func position(ofByte offset: Int) -> SourceLocation {
        var line = 1, column = 1
        // A byte order mark is no column, as in libyaml's own marks.
        var index = input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let end = min(offset, input.count)
        while index < end {
            // Every break libyaml counts (`\r\n`, `\r`, NEL, LS, PS), so
            // the line is the one libyaml's other positions would name.
            let width = LineBreaks.width(at: index, in: input)
            if width > 0 {
                line += 1
                column = 1
                index += width
                continue
            }
            // Count characters, not UTF-8 continuation bytes.
            if input[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(line: line, column: column)
    }
}
