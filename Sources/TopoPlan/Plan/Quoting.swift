/// Quoting for the scripts a bundle holds. Values come from a validated
/// topology (host names are RFC 1123), but paths and CA names are free text,
/// so every interpolated value is quoted for its language.
public enum Quoting {
    /// POSIX shell: single quotes, a `'` written as `'\''`.
    public static func shell(_ text: String) -> String {
        "'" + text.replacingAll("'", with: "'\\''") + "'"
    }

    /// The characters PowerShell takes as a single quote: `'` and the
    /// typographic ones (U+2018 to U+201B). Any of them ends a single-quoted
    /// string unless another one follows, so each is doubled (as itself).
    static let powershellQuotes: Set<Unicode.Scalar> = ["'", "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}"]

    /// PowerShell: single quotes, each of the five quote characters doubled.
    public static func powershell(_ text: String) -> String {
        var out = "'"
        for scalar in text.unicodeScalars {
            out.unicodeScalars.append(scalar)
            if powershellQuotes.contains(scalar) { out.unicodeScalars.append(scalar) }
        }
        return out + "'"
    }

    /// A word to paste into a POSIX shell that means `text`: as it is when
    /// it holds only characters no shell treats specially, in single quotes
    /// otherwise, and as `$'…'` with escapes when it holds a control, line
    /// or bidi character, so that what is pasted is what is shown. A leading
    /// `-` gets `./`, so no command takes the word for an option.
    public static func shellWord(_ text: String) -> String {
        let word = text.hasPrefix("-") ? "./" + text : text
        if !word.isEmpty, word.unicodeScalars.allSatisfy({ $0.isShellPlain }) { return word }
        guard word.unicodeScalars.contains(where: \.isDeceptive) else { return shell(word) }
        var out = "$'"
        for scalar in word.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.isDeceptive {
                    // Octal bytes: the one escape every shell with $'…' (bash, zsh, ksh) reads.
                    for byte in String(scalar).utf8 { out += "\\" + String(byte, radix: 8).leftPadded(to: 3) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "'"
    }

    /// cmd.exe literal text inside `set "NAME=value"` with delayed expansion
    /// off: the quotes protect `&|<>()^`, `!` is plain text, and `%` is
    /// doubled, which cmd's percent pass (in a `rem` line too) turns back
    /// into one. A `"` would end the quoting early, and no Windows path can
    /// hold one, so it is dropped; `certificate.cmd` refuses to run when a
    /// planned path held one (see CertificateScript+Cmd.swift).
    public static func cmd(_ text: String) -> String {
        text.replacingAll("%", with: "%%").replacingAll("\"", with: "")
    }

    /// A Markdown code span that survives backticks in the text.
    public static func code(_ text: String) -> String {
        text.unicodeScalars.contains("`") ? "`` \(text) ``" : "`\(text)`"
    }
}

extension Unicode.Scalar {
    /// Characters that mean themselves to every POSIX shell, anywhere in a word.
    var isShellPlain: Bool {
        switch self {
        case "a"..."z", "A"..."Z", "0"..."9", "/", ".", "_", "-", "+", ",", ":", "@", "%": true
        default: false
        }
    }
}

extension String {
    /// Every `target` replaced, scalar by scalar: a `'` followed by a
    /// combining mark is one Character to Swift but still a quote to a shell,
    /// to cmd and to PowerShell, which read code units.
    func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if scalar == target { out += replacement } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
