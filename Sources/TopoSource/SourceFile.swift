/// A file's bytes, kept to print the source line under a diagnostic. Literal
/// passwords in it are never printed: `displayLine` masks them, both where
/// the loader read one (`secrets`) and where the text alone shows one
/// (`PasswordText`), which covers values libyaml stopped inside.
public struct SourceFile: Sendable {
    public let path: String
    public let bytes: [UInt8]
    /// The loader's spans, in file order.
    public let secrets: [SourceSpan]

    public init(path: String, bytes: [UInt8], secrets: [SourceSpan] = []) {
        self.path = path
        self.bytes = bytes
        self.secrets = secrets.sorted { $0.start < $1.start }
    }

    /// Byte offsets where each line starts, and the literal passwords the
    /// text shows; built once per file that has findings, so many findings
    /// never rescan a large file.
    public struct LineIndex: Sendable {
        let starts: [Int]
        let passwords: PasswordText
    }

    public func lineIndex() -> LineIndex {
        bytes.withUnsafeBufferPointer { text in
            let starts = LineBreaks.starts(in: text)
            return LineIndex(starts: starts, passwords: PasswordText(text: bytes, lineStarts: starts))
        }
    }

    /// Lines longer than this are shown only around the column, and a column
    /// further than this into its line is not shown at all: a topology line
    /// is never that long, and decoding it for every finding would be slow.
    static let longLine = 8 << 10
    static let farColumn = 1 << 17

    /// The text of 1-based `line` without its line break, starting at
    /// character `firstColumn` (1-based) of the line and ending at byte
    /// offset `end`; nil past the end.
    func text(ofLine number: Int, index: LineIndex, around column: Int) -> (text: String, firstColumn: Int, end: Int)? {
        guard number >= 1, number <= index.starts.count else { return nil }
        let start = index.starts[number - 1]
        let end = bytes.withUnsafeBufferPointer { text in
            LineBreaks.contentEnd(
                start: start, next: number < index.starts.count ? index.starts[number] : text.count, in: text)
        }
        guard end - start > Self.longLine else {
            return (String(decoding: bytes[start..<end], as: UTF8.self), 1, end)
        }
        guard column <= Self.farColumn else { return nil }
        // Walk characters (not continuation bytes) up to a window before the column.
        let from = max(1, column - 80)
        var offset = start, character = 1
        while offset < end, character < from {
            offset += 1
            if offset < end, bytes[offset] & 0xC0 != 0x80 { character += 1 }
        }
        let stop = min(end, offset + 1024)
        return (String(decoding: bytes[offset..<stop], as: UTF8.self), character, stop)
    }

    public static let mask = "********"

    /// Line `number` with every literal password on it replaced by `mask`,
    /// and `column` moved to where it now stands in the returned text.
    public func displayLine(_ number: Int, column: Int, index: LineIndex? = nil) -> (text: String, column: Int)? {
        let index = index ?? lineIndex()
        guard let shown = text(ofLine: number, index: index, around: column) else { return nil }
        var text = shown.text
        let firstColumn = shown.firstColumn
        // A NUL is never text (UTF-16 read as UTF-8 has one in every other
        // byte, which would hide a password from the masking below): the
        // line is shown up to it, and the caret stands just past that.
        if text.withUTF8({ $0.contains(0) }), let nul = text.unicodeScalars.firstIndex(of: "\0") { text = String(text.unicodeScalars[..<nul]) }
        var column = column - firstColumn + 1
        let spans = Self.spans(onLine: number, in: secrets) + index.passwords.spans(onLine: number, through: shown.end)
        guard !spans.isEmpty else { return (text, column) }
        var scalars = Array(text.unicodeScalars)
        // The stretches to mask on this line, merged where the two sources overlap.
        var stretches: [Range<Int>] = []
        for span in spans {
            let from = span.start.line == number ? span.start.column - firstColumn : 0
            let to = span.end.line == number ? span.end.column - firstColumn : scalars.count
            let clampedFrom = max(0, min(from, scalars.count)), clampedTo = max(clampedFrom, min(to, scalars.count))
            if clampedFrom < clampedTo { stretches.append(clampedFrom..<clampedTo) }
        }
        stretches.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for stretch in stretches {
            if let last = merged.last, stretch.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, stretch.upperBound)
            } else {
                merged.append(stretch)
            }
        }
        // Right to left, so earlier columns stay valid while replacing.
        for stretch in merged.reversed() {
            let clampedFrom = stretch.lowerBound, clampedTo = stretch.upperBound
            scalars.replaceSubrange(clampedFrom..<clampedTo, with: Self.mask.unicodeScalars)
            if column - 1 >= clampedTo { column += Self.mask.count - (clampedTo - clampedFrom) }
            else if column - 1 > clampedFrom { column = clampedFrom + 1 }
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return (result, column)
    }

    /// The spans of `sorted` (in file order, not overlapping, so their ends
    /// are in order too) that touch line `number`, found by binary search:
    /// a file may hold thousands of them.
    static func spans(onLine number: Int, in sorted: [SourceSpan]) -> [SourceSpan] {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].end.line < number { low = middle + 1 } else { high = middle }
        }
        var found: [SourceSpan] = []
        while low < sorted.count, sorted[low].start.line <= number {
            found.append(sorted[low])
            low += 1
        }
        return found
    }
}
