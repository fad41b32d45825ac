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

    /// The text of 1-based `line`, without its line break; nil past the end.
    public func line(_ number: Int) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = 0
        // Skip a UTF-8 byte order mark; libyaml does not count it as a column.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        var index = start
        while index < bytes.count, current < number {
            if bytes[index] == UInt8(ascii: "\n") {
                current += 1
                start = index + 1
            }
            index += 1
        }
        guard current == number, start <= bytes.count else { return nil }
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    public static let mask = "********"

    /// Line `number` with every literal password on it replaced by `mask`,
    /// and `column` moved to where it now stands.
    public func displayLine(_ number: Int, column: Int) -> (text: String, column: Int)? {
        guard let text = line(number) else { return nil }
        let spans = secrets.filter { $0.start.line <= number && number <= $0.end.line }
        guard !spans.isEmpty else { return (text, column) }
        var scalars = Array(text.unicodeScalars)
        var column = column
        // Right to left, so earlier columns stay valid while replacing.
        for span in spans.sorted(by: { $0.start > $1.start }) {
            let from = span.start.line == number ? span.start.column - 1 : 0
            let to = span.end.line == number ? span.end.column - 1 : scalars.count
            guard from >= 0, from <= to, to <= scalars.count else { continue }
            scalars.replaceSubrange(from..<to, with: Self.mask.unicodeScalars)
            if column - 1 >= to { column += Self.mask.count - (to - from) }
            else if column - 1 > from { column = from + 1 }
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return (result, column)
    }
}
