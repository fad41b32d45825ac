import TopoCheck

/// The key tables of docs/format.md §2, made from `FormatKeys`. Each table
/// stands between `<!-- keys: ID -->` and `<!-- end keys -->` in the
/// document; `splice` puts the current tables in their place.
public enum FormatReferenceRenderer {
    public static func table(_ section: Section) -> String {
        var lines: [String]
        if section == .secret {
            lines = ["| form | example | meaning |", "|---|---|---|"]
            lines += FormatKeys.secretForms.map { "| \($0.form) | \($0.example) | \($0.meaning) |" }
        } else {
            lines = ["| key | type | \(FormatKeys.presenceHeading(of: section)) | meaning |", "|---|---|---|---|"]
            lines += FormatKeys.keys(of: section).map { key in
                let meaning = key.isAddition ? (["**Addition.**"] + (key.meaning.isEmpty ? [] : [key.meaning]))
                    .joined(separator: " ") : key.meaning
                return "| `\(key.name)` | \(key.type) | \(key.presence) |" + (meaning.isEmpty ? " |" : " \(meaning) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func startMarker(_ section: Section) -> String { "<!-- keys: \(section.id) -->" }
    static let endMarker = "<!-- end keys -->"

    /// The document with every marked table replaced by the current one.
    /// Nil when a section's markers are missing or out of order, so a
    /// broken document is never rewritten.
    public static func splice(into document: String) -> String? {
        var lines = document.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for section in Section.documented {
            guard let start = lines.firstIndex(of: startMarker(section)),
                  let end = lines[start...].firstIndex(of: endMarker) else { return nil }
            var table = table(section).split(separator: "\n").map(String.init)
            table.insert("", at: 0)
            table.append("")
            lines.replaceSubrange((start + 1)..<end, with: table)
        }
        return lines.joined(separator: "\n")
    }
}
