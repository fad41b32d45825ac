import ArgumentParser
import MaestroTopo

extension OutputFormat: ExpressibleByArgument {}

/// Flags shared by the commands that read a topology.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: text or json (diff: also markdown). JSON goes to standard output and follows the documented contract (format_version 1).")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Fail (exit 1) on warnings as well as errors.")
    var strict = false

    @Flag(name: .long, help: "No colour, even on a terminal. Setting NO_COLOR does the same.")
    var noColor = false

    @OptionGroup(title: "Input limits") var limits: LimitOptions

    /// Commands without a Markdown rendering refuse it up front (exit 2).
    func requireTextOrJSON() throws {
        if format == .markdown { throw ValidationError("--format markdown is available for diff only; use text or json") }
    }

    var stderrStyle: TextStyle { TextStyle.forStream(2, noColorFlag: noColor) }
    var stdoutStyle: TextStyle { TextStyle.forStream(1, noColorFlag: noColor) }
}
