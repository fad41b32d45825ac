import TopoYAML

/// libyaml refused the text.
public struct YAMLSyntax: LoadRule {
    public static let descriptor = RuleDescriptor(
        id: "yaml-syntax", severity: .error,
        summary: "The file is not valid YAML; libyaml's own explanation and position are given.",
        documentation: """
            The topology is read by libyaml. When libyaml cannot parse the text, \
            the finding repeats its explanation and points at the line and column \
            where it gave up. Reading stops there, so no other rule runs on the file.

            Common causes: a tab used for indentation, a key indented differently \
            from its siblings, a `:` missing after a key, an unclosed quote or \
            bracket, bytes that are not UTF-8.

            ```yaml
            hosts:
              ui.acme.example:
               components: [LUI, HUB]   # one space less than the key above
                os: linux
            ```

            Fix: indent with spaces only and keep every key of one mapping in \
            the same column.
            """)
}

enum YAMLSyntaxText {
    /// libyaml's messages name the parser state; these notes say what a
    /// person usually did to cause it. They are chosen by the kind of error
    /// and by what stands in the source at libyaml's marks, not by libyaml's
    /// wording, which may change between versions.
    /// `mayQuoteTyped`: false inside what may be a password, whose text no
    /// note may repeat.
    static func notes(for error: YAMLSyntaxError, mayQuoteTyped: Bool = true) -> [String] {
        var notes: [String] = []
        if let context = error.contextLocation, context != error.location {
            notes.append("the part libyaml was reading starts at line \(context.line), column \(context.column)")
        }
        if let cause = cause(of: error, mayQuoteTyped: mayQuoteTyped) { notes.append(cause) }
        return notes
    }

    private static func cause(of error: YAMLSyntaxError, mayQuoteTyped: Bool) -> String? {
        if error.kind == .reader {
            // The reader only decodes: every error it has is about bytes.
            return "save the file as UTF-8 text; it holds bytes that are not text"
        }
        if error.kind == .scanner, error.atContext == "\"", isInEscape(error) {
            return QuotedPath.escapeNote(typed: mayQuoteTyped ? error.afterContext.flatMap(QuotedPath.insideQuotes) : nil)
        }
        let opensSomething = error.atContext.map { "\"'[{".unicodeScalars.contains($0) } ?? false
        if error.atProblem == nil, opensSomething {
            return "a quote or bracket opened here is never closed"
        }
        switch error.atProblem {
        case "\t":
            return "indent with spaces only: YAML does not allow tabs for indentation"
        case "@", "`":
            return "'@' and '`' cannot start a plain value; put the value in quotes"
        default:
            break
        }
        if let context = error.atContext, "[{,".unicodeScalars.contains(context) {
            return "look for an unclosed bracket or quote, or a stray comma"
        }
        if error.kind == .parser, error.atContext == "-" {
            return "items of one list must start in the same column, each with '- '"
        }
        let sameColumn = "keys of one mapping must start in the same column, and each needs ': ' after it"
        // A parser error with a context: a block mapping or list whose next
        // line is neither a key nor an item of it.
        if error.kind == .parser, error.atContext != nil { return sameColumn }
        if error.atProblem == ":" {
            // The scanner's ': ' where no key may start: a deeper-indented key, or a value holding ': '.
            return sameColumn + "; quote a value that contains ': '"
        }
        return nil
    }

    /// The problem mark stands on a backslash (an unknown escape), or just
    /// after `\x`, `\u` or `\U` (an escape without its hex digits).
    private static func isInEscape(_ error: YAMLSyntaxError) -> Bool {
        if error.atProblem == "\\" { return true }
        guard error.beforeProblem.count == 2 else { return false }
        return error.beforeProblem[0] == "\\" && "xuU".unicodeScalars.contains(error.beforeProblem[1])
    }
}
