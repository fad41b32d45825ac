/// The shapes PasswordText must recognise on the text alone: a quoted key
/// read as YAML reads it, and the two password sources that may be shown
/// (`{env: NAME}`, `{file: PATH}`, in flow or block style). Anything else
/// under a password key is masked.
extension PasswordText {
    /// A key quoted on one line and closed by the quote at `close`: where
    /// it opens, and its text with escapes decoded (`\u0061` is `a`, `''`
    /// in single quotes is `'`). Nil when it does not open on that line or
    /// is longer than any key the format has.
    static func quotedKey(
        _ text: UnsafeBufferPointer<UInt8>, closingAt close: Int, lineStart: Int
    ) -> (open: Int, key: [UInt8])? {
        let quote = text[close]
        // No key of the format, even escaped, is longer: the walk back stays short.
        let floor = max(lineStart, close - 256)
        var open = close - 1
        while open >= floor {
            if text[open] == quote {
                if quote == UInt8(ascii: "\"") {
                    var backslashes = 0
                    while open - 1 - backslashes >= floor, text[open - 1 - backslashes] == UInt8(ascii: "\\") {
                        backslashes += 1
                    }
                    if backslashes % 2 == 0 { break }
                } else if open - 1 >= floor, text[open - 1] == quote {
                    open -= 2  // '' is one quote inside
                    continue
                } else {
                    break
                }
            }
            open -= 1
        }
        guard open >= floor else { return nil }
        let inside = UnsafeBufferPointer(rebasing: text[(open + 1)..<close])
        return (open, quote == UInt8(ascii: "\"") ? decodeEscapes(inside) : removeDoubledQuotes(inside))
    }

    /// A double-quoted scalar's bytes as YAML reads them. Escapes that
    /// stand for a character outside ASCII are kept as UTF-8; an escape that
    /// means nothing to YAML is kept as typed (libyaml refuses the file).
    static func decodeEscapes(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < text.count {
            let byte = text[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < text.count else {
                out.append(byte)
                index += 1
                continue
            }
            let letter = text[index + 1]
            let digits = letter == UInt8(ascii: "x") ? 2 : letter == UInt8(ascii: "u") ? 4 : letter == UInt8(ascii: "U") ? 8 : 0
            if digits > 0, index + 2 + digits <= text.count,
               let value = hexValue(UnsafeBufferPointer(rebasing: text[(index + 2)..<(index + 2 + digits)])),
               let scalar = Unicode.Scalar(value) {
                out += Array(String(Character(scalar)).utf8)
                index += 2 + digits
                continue
            }
            switch letter {
            case UInt8(ascii: "_"): out += [0xC2, 0xA0]
            case UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "\\"): out.append(letter)
            default: out += [byte, letter]
            }
            index += 2
        }
        return out
    }

    private static func hexValue(_ digits: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        for digit in digits {
            let nibble: UInt8
            switch digit {
            case 48...57: nibble = digit - 48
            case 65...70: nibble = digit - 55
            case 97...102: nibble = digit - 87
            default: return nil
            }
            value = value << 4 | UInt32(nibble)
        }
        return value
    }

    private static func removeDoubledQuotes(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < text.count {
            out.append(text[index])
            index += text[index] == UInt8(ascii: "'") && index + 1 < text.count && text[index + 1] == UInt8(ascii: "'") ? 2 : 1
        }
        return out
    }

    // MARK: Sources that may be shown

