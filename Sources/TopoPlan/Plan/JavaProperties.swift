/// Writing values the way `java.util.Properties.load` reads them back: a
/// backslash escapes, so it is doubled; a blank that would be dropped (at
/// the start of a value) or would end a key is escaped, and so are `=`, `:`,
/// `#` and `!` in keys; anything outside printable ASCII becomes `\uXXXX`
/// (UTF-16), because the file is read as ISO-8859-1. Values keep `=`, `:`,
/// `#` and `!` as they are: after the separator they mean nothing special,
/// and `C:\\Maestro` reads better for an administrator than `C\:\\Maestro`.
public enum JavaProperties {
    public static func escape(_ text: String, isKey: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var first = true
        for scalar in text.unicodeScalars {
            defer { first = false }
            switch scalar {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\u{0C}": out += "\\f"
            case " ":
                // Blanks are dropped before a value and end a key.
                out += (first || isKey) ? "\\ " : " "
            case "=", ":", "#", "!":
                // A `where` here would guard only the last pattern.
                if isKey { out += "\\" }
                out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value > 0x7E {
                    for unit in String(scalar).utf16 {
                        out += "\\u" + String(unit, radix: 16, uppercase: true).leftPadded(to: 4)
                    }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Appends `value` (UTF-8 bytes) to `out` escaped exactly as `escape`
    /// escapes a value, without making a `String` of it: for a password,
    /// whose bytes must not be copied where they cannot be wiped. `out`
    /// must have room reserved for `maxEscapedCount(value.count)` more
    /// bytes, so appending never moves it (leaving a copy behind).
    public static func appendEscaped(_ value: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        func hex(_ unit: UInt16) {
            out += [UInt8(ascii: "\\"), UInt8(ascii: "u")]
            for shift in stride(from: 12, through: 0, by: -4) {
                let nibble = UInt8((unit >> UInt16(shift)) & 0xF)
                out.append(nibble < 10 ? 48 + nibble : 55 + nibble)
            }
        }
        var iterator = value.makeIterator()
        var decoder = UTF8()
        var first = true
        while true {
            let scalar: Unicode.Scalar
            switch decoder.decode(&iterator) {
            case let .scalarValue(decoded): scalar = decoded
            case .emptyInput: return
            case .error: scalar = "\u{FFFD}"  // as String(decoding:) reads it; callers check first
            }
            defer { first = false }
            switch scalar {
            case "\\": out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case "\t": out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case "\n": out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case "\r": out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case "\u{0C}": out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case " ":
                if first { out.append(UInt8(ascii: "\\")) }
                out.append(UInt8(ascii: " "))
            default:
                if scalar.value < 0x20 || scalar.value > 0x7E {
                    if scalar.value > 0xFFFF {
                        let offset = scalar.value - 0x10000
                        hex(UInt16(0xD800 + (offset >> 10)))
                        hex(UInt16(0xDC00 + (offset & 0x3FF)))
                    } else {
                        hex(UInt16(scalar.value))
                    }
                } else {
                    out.append(UInt8(scalar.value))
                }
            }
        }
    }

    /// The most bytes `appendEscaped` writes for `count` input bytes: a
    /// control byte becomes six (`\u0001`), a four-byte character twelve.
    public static func maxEscapedCount(_ count: Int) -> Int { 6 * count }

    /// One `key=value` line.
    public static func entry(_ key: String, _ value: String) -> String {
        escape(key, isKey: true) + "=" + escape(value)
    }
}
