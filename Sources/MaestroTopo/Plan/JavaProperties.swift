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

    /// One `key=value` line.
    public static func entry(_ key: String, _ value: String) -> String {
        escape(key, isKey: true) + "=" + escape(value)
    }
}
