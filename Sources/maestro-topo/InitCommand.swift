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

            The first line, '# yaml-language-server: $schema=…', points editors \
            (VS Code's YAML extension, JetBrains IDEs, Neovim) at the format's \
            JSON Schema for completion and inline errors: by default the schema \
            installed with maestro-topo (<prefix>/share/maestro-topo/\(InstalledData.schemaFileName)), \
            else \(InstalledData.schemaFileName) beside the file, which \
            'maestro-topo schema --output \(InstalledData.schemaFileName)' writes. \
            --schema names another path or URL.
            """)

    @Option(name: .long, help: "The layout to start from: single, two-server or four-server.")
    var preset: Preset = .fourServer

    @Option(name: .long, help: "The installation's name (letters, digits, '.', '_', '-').")
    var installation = "acme-production"

    @OptionGroup var destination: OutputFileOptions

    @Option(name: .long, help: ArgumentHelp(
        "Where editors find the JSON Schema: a path (relative to the file) or a URL.", valueName: "location"))
    var schema: String?

    func validate() throws {
        let allowed = installation.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
        }
        guard !installation.isEmpty, allowed else {
            throw ValidationError("--installation takes letters, digits, '.', '_' and '-' only")
        }
        if let schema, !Self.fitsTheSchemaLine(schema) {
            throw ValidationError("--schema takes a path or URL without spaces (a file:// URL may write a space as %20)")
        }
    }

    func run() throws {
        // An installed path with a space in it cannot stand on the line.
        let installed = schema == nil ? InstalledData.schemaPath().flatMap { Self.fitsTheSchemaLine($0) ? $0 : nil } : nil
        let location = schema ?? installed ?? InstalledData.schemaFileName
        if schema == nil, installed == nil {
            Output.err("""
                note: the schema line points at \(location) beside the file; write it with \
                'maestro-topo schema --output \(location)', or name another with --schema

                """)
        }
        if let written = try destination.write(preset.yaml(installation: installation, schema: location)) {
            Output.err("wrote \(written) (preset \(preset.rawValue)); next: maestro-topo validate \(written)\n")
        }
    }

    /// yaml-language-server reads the location up to the first space.
    static func fitsTheSchemaLine(_ location: String) -> Bool {
        !location.isEmpty && !location.unicodeScalars.contains {
            $0.properties.isWhitespace || $0.properties.generalCategory == .control
        }
    }
}
