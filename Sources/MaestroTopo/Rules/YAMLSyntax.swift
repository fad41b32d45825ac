extension Rules {
    /// libyaml refused the text.
    public static let yamlSyntax: Rule = Rule(
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
    /// person usually did to cause it.
    static func notes(for error: YAMLSyntaxError) -> [String] {
        var notes: [String] = []
        if let context = error.contextLocation, context != error.location {
            notes.append("the part libyaml was reading starts at line \(context.line), column \(context.column)")
        }
        let message = error.message
        if message.contains("did not find expected key") || message.contains("mapping values are not allowed") {
            notes.append("keys of one mapping must start in the same column, and each needs ': ' after it")
        } else if message.contains("found character that cannot start any token") {
            notes.append("indent with spaces only: YAML does not allow tabs for indentation")
        } else if message.contains("did not find expected node content") || message.contains("did not find expected ',' or") {
            notes.append("look for an unclosed bracket or quote, or a stray comma")
        } else if message.contains("invalid") && message.contains("UTF-8") || message.contains("control characters") {
            notes.append("save the file as UTF-8 text; it holds bytes that are not text")
        } else if message.contains("found unexpected end of stream") {
            notes.append("a quote or bracket opened here is never closed")
        }
        return notes
    }
}
