import ArgumentParser
import MaestroTopo

extension OutputFormat: ExpressibleByArgument {
    /// A format the command does not write is refused up front (exit 2).
    func require(_ formats: [OutputFormat], command: String) throws {
        guard formats.contains(self) else {
            let names = formats.map(\.rawValue)
            throw ValidationError(
                "\(command) writes --format \(names.dropLast().joined(separator: ", ")) or \(names.last!), not \(rawValue)")
        }
    }
}

/// Flags shared by the commands that read a topology. Each command has
/// its own `--format`, since each writes different formats.
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
