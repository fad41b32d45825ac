import TopoPlan

/// Pieces of GitHub-flavoured Markdown shared by the Markdown renderers:
/// table cells that survive any text, and whole tables.
enum Markdown {
    /// A table cell: `|` escaped, line breaks as `<br>`, empty as a dash.
    static func cell(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return "—" }
        var out = ""
        for character in value {
            switch character {
            case "|": out += "\\|"
            case "\n", "\r\n", "\r": out += "<br>"
            default: out.append(character)
            }
        }
        return out
    }

    /// A code span (backticks in the text kept) that is also a safe cell.
    static func codeCell(_ value: String) -> String {
        cell(Quoting.code(value))
    }

    /// Prose as Markdown shows it literally: outside code spans, characters
    /// Markdown would read (backslash, `*`, `_`, brackets, angle brackets)
    /// are backslash-escaped, so an INI path with doubled backslashes still
    /// shows both of them.
    /// Code spans (backtick runs with a matching closing run) stay as they are.
    static func text(_ prose: String) -> String {
        let characters = Array(prose)
        var out = ""
        var i = 0
        while i < characters.count {
            let character = characters[i]
            if character == "`" {
                var run = 0
                while i + run < characters.count, characters[i + run] == "`" { run += 1 }
                if let end = closingRun(of: run, in: characters, after: i + run) {
                    out += String(characters[i..<end + run])
                    i = end + run
                } else {
                    out += String(repeating: "\\`", count: run)
                    i += run
                }
                continue
            }
            if "\\*_[]<>".contains(character) { out += "\\" }
            out.append(character)
            i += 1
        }
        return out
    }

    /// Where a run of exactly `length` backticks starts after `start`.
    private static func closingRun(of length: Int, in characters: [Character], after start: Int) -> Int? {
        var i = start
        while i < characters.count {
            guard characters[i] == "`" else { i += 1; continue }
            var run = 0
            while i + run < characters.count, characters[i + run] == "`" { run += 1 }
            if run == length { return i }
            i += run
        }
        return nil
    }

    /// A fenced code block of `text`'s lines, each line (fences included)
    /// after `indent` so it can continue a list item. The fence is longer
    /// than any run of backticks in the text, so no line can close it.
    static func fence(_ text: String, language: String = "", indent: String = "") -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let marks = String(repeating: "`", count: max(3, longest + 1))
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var out = indent + marks + language + "\n"
        for line in lines { out += indent + line + "\n" }
        return out + indent + marks + "\n"
    }

    /// A table; `rows` hold finished cells (see `cell`, `codeCell`).
    static func table(_ headers: [String], _ rows: [[String]]) -> String {
        var out = "| " + headers.joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: "---|", count: headers.count) + "\n"
        for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
        return out
    }
}
