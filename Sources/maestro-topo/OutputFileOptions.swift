import ArgumentParser
import MaestroTopo
import TopoModel
import TopoSystem

/// `--output FILE` and `--force` of the commands that print one text
/// (`init`, `schema`): standard output by default, else the file, written
/// atomically and never over an existing one without `--force`.
struct OutputFileOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(name: .long, help: "Replace the output file if it exists.")
    var force = false

    /// The file written, or nil when the text went to standard output.
    func write(_ text: String) throws -> String? {
        guard let output else {
            Output.out(text)
            return nil
        }
        if !force, FileSystem.kind(of: output, followLinks: false) != .missing {
            throw ToolError.alreadyExists(path: output)
        }
        try FileSystem.writeAtomically(Array(text.utf8), to: output)
        return output
    }
}
