/// Text made safe for XML and HTML, shared by the JUnit report and the
/// plan's HTML page.
enum Markup {
    /// The five special characters as entities, line breaks in attributes
    /// as character references, and characters XML 1.0 cannot hold at all
    /// (most control characters, as a file with NUL bytes may bring into a
    /// message) as U+FFFD. Outside attributes (`attribute: false`) quotes
    /// and line breaks stay as they are.
    static func escape(_ text: String, attribute: Bool = true) -> String {
        text.escaped { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": attribute ? "&quot;" : nil
            case "'": attribute ? "&apos;" : nil
            case "\n": attribute ? "&#10;" : nil
            case "\r": "&#13;"
            case "\t": attribute ? "&#9;" : nil
            default: scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF ? "\u{FFFD}" : nil
            }
        }
    }
}
