import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds literal passwords from the text alone, so a printed source line
/// never shows one, even where the loader never saw the value: libyaml
/// stopped inside it (an unclosed quote, a bad escape, a control byte), or
/// the key was repeated or misspelt. The loader's own spans cover the
/// values it did read; this covers the rest, erring on the side of masking.
///
/// A key counts when it is a plain word (letters, digits, `_`, `-`) or a
/// quoted key on one line that, as YAML reads it (escapes decoded), contains
/// `pass`, `pasw`, `pwd` or `secret`, whatever the case (`keystore_password`
/// and its misspellings), followed by `:` and a blank or the end of the
/// line. Its value is masked unless it is an `{env: NAME}` or `{file: PATH}`
/// mapping of that one entry, in flow or block style, and nothing else: another
/// mapping up to its closing brace or over its lines, a quoted value up to
/// its closing quote (the end of the file when it never closes), any other
/// value to the end of its line and over every following line indented
/// deeper than the key. Text after a closing brace or quote on its line
/// (which libyaml refuses) is masked with the value.
///
/// The text is scanned on demand and only as far as a printed line needs:
/// a stretch that reaches a line starts before that line ends, so findings
/// near the start of a huge file never cost a scan of all of it. Findings
/// come in file order, so the scan only ever moves forward.
public final class PasswordText: Sendable {
    private struct State {
        var from = 0
        var covered = 0
        var spans: [SourceSpan] = []
        var cursor = Lines.Cursor()
    }

    private let text: [UInt8]
    private let starts: [Int]
    private let state = Mutex(State())

    init(text: [UInt8], lineStarts: [Int]) {
        self.text = text
        starts = lineStarts
    }

    /// The masked stretches that touch 1-based line `number`, once the text
    /// is scanned up to byte offset `limit` (the end of what is printed).
    func spans(onLine number: Int, through limit: Int) -> [SourceSpan] {
        state.withLock { state in
            text.withUnsafeBufferPointer { buffer in
                Self.scan(Lines(text: buffer, starts: starts), through: min(limit, buffer.count), state: &state)
            }
            return SourceFile.spans(onLine: number, in: state.spans)
        }
    }

    private static func scan(_ lines: Lines, through limit: Int, state: inout State) {
        let text = lines.text
        guard let base = text.baseAddress else { return }
        while state.from < limit {
            guard let hit = memchr(base + state.from, Int32(UInt8(ascii: ":")), limit - state.from) else {
                state.from = limit
                return
            }
            let colon = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            state.from = colon + 1
            guard colon >= state.covered, let range = value(after: colon, lines: lines) else { continue }
            state.spans.append(SourceSpan(
                start: lines.location(range.lowerBound, &state.cursor), end: lines.location(range.upperBound, &state.cursor)))
            state.covered = range.upperBound
            state.from = max(state.from, state.covered)
        }
    }

    /// The masked range for a password key ending at `colon`, or nil when
    /// the key is no password key or its value is a mapping or missing.
    private static func value(after colon: Int, lines: Lines) -> Range<Int>? {
        let text = lines.text
        let next = colon + 1 < text.count ? text[colon + 1] : UInt8(ascii: "\n")
        guard isBlank(next) || next == UInt8(ascii: "\n") || next == UInt8(ascii: "\r") else { return nil }
        // The key first, on the bytes alone: most colons end no password key.
        // A line break is neither a blank nor part of a word, so the walks
        // back stop at the line's start without looking it up.
        var keyEnd = colon
        while keyEnd > 0, isBlank(text[keyEnd - 1]) { keyEnd -= 1 }
        let keyStart: Int
        if keyEnd > 0, text[keyEnd - 1] == UInt8(ascii: "\"") || text[keyEnd - 1] == UInt8(ascii: "'") {
            // A quoted key is judged as YAML reads it (`"keystore_p\u0061ssword"`
            // is `keystore_password`) and, like a plain one, by its last word
            // (`"passport.example"` is no password key).
            guard let (open, key) = quotedKey(text, closingAt: keyEnd - 1, lineStart: lines.starts[lines.line(of: colon)]),
                  key.withUnsafeBufferPointer({ key in
                      var word = key.count
                      while word > 0, key.count - word < 64, isWordByte(key[word - 1]) { word -= 1 }
                      return isPasswordKey(key, word..<key.count)
                  })
            else { return nil }
            keyStart = open
        } else {
            var wordStart = keyEnd
            while wordStart > 0, keyEnd - wordStart < 64, isWordByte(text[wordStart - 1]) { wordStart -= 1 }
            guard wordStart < keyEnd, isPasswordKey(text, wordStart..<keyEnd) else { return nil }
            keyStart = wordStart
        }
        let line = lines.line(of: colon)
        let keyColumn = keyStart - lines.starts[line]

        var valueStart = skipBlanks(text, from: colon + 1, to: lines.end(of: line))
        var valueLine = line
        if valueStart == lines.end(of: line) || text[valueStart] == UInt8(ascii: "#") {
            // The value, if any, starts on a following line indented deeper.
            guard let (found, first) = lines.nextContentLine(after: line), lines.indent(of: found) > keyColumn
            else { return nil }
            valueLine = found
            valueStart = first
            if isMappingEntry(text, from: first, to: lines.end(of: found)) {
                // A block mapping: left alone only when each of its lines is
                // an `env:` or `file:` entry.
                let end = lines.continuationEnd(of: found, deeperThan: keyColumn)
                return blockSourceIsClean(lines, from: found, through: end) ? nil : first..<end
            }
        }
        // Text after a closing brace or quote on its line (`{env: NAME}S3cr3t`,
        // which libyaml refuses) is masked with the value, to the line's end.
        func through(_ end: Int) -> Int {
            let line = lines.line(of: max(end - 1, valueStart))
            return endsValue(text, at: end, lineEnd: lines.end(of: line))
                ? end : max(end, lines.continuationEnd(of: line, deeperThan: keyColumn))
        }
        switch text[valueStart] {
        case UInt8(ascii: "{"):
            // `{env: NAME}` or `{file: PATH}` is shown; any other mapping
            // (`{S3cr3t}`, `{env: NAME, S3cr3t}`, `{file: S3cr3t, env: X}`)
            // may hold the password.
            let (end, clean) = flowMapping(text, openedAt: valueStart)
            let masked = through(end)
            return clean && masked == end ? nil : valueStart..<masked
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            return valueStart..<through(closingQuote(text, openedAt: valueStart))
        default:
            return valueStart..<lines.continuationEnd(of: valueLine, deeperThan: keyColumn)
        }
    }


