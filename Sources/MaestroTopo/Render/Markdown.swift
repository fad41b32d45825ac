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

    /// A table; `rows` hold finished cells (see `cell`, `codeCell`).
    static func table(_ headers: [String], _ rows: [[String]]) -> String {
        var out = "| " + headers.joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: "---|", count: headers.count) + "\n"
        for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
        return out
    }
}
