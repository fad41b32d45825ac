/// A JSON document with keys kept in the order written, so output matches
/// the documented contract key by key and is the same bytes every run.
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    public static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// Pretty-printed with two-space indentation and a final newline.
    public func serialized() -> String {
        serialized(indent: 0) + "\n"
    }

    /// The value as it stands `indent` spaces deep in a larger document,
    /// without a final newline.
    public func serialized(indent: Int) -> String {
        var out = ""
        write(into: &out, indent: indent)
        return out
    }

    private func write(into out: inout String, indent: Int) {
        switch self {
        case let .string(text): Self.quote(text, into: &out)
        case let .int(value): out += String(value)
        case let .bool(value): out += value ? "true" : "false"
        case .null: out += "null"
        case let .array(items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                Self.pad(indent + 2, into: &out)
                item.write(into: &out, indent: indent + 2)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            Self.pad(indent, into: &out)
            out += "]"
        case let .object(members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                Self.pad(indent + 2, into: &out)
                Self.quote(key, into: &out)
                out += ": "
                value.write(into: &out, indent: indent + 2)
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            Self.pad(indent, into: &out)
            out += "}"
        }
    }

    /// Indentation without making a new String each time.
    private static func pad(_ count: Int, into out: inout String) {
        let spaces = "                                "
        var left = count
        while left > 0 {
            let piece = min(left, spaces.utf8.count)
            out += spaces.utf8.count == piece ? spaces : String(spaces.utf8.prefix(piece))!
            left -= piece
        }
    }

    private static func quote(_ text: String, into out: inout String) {
        out += "\""
        // Most strings need no escape at all: appended whole.
        if !needsEscaping(text) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x2028...0x2029).contains(scalar.value) {
                    out += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// Whether any character of `text` is written escaped: a quote, a
    /// backslash, a control character or DEL, or U+2028/U+2029 (UTF-8
    /// E2 80 A8/A9).
    private static func needsEscaping(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for (i, byte) in bytes.enumerated() {
                switch byte {
                case 0..<0x20, 0x22, 0x5C, 0x7F: return true
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    return true
                default: continue
                }
            }
            return false
        }
    }
}
