import ArgumentParser
import MaestroTopo
import TopoModel
import TopoRender

/// A command with a `--format`: the formats it writes, in the order its
/// help and completions list them.
protocol FormatWriting: ParsableCommand {
    static var formats: [OutputFormat] { get }
}

/// The `--format` value of one command. Its help and its bash, zsh and fish
/// completions offer only the formats `Command` writes. Any format name
/// parses, so that `require()` (called from the command's `validate()`) can
/// refuse one of another command's formats by naming the ones this command
/// writes; a name that is no format at all gets argument-parser's own
/// message, which lists the same formats.
struct Format<Command: FormatWriting>: ExpressibleByArgument {
    let value: OutputFormat

    init(_ value: OutputFormat) { self.value = value }

    init?(argument: String) {
        guard let value = OutputFormat(rawValue: argument) else { return nil }
        self.value = value
    }

    var defaultValueDescription: String { value.rawValue }

    static var allValueStrings: [String] { Command.formats.map(\.rawValue) }

    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }

    /// Refuses a format the command does not write (exit 2).
    func require() throws {
        guard !Command.formats.contains(value) else { return }
        let names = Command.formats.map(\.rawValue)
        let command = Command.configuration.commandName ?? ToolInfo.name
        throw ValidationError(
            "\(command) writes --format \(names.dropLast().joined(separator: ", ")) or \(names.last!), not \(value.rawValue)")
    }
}
