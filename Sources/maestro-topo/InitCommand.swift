import ArgumentParser
import MaestroTopo
import TopoModel
import TopoPlan
import TopoSystem

extension Preset: ExpressibleByArgument {}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Print a starting topology to edit.",
        discussion: """
            Presets:
              single       \(Preset.single.summary)
              two-server   \(Preset.twoServer.summary)
              four-server  \(Preset.fourServer.summary)

            Examples:
              maestro-topo init > acme.yaml
              maestro-topo init --preset two-server --installation acme-test --output acme-test.yaml
            """)

    @Option(name: .long, help: "The layout to start from: single, two-server or four-server.")
    var preset: Preset = .fourServer

    @Option(name: .long, help: "The installation's name (letters, digits, '.', '_', '-').")
    var installation = "acme-production"

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(name: .long, help: "Replace the output file if it exists.")
    var force = false

    func validate() throws {
        let allowed = installation.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
        }
        guard !installation.isEmpty, allowed else {
            throw ValidationError("--installation takes letters, digits, '.', '_' and '-' only")
        }
    }

    func run() throws {
        let text = preset.yaml(installation: installation)
        guard let output else {
            Output.out(text)
            return
        }
        if !force, FileSystem.kind(of: output, followLinks: false) != .missing {
            throw ToolError.alreadyExists(path: output)
        }
        try FileSystem.writeAtomically(Array(text.utf8), to: output)
        Output.err("wrote \(output) (preset \(preset.rawValue)); next: maestro-topo validate \(output)\n")
    }
}
