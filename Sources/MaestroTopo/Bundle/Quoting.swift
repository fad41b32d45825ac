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

    /// cmd.exe literal text inside `set "NAME=value"` with delayed expansion
    /// off: the quotes protect `&|<>()^`, `!` is plain text, and `%` is
    /// doubled, which cmd's percent pass (in a `rem` line too) turns back
    /// into one. A `"` would end the quoting early, and no Windows path can
    /// hold one, so it is dropped; `certificate.cmd` refuses to run when a
    /// planned path held one (see CertificateScript+Cmd.swift).
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
