import TopoModel

/// The `--format` values; raw values are the flag values.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text
    case json
    /// plan and diff: tables a change ticket takes as they are.
    case markdown
    /// plan only: one self-contained page for a change board, with the
    /// topology picture inlined.
    case html
    /// validate only: SARIF 2.1.0, JUnit XML, GitHub workflow annotations.
    case sarif, junit, github

    /// The formats `validate` writes.
    public static let validateFormats: [OutputFormat] = [.text, .json, .sarif, .junit, .github]
}

/// How text output looks: colour only on a terminal, never with NO_COLOR or
/// `--no-color`.
public struct TextStyle: Sendable {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    public static let plain = TextStyle(color: false)


    public func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public func bold(_ text: String) -> String { paint(text, "1") }

    /// Appends to `out` what `body` appends, painted as one run: `paint`
    /// for output built piece by piece, with no string made for the run.
    func paint(_ code: String, onto out: inout TextBuffer, _ body: (inout TextBuffer) -> Void) {
        if color { out += "\u{1B}[\(code)m" }
        body(&out)
        if color { out += "\u{1B}[0m" }
    }

    public func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: paint("error", "1;31")
        case .warning: paint("warning", "1;33")
        case .note: paint("note", "1;36")
        }
    }
}
