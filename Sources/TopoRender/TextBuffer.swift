/// Output text built piece by piece, held as UTF-8 bytes. Appending to a
/// `String` costs the standard library a few hundred instructions a piece
/// (uniqueness, capacity, count and ASCII flags), more than printing a
/// finding costs otherwise; appending bytes costs a copy, and the finished
/// text becomes one `String` at the end.
struct TextBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: text)
    }

    mutating func append(repeating byte: UInt8, count: Int) {
        bytes.append(contentsOf: repeatElement(byte, count: count))
    }

    static func += (buffer: inout TextBuffer, text: String) {
        buffer.append(text)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
