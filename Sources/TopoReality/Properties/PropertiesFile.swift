/// A `.properties` file read the way `java.util.Properties.load` reads it
/// (Maestro reads its INI files, `ssl.ini` among them, with it), keeping
/// where each key and value stands so a finding can point into the file.
///
/// The rules, as Java applies them: the bytes are ISO-8859-1 (one byte,
/// one character); a line ends at LF, CR or CRLF; a line ending in an odd
/// number of backslashes continues on the next, whose leading blanks are
/// dropped; a line whose first non-blank character is `#` or `!` is a
/// comment, and a blank line is nothing; the key runs to the first
/// unescaped `=`, `:` or blank, blanks and one `=` or `:` after it are
/// skipped, and the rest is the value; `\t`, `\n`, `\r`, `\f` and `\uXXXX`
/// are escapes, and a backslash before any other character stands for
/// that character (so `C:\Temp` reads as `C:Temp`).
public struct PropertiesFile: Sendable {
    /// One key and its value, as Java reads them.
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: String
        /// Where the key starts (1-based line and column).
        public var keyLine: Int, keyColumn: Int
        /// Where the value starts as written; the key's end when it is empty.
        public var valueLine: Int, valueColumn: Int
        /// The value as written in the file, escapes and continuations
        /// included (one line per natural line, joined by a line break).
        public var written: String
        /// A backslash in the value that Java dropped: `\` before a
        /// character that is no escape (the typical `C:\Program Files`).
        public var droppedBackslashes: Int
    }

    /// Something Java refuses (it throws while loading): a malformed
    /// `\uXXXX`.
    public struct Problem: Sendable, Equatable, Error {
        public var message: String
        public var line: Int, column: Int
    }

    public var entries: [Entry] = []
    public var problems: [Problem] = []

    /// Reads `bytes`; Java would give up at the first problem, which is
    /// kept with the entries read until then.
    public init(bytes: [UInt8]) {
        var reader = LineReader(bytes: bytes)
        while let line = reader.next() {
            do throws(Problem) {
                if let entry = try Self.entry(line) { entries.append(entry) }
            } catch {
                problems.append(error)
                return
            }
        }
    }

    /// One logical line: its characters, each with its place in the file.
    struct LogicalLine {
        var characters: [(scalar: Unicode.Scalar, line: Int, column: Int)] = []
        /// Where each natural line of it begins in `characters`.
        var naturalStarts: [Int] = []
        /// Where the line ended (for a line left empty).
        var end = (line: 1, column: 1)
    }

    /// Splits the file into logical lines as the `LineReader` of Java 9
    /// and later does: blanks at the start of each natural line go; while
    /// nothing of a logical line is kept yet, `#` or `!` makes the rest of
    /// that natural line a comment (this holds after a continuation too),
    /// and an empty line is nothing; a line ending in an odd number of
    /// backslashes is joined to the next (the backslash and the line break
    /// vanish). Each kept character keeps its place in the file.
    struct LineReader {
        let bytes: [UInt8]
        var offset = 0
        var line = 1
        var column = 1

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func next() -> LogicalLine? {
            var logical = LogicalLine()
            var skipBlanks = true
            var appendedLineBegin = false
            var precedingBackslash = false
            var naturalStart = true
            while offset < bytes.count {
                let byte = bytes[offset]
                let isBreak = byte == 0x0A || byte == 0x0D
                if skipBlanks {
                    if byte == 0x20 || byte == 0x09 || byte == 0x0C {
                        advance()
                        continue
                    }
                    if !appendedLineBegin, isBreak {
                        skipLineBreak()
                        continue
                    }
                    skipBlanks = false
                    appendedLineBegin = false
                }
                if logical.characters.isEmpty, byte == UInt8(ascii: "#") || byte == UInt8(ascii: "!") {
                    while offset < bytes.count, bytes[offset] != 0x0A, bytes[offset] != 0x0D { advance() }
                    skipLineBreak()
                    skipBlanks = true
                    naturalStart = true
                    continue
                }
                if !isBreak {
                    if naturalStart {
                        logical.naturalStarts.append(logical.characters.count)
                        naturalStart = false
                    }
                    logical.characters.append((Unicode.Scalar(byte), line, column))
                    precedingBackslash = byte == UInt8(ascii: "\\") ? !precedingBackslash : false
                    advance()
                    continue
                }
                // The end of a natural line. Java looks for more input right
                // after the break character; when there is none, the line
                // ends here, its continuation backslash dropped, and is
                // read even when nothing is left of it (an empty key).
                if offset == bytes.count - 1, !logical.characters.isEmpty {
                    skipLineBreak()
                    if precedingBackslash {
                        let last = logical.characters.removeLast()
                        logical.end = (last.line, last.column)
                        if logical.naturalStarts.last == logical.characters.count { logical.naturalStarts.removeLast() }
                    }
                    return logical
                }
                skipLineBreak()
                naturalStart = true
                if logical.characters.isEmpty {
                    skipBlanks = true
                    continue
                }
                if precedingBackslash {
                    // The continuation backslash is not part of the line.
                    logical.characters.removeLast()
                    if logical.naturalStarts.last == logical.characters.count { logical.naturalStarts.removeLast() }
                    skipBlanks = true
                    appendedLineBegin = true
                    precedingBackslash = false
                    continue
                }
                return logical
            }
            // The end of the file ends the last line; a backslash there goes,
            // and what is left is a line even when nothing is (Java then
            // reads an empty key with an empty value).
            guard !logical.characters.isEmpty else { return nil }
            if precedingBackslash {
                let last = logical.characters.removeLast()
                logical.end = (last.line, last.column)
            }
            return logical
        }

        mutating func advance() {
            offset += 1
            column += 1
        }

        mutating func skipLineBreak() {
            guard offset < bytes.count else { return }
            if bytes[offset] == 0x0D {
                offset += 1
                if offset < bytes.count, bytes[offset] == 0x0A { offset += 1 }
            } else if bytes[offset] == 0x0A {
                offset += 1
            }
            line += 1
            column = 1
        }
    }

    static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\u{0C}" }

    /// Key and value of one logical line.
    static func entry(_ logical: LogicalLine) throws(Problem) -> Entry? {
        let chars = logical.characters
        guard let first = chars.first else {
            let at = logical.end
            return Entry(key: "", value: "", keyLine: at.line, keyColumn: at.column, valueLine: at.line,
                         valueColumn: at.column, written: "", droppedBackslashes: 0)
        }
        // The key ends at the first unescaped separator or blank.
        var index = 0
        var escaped = false
        while index < chars.count {
            let scalar = chars[index].scalar
            if escaped {
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else if scalar == "=" || scalar == ":" || isBlank(scalar) {
                break
            }
            index += 1
        }
        let keyEnd = index
        // Blanks, then at most one `=` or `:`, then blanks.
        var hasSeparator = false
        while index < chars.count {
            let scalar = chars[index].scalar
            if isBlank(scalar) {
                index += 1
            } else if !hasSeparator, scalar == "=" || scalar == ":" {
                hasSeparator = true
                index += 1
            } else {
                break
            }
        }
        let key = try unescape(chars[0..<keyEnd])
        let value = try unescape(chars[index...])
        let valueAt = index < chars.count ? chars[index] : (keyEnd < chars.count ? chars[keyEnd] : chars[chars.count - 1])
        var written = ""
        for position in index..<chars.count {
            if logical.naturalStarts.contains(position), position > index { written += "\n" }
            written.unicodeScalars.append(chars[position].scalar)
        }
        return Entry(
            key: key.text, value: value.text, keyLine: first.line, keyColumn: first.column,
            valueLine: valueAt.line, valueColumn: index < chars.count ? valueAt.column : valueAt.column + 1,
            written: written, droppedBackslashes: value.dropped)
    }

    /// Java's escapes applied to a run of characters. Java's strings are
    /// UTF-16: a `\uXXXX` is one code unit, so two of them can make one
    /// character outside the Basic Multilingual Plane.
    static func unescape(
        _ chars: ArraySlice<(scalar: Unicode.Scalar, line: Int, column: Int)>
    ) throws(Problem) -> (text: String, dropped: Int) {
        var units: [UInt16] = []
        units.reserveCapacity(chars.count)
        var dropped = 0
        var index = chars.startIndex
        while index < chars.endIndex {
            let scalar = chars[index].scalar
            guard scalar == "\\", index + 1 < chars.endIndex else {
                // A lone backslash at the very end of a value is dropped.
                if scalar != "\\" { units.append(UInt16(scalar.value)) }
                index += 1
                continue
            }
            let next = chars[index + 1].scalar
            switch next {
            case "t": units.append(0x09)
            case "n": units.append(0x0A)
            case "r": units.append(0x0D)
            case "f": units.append(0x0C)
            case "u":
                var value: UInt16 = 0
                for offset in 2..<6 {
                    guard index + offset < chars.endIndex, let digit = hexValue(chars[index + offset].scalar) else {
                        throw Problem(message: "malformed \\uXXXX escape: Java stops reading the file here",
                                      line: chars[index].line, column: chars[index].column)
                    }
                    value = value &* 16 &+ UInt16(digit)
                }
                units.append(value)
                index += 6
                continue
            default:
                units.append(UInt16(next.value))
                // `\\`, and the separators and comment marks Java's own
                // `store` escapes, are meant; any other backslash is lost.
                if !["\\", "=", ":", " ", "#", "!"].contains(next) { dropped += 1 }
            }
            index += 2
        }
        return (String(decoding: units, as: UTF16.self), dropped)
    }

    static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 0x30
        case "a"..."f": scalar.value - 0x61 + 10
        case "A"..."F": scalar.value - 0x41 + 10
        default: nil
        }
    }
}
