#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Line breaks as libyaml counts them, so a printed source line is the line
/// libyaml's position names: `\n`, `\r\n`, a lone `\r`, and the Unicode
/// breaks NEL (U+0085), LS (U+2028) and PS (U+2029).
public enum LineBreaks {
    /// The length of the line break starting at byte `offset`, or 0.
    @inline(__always)
    public static func width(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        switch text[offset] {
        case 0x0A:
            return 1
        case 0x0D:
            return offset + 1 < text.count && text[offset + 1] == 0x0A ? 2 : 1
        case 0xC2:
            return offset + 1 < text.count && text[offset + 1] == 0x85 ? 2 : 0
        case 0xE2:
            guard offset + 2 < text.count, text[offset + 1] == 0x80 else { return 0 }
            return text[offset + 2] == 0xA8 || text[offset + 2] == 0xA9 ? 3 : 0
        default:
            return 0
        }
    }

    /// Byte offsets where each line starts. A UTF-8 byte order mark is no
    /// column to libyaml, so line 1 starts after it.
    static func starts(in text: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [text.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0]
        guard let base = text.baseAddress, !text.isEmpty else { return starts }
        func contains(_ byte: UInt8) -> Bool { memchr(base, Int32(byte), text.count) != nil }
        // The usual file breaks lines with `\n` alone: memchr finds them
        // fast. Only a file holding `\r` or the last byte of NEL, LS or PS
        // is walked byte by byte.
        if !contains(0x0D), !contains(0x85), !contains(0xA8), !contains(0xA9) {
            // Two passes, counting first, so the list is allocated once.
            func eachBreak(_ body: (Int) -> Void) {
                var from = 0
                while from < text.count, let hit = memchr(base + from, Int32(UInt8(ascii: "\n")), text.count - from) {
                    from = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit)) + 1
                    body(from)
                }
            }
            var count = 0
            eachBreak { _ in count += 1 }
            starts.reserveCapacity(count + 1)
            eachBreak { starts.append($0) }
            return starts
        }
        var offset = 0
        while offset < text.count {
            let width = width(at: offset, in: text)
            if width > 0 {
                offset += width
                starts.append(offset)
            } else {
                offset += 1
            }
        }
        return starts
    }

    /// Where the text of the line from `start` ends, before its line break;
    /// `next` is where the following line starts (or the end of the text).
    static func contentEnd(start: Int, next: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var end = next
        if end > start, text[end - 1] == 0x0A { end -= 1 }
        if end > start, text[end - 1] == 0x0D { end -= 1 }
        if end == next, end - start >= 2, text[end - 2] == 0xC2, text[end - 1] == 0x85 { end -= 2 }
        if end == next, end - start >= 3, text[end - 3] == 0xE2, text[end - 2] == 0x80,
           text[end - 1] == 0xA8 || text[end - 1] == 0xA9 {
            end -= 3
        }
        return end
    }
}
