/// Pieces of HTML shared by the HTML renderers: escaped text, code, and
/// tables of finished cells.
enum HTML {
    /// Text as element content: `<`, `>` and `&` as entities, characters
    /// no document can hold as U+FFFD.
    static func text(_ value: String) -> String { Markup.escape(value, attribute: false) }

    /// Text as an attribute value, for double quotes.
    static func attribute(_ value: String) -> String { Markup.escape(value) }

    /// Text shown as code.
    static func code(_ value: String) -> String { "<code>" + text(value) + "</code>" }

    /// A table cell's text: escaped, empty as a dash.
    static func cell(_ value: String) -> String { value.isEmpty ? "—" : text(value) }

    /// A table; `rows` hold finished cells (see `text`, `code`, `cell`).
    static func table(_ headers: [String], _ rows: [[String]]) -> String {
        var out = "<table>\n<thead><tr>"
        for header in headers { out += "<th>" + text(header) + "</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for cell in row { out += "<td>" + cell + "</td>" }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// A list of finished items, numbered (`ol`) or not (`ul`).
    static func list(_ items: [String], ordered: Bool = false) -> String {
        let tag = ordered ? "ol" : "ul"
        return "<\(tag)>\n" + items.map { "<li>" + $0 + "</li>\n" }.joined() + "</\(tag)>\n"
    }
}
