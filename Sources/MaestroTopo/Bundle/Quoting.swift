/// Quoting for the scripts a bundle holds. Values come from a validated
/// topology (host names are RFC 1123), but paths and CA names are free text,
/// so every interpolated value is quoted for its language.
enum Quoting {
    /// POSIX shell: single quotes, a `'` written as `'\''`.
    static func shell(_ text: String) -> String {
        "'" + text.replacingAll("'", with: "'\\''") + "'"
    }

    /// PowerShell: single quotes, a `'` doubled.
    static func powershell(_ text: String) -> String {
        "'" + text.replacingAll("'", with: "''") + "'"
    }

    /// cmd.exe inside `set "NAME=value"`: quotes protect `&|<>^`; `%` must be
    /// doubled and `"` cannot appear (Windows paths never hold one).
    static func cmd(_ text: String) -> String {
        text.replacingAll("%", with: "%%").replacingAll("\"", with: "")
    }

    /// A Markdown code span that survives backticks in the text.
    static func code(_ text: String) -> String {
        text.contains("`") ? "`` \(text) ``" : "`\(text)`"
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(count)
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