    /// Just past the `}` closing the flow mapping opened at `open` (the end
    /// of the text when it never closes), and whether it is exactly one
    /// `env` or `file` entry with a plain or quoted value and nothing else:
    /// a second entry (`{file: S3cr3t, env: X}`, `{env: S3cr3t, env: X}`)
    /// makes it no valid source, and its first value may be the password.
    static func flowMapping(_ text: UnsafeBufferPointer<UInt8>, openedAt open: Int) -> (end: Int, clean: Bool) {
        var depth = 0
        var index = open
        var clean = true
        while index < text.count {
            let byte = text[index]
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                index = closingQuote(text, openedAt: index)
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                if depth > 1 { clean = false }
            case UInt8(ascii: "]"):
                depth -= 1
                clean = false
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 {
                    return (index + 1, clean && isSourceEntry(text, from: open + 1, to: index, flow: true))
                }
            case UInt8(ascii: ","):
                if depth == 1 { clean = false }
            case UInt8(ascii: "#"):
                clean = false  // a comment could hide anything: mask rather than judge
            default:
                break
            }
            if depth <= 0 { return (index + 1, false) }
            index += 1
        }
        return (text.count, false)
    }

    /// Whether a flow mapping or quoted value that closes just before
    /// `index` ends there: only blanks follow on its line, then the line's
    /// end, a comment, or what ends an entry of an enclosing flow
    /// collection (`,`, `}`, `]`).
    static func endsValue(_ text: UnsafeBufferPointer<UInt8>, at index: Int, lineEnd: Int) -> Bool {
        guard index < lineEnd else { return true }
        let next = skipBlanks(text, from: index, to: lineEnd)
        guard next < lineEnd else { return true }
        switch text[next] {
        case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"): return true
        case UInt8(ascii: "#"): return next > index  // a comment needs a blank before it
        default: return false
        }
    }

    /// Whether the block mapping from line `first` to byte `end` has one
    /// content line, and that line is one `env:` or `file:` entry.
    static func blockSourceIsClean(_ lines: Lines, from first: Int, through end: Int) -> Bool {
        var line = first
        var entries = 0
        while line < lines.starts.count, lines.starts[line] < end {
            let lineEnd = lines.end(of: line)
            let from = skipBlanks(lines.text, from: lines.starts[line], to: lineEnd)
            if from < lineEnd, lines.text[from] != UInt8(ascii: "#") {
                entries += 1
                guard entries == 1, isSourceEntry(lines.text, from: from, to: lineEnd, flow: false) else { return false }
            }
            line += 1
        }
        return entries == 1
    }

    /// `env: NAME` or `file: PATH` (keys optionally quoted, blanks around),
    /// in `from..<to`; in block style a comment may follow.
    static func isSourceEntry(_ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, flow: Bool) -> Bool {
        func isSpace(_ byte: UInt8) -> Bool { isBlank(byte) || byte == 0x0A || byte == 0x0D }
        var index = start
        while index < end, isSpace(text[index]) { index += 1 }
        var quote: UInt8?
        if index < end, text[index] == UInt8(ascii: "\"") || text[index] == UInt8(ascii: "'") {
            quote = text[index]
            index += 1
        }
        let word = index
        while index < end, isWordByte(text[index]) { index += 1 }
        let key = Array(UnsafeBufferPointer(rebasing: text[word..<index]))
        guard key == Array("env".utf8) || key == Array("file".utf8) else { return false }
        if let quote {
            guard index < end, text[index] == quote else { return false }
            index += 1
        }
        while index < end, isBlank(text[index]) { index += 1 }
        guard index < end, text[index] == UInt8(ascii: ":") else { return false }
        index += 1
        while index < end, isSpace(text[index]) { index += 1 }
        guard index < end else { return false }
        var valueEnd = end
        if text[index] == UInt8(ascii: "\"") || text[index] == UInt8(ascii: "'") {
            valueEnd = closingQuote(text, openedAt: index)
            guard valueEnd <= end else { return false }
        } else {
            // A plain value: in block style up to a comment.
            if !flow, let hash = (index..<end).first(where: { text[$0] == UInt8(ascii: "#") && isBlank(text[$0 - 1]) }) {
                valueEnd = hash
            }
            guard !"{[&*!|>%@`".utf8.contains(text[index]) else { return false }
            if key == Array("env".utf8) {
                var last = valueEnd
                while last > index, isSpace(text[last - 1]) { last -= 1 }
                guard (index..<last).allSatisfy({ isWordByte(text[$0]) && text[$0] != UInt8(ascii: "-") }) else {
                    return false
                }
            }
            return true
        }
        // After a quoted value only blanks (and in block style a comment).
        index = valueEnd
        while index < end, isSpace(text[index]) { index += 1 }
        return index == end || (!flow && text[index] == UInt8(ascii: "#"))
    }
}
