import ArgumentParser
import MaestroTopo
import TopoModel
import TopoRender
import TopoSystem

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of the topology format, for editors.",
        discussion: """
            The schema (JSON Schema draft 2020-12) is made from the same key \
            list the loader reads, so an editor offers the keys validate knows, \
            with their descriptions, and marks wrong keys and value types as \
            you type. validate still judges the rest (host names, component \
            placement, SSL). 'make install' and the Debian package put it in \
            <prefix>/share/maestro-topo/topology.schema.json; docs/topology.schema.json \
            holds a copy.

            Point a file at it with a first line such as
              # yaml-language-server: $schema=/usr/share/maestro-topo/topology.schema.json
            which 'maestro-topo init' writes (VS Code's YAML extension, JetBrains \
            IDEs and Neovim's yaml-language-server read it).

            Examples:
              maestro-topo schema > topology.schema.json
              maestro-topo schema --output topology.schema.json --force
            """)

    @OptionGroup var destination: OutputFileOptions

    func run() throws {
        if let written = try destination.write(TopologySchemaRenderer.json()) {
            Output.err("wrote \(written)\n")
        }
    }
}
