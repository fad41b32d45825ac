import ArgumentParser
import MaestroTopo
import TopoModel
import TopoCheck
import TopoRender
import TopoSystem

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule: why it exists, an example, how to fix it.",
        discussion: """
            Without a rule, lists every rule with its severity. The same text \
            makes up docs/rules.md.

            Examples:
              maestro-topo explain partial-ssl
              maestro-topo explain
              maestro-topo explain --markdown > docs/rules.md
            """)

    @Argument(help: "A rule id, as printed in brackets after 'error', 'warning' or 'note'.")
    var rule: String?

    @Flag(name: .long, help: "Print the documentation of every rule as Markdown (docs/rules.md).")
    var markdown = false

    @Flag(name: .long, help: "No colour, even on a terminal. Setting NO_COLOR does the same.")
    var noColor = false

    func validate() throws {
        if markdown, let rule {
            throw ValidationError("--markdown prints every rule; leave out '\(rule)', or drop --markdown to explain just that rule")
        }
    }

    func run() throws {
        let style = TextStyle.forStream(1, noColorFlag: noColor)
        if markdown {
            Output.out(RuleDocRenderer.markdown())
            return
        }
        guard let id = rule else {
            Output.out(RuleDocRenderer.list(style: style))
            return
        }
        guard let found = RuleRegistry.descriptor(id: id) else {
            throw ToolError.unknownRule(id, suggestion: RuleRegistry.suggestion(for: id))
        }
        Output.out(RuleDocRenderer.text(found, style: style))
    }
}