    /// Just past the quote that closes the one at `open`; the end of the
    /// text when it never closes.
    static func closingQuote(_ text: UnsafeBufferPointer<UInt8>, openedAt open: Int) -> Int {
        let quote = text[open]
        var index = open + 1
        while index < text.count {
            let byte = text[index]
            if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == quote {
                // '' inside single quotes is one quote, not the end.
                if quote == UInt8(ascii: "'"), index + 1 < text.count, text[index + 1] == quote {
                    index += 2
                    continue
                }
                return index + 1
            }
            index += 1
        }
        return text.count
    }

    static func isPasswordKey(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count >= 3 else { return false }
        for start in range {
            // Every word starts with `p` or `s`: most positions are passed
            // over after one look. `| 0x20` lower-cases a letter, and maps
            // no other byte to a lower-case letter.
            let first = text[start] | 0x20
            guard first == UInt8(ascii: "p") || first == UInt8(ascii: "s") else { continue }
            for word in Self.words where start + word.utf8CodeUnitCount <= range.upperBound {
                var matched = 0
                while matched < word.utf8CodeUnitCount, text[start + matched] | 0x20 == word.utf8Start[matched] {
                    matched += 1
                }
                if matched == word.utf8CodeUnitCount { return true }
            }
        }
        return false
    }

    /// Parts of a key name that mark its value as a password.
    public static let secretWords = words.map { "\($0)" }

    /// The same as static text: comparing with them costs no reference counting.
    private static let words: [StaticString] = ["pass", "pasw", "pwd", "secret"]

    /// `key:` followed by a blank or the line's end: a block mapping starts
    /// here, so the value above is a mapping (`env: NAME`), not text.
    static func isMappingEntry(_ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var index = start
        if index < end, text[index] == UInt8(ascii: "\"") || text[index] == UInt8(ascii: "'") { index += 1 }
        let word = index
        while index < end, isWordByte(text[index]) { index += 1 }
        guard index > word else { return false }
        if index < end, text[index] == UInt8(ascii: "\"") || text[index] == UInt8(ascii: "'") { index += 1 }
        index = skipBlanks(text, from: index, to: end)
        guard index < end, text[index] == UInt8(ascii: ":") else { return false }
        return index + 1 == end || isBlank(text[index + 1])
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    static func skipBlanks(_ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var index = start
        while index < end, isBlank(text[index]) { index += 1 }
        return index
    }
}

/// Lines of a file by byte offset, and the conversion of byte ranges to
/// the 1-based line and character column that diagnostics use.
struct Lines {
    let text: UnsafeBufferPointer<UInt8>
    let starts: [Int]

    /// 0-based line holding byte `offset`.
    func line(of offset: Int) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Just past the line's last character, before `\r\n` or `\n`.
    func end(of line: Int) -> Int {
        LineBreaks.contentEnd(start: starts[line], next: line + 1 < starts.count ? starts[line + 1] : text.count, in: text)
    }

    func indent(of line: Int) -> Int {
        var index = starts[line]
        while index < text.count, text[index] == UInt8(ascii: " ") { index += 1 }
        return index - starts[line]
    }

    /// The next line after `line` holding more than blanks and a comment,
    /// with the offset of its first character.
    func nextContentLine(after line: Int) -> (Int, Int)? {
        var candidate = line + 1
        while candidate < starts.count {
            let first = PasswordText.skipBlanks(text, from: starts[candidate], to: end(of: candidate))
            if first < end(of: candidate), text[first] != UInt8(ascii: "#") { return (candidate, first) }
            candidate += 1
        }
        return nil
    }

    /// The end of `line` extended over the following lines that are blank or
    /// indented deeper than `column`: a plain or block value's continuation.
    func continuationEnd(of line: Int, deeperThan column: Int) -> Int {
        var last = line
        var candidate = line + 1
        while candidate < starts.count {
            let first = PasswordText.skipBlanks(text, from: starts[candidate], to: end(of: candidate))
            if first < end(of: candidate) {
                guard indent(of: candidate) > column else { break }
                last = candidate
            }
            candidate += 1
        }
        return end(of: last)
    }

    /// Where the last conversion stopped: positions are asked for in
    /// order, so many on one long line cost one pass over it.
    struct Cursor {
        var line = -1, offset = 0, column = 1
    }

    /// The 1-based line and character column (as libyaml counts) of byte
    /// `offset`.
    func location(_ offset: Int, _ cursor: inout Cursor) -> SourceLocation {
        let line = self.line(of: offset)
        if line != cursor.line || offset < cursor.offset {
            cursor = Cursor(line: line, offset: starts[line], column: 1)
        }
        var index = max(cursor.offset, starts[line])
        var column = cursor.column
        while index < offset {
            if text[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        cursor = Cursor(line: line, offset: offset, column: column)
        return SourceLocation(line: line + 1, column: column)
    }
}
