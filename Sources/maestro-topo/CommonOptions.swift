import ArgumentParser
import MaestroTopo
import TopoRender

/// Flags shared by the commands that read a topology. Each command has
/// its own `--format` (`Format`), since each writes different formats.
struct CommonOptions: ParsableArguments {
    @Flag(name: .long, help: "Fail (exit 1) on warnings as well as errors.")
    var strict = false

    @Flag(name: .long, help: "No colour, even on a terminal. Setting NO_COLOR does the same.")
    var noColor = false

    @Flag(name: .shortAndLong, help: "Print only findings that fail the run (errors; warnings too with --strict): no summary, no hints, no progress line.")
    var quiet = false

    @OptionGroup(title: "Input limits") var limits: LimitOptions

    var stderrStyle: TextStyle { TextStyle.forStream(2, noColorFlag: noColor) }
    var stdoutStyle: TextStyle { TextStyle.forStream(1, noColorFlag: noColor) }

    var findings: FindingsPrinter { FindingsPrinter(strict: strict, quiet: quiet, style: stderrStyle) }
}
