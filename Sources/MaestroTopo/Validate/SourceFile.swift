/// A file's bytes, kept to print the source line under a diagnostic. Literal
/// passwords in it are never printed: `displayLine` masks them.
public struct SourceFile: Sendable {
    public let path: String
    public let bytes: [UInt8]
    public let secrets: [SourceSpan]

    public init(path: String, bytes: [UInt8], secrets: [SourceSpan] = []) {
        self.path = path
        self.bytes = bytes
        self.secrets = secrets
    }

    /// Byte offsets where each line starts; built once per file that has
    /// findings, so many findings never rescan a large file.
    public struct LineIndex: Sendable {
        let starts: [Int]
    }

    public func lineIndex() -> LineIndex {
        // A UTF-8 byte order mark is no column to libyaml.
        var starts = [bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        return LineIndex(starts: starts)
    }

    /// Lines longer than this are shown only around the column, and a column
    /// further than this into its line is not shown at all: a topology line
    /// is never that long, and decoding it for every finding would be slow.
    static let longLine = 8 << 10
    static let farColumn = 1 << 17

    /// The text of 1-based `line` without its line break, starting at
    /// character `firstColumn` (1-based) of the line; nil past the end.
    func text(ofLine number: Int, index: LineIndex, around column: Int) -> (text: String, firstColumn: Int)? {
        guard number >= 1, number <= index.starts.count else { return nil }
        let start = index.starts[number - 1]
        var end = number < index.starts.count ? index.starts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard end - start > Self.longLine else {
            return (String(decoding: bytes[start..<end], as: UTF8.self), 1)
        }
        guard column <= Self.farColumn else { return nil }
        // Walk characters (not continuation bytes) up to a window before the column.
        let from = max(1, column - 80)
        var offset = start, character = 1
        while offset < end, character < from {
            offset += 1
            if bytes[offset] & 0xC0 != 0x80 { character += 1 }
        }
        let stop = min(end, offset + 1024)
        return (String(decoding: bytes[offset..<stop], as: UTF8.self), character)
    }

    public static let mask = "********"

    /// Line `number` with every literal password on it replaced by `mask`,
    /// and `column` moved to where it now stands in the returned text.
    public func displayLine(_ number: Int, column: Int, index: LineIndex? = nil) -> (text: String, column: Int)? {
        guard let (text, firstColumn) = text(ofLine: number, index: index ?? lineIndex(), around: column) else {
            return nil
        }
        var column = column - firstColumn + 1
        let spans = secrets.filter { $0.start.line <= number && number <= $0.end.line }
        guard !spans.isEmpty else { return (text, column) }
        var scalars = Array(text.unicodeScalars)
        // Right to left, so earlier columns stay valid while replacing.
        for span in spans.sorted(by: { $0.start > $1.start }) {
            let from = span.start.line == number ? span.start.column - firstColumn : 0
            let to = span.end.line == number ? span.end.column - firstColumn : scalars.count
            let clampedFrom = max(0, min(from, scalars.count)), clampedTo = max(clampedFrom, min(to, scalars.count))
            scalars.replaceSubrange(clampedFrom..<clampedTo, with: Self.mask.unicodeScalars)
            if column - 1 >= clampedTo { column += Self.mask.count - (clampedTo - clampedFrom) }
            else if column - 1 > clampedFrom { column = clampedFrom + 1 }
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return (result, column)
    }
}
