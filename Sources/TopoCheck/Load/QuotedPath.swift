/// What to tell someone who wrote a Windows path in double quotes, where
/// YAML reads each backslash as the start of an escape (`"E:\newkeys"` holds
/// a line break, `"D:\Certs"` is a syntax error). The single-quoted form is
/// worked out from the text as typed, because the value libyaml made of it
/// has lost the backslashes.
enum QuotedPath {
    /// The note for both cases, with the single-quoted form when the typed
    /// text is known.
    static func escapeNote(typed: String?) -> String {
        let base = "in double quotes a backslash starts an escape; write Windows paths in single quotes"
        guard let typed else { return base + ", where a backslash is an ordinary character" }
        return base + ": \(singleQuoted(typedInDoubleQuotes: typed))"
    }

    /// A value in single quotes, where only `'` needs doubling.
    static func singleQuoted(_ value: String) -> String {
        "'" + value.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }

    /// `'…'` for what was typed between double quotes: `\\` was meant as one
    /// backslash, every other backslash as itself; a `'` is doubled.
    static func singleQuoted(typedInDoubleQuotes typed: String) -> String {
        var result = "'"
        var scalars = typed.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\\":
                result.unicodeScalars.append(scalar)
                if scalars.first == "\\" { scalars.removeFirst() }
            case "'":
                result += "''"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "'"
    }

    /// The text typed inside a double-quoted scalar, from the character after
    /// its opening quote to the end of that line: everything before the next
    /// `"`. A Windows path holds no `"`, so a `\"` is taken as a trailing
    /// backslash before the closing quote. Nil when the line has no closing
    /// quote (the scalar goes on over several lines).
    static func insideQuotes(_ rest: String) -> String? {
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    /// The first escape in double-quoted text as typed that may make a
    /// control character (`\n`, `\t`, `\L`, `\x…`, …): not `\\` and `\"`,
    /// which mean what a Windows path would want, nor `\ `, `\/`, `\_`.
    static func firstEscape(in typed: String) -> String? {
        var scalars = typed.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            guard scalar == "\\", let next = scalars.popFirst() else { continue }
            if !"\\\" /_".unicodeScalars.contains(next) { return "\\" + String(next) }
        }
        return nil
    }

    /// What an escape turns into, in words.
    static func meaning(of escape: String) -> String {
        switch escape {
        case "\\n", "\\L", "\\P", "\\N": "a line break"
        case "\\t": "a tab"
        case "\\r": "a carriage return"
        default: "a control character"
        }
    }
}
