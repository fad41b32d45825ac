import ArgumentParser
import MaestroTopo

#if canImport(Glibc)
import Glibc
#endif
import TopoCheck
import TopoPlan
import TopoRender
import TopoSystem

/// The `graph --format` values; raw values are the flag values.
enum GraphFormat: String, CaseIterable, ExpressibleByArgument {
    case dot, mermaid, svg
}

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw the topology: hosts, components and every connection (DOT, Mermaid, or SVG through Graphviz).",
        discussion: """
            The topology is validated first, as for plan; with errors no graph \
            is printed (exit 1). Each host is a box holding its components: \
            Maestro servers solid blue, external hosts (database, LISTSERV) \
            dashed grey. Browsers and mail recipients on the Internet are drawn \
            outside every host. Each arrow goes from the component that \
            connects to the one that listens, labelled with port and purpose; \
            assumed connections (the Tracker link's direction) are dashed. With \
            component SSL on, each Maestro server and each link between Maestro \
            components carries a lock and "SSL"; the title says "component \
            SSL: on" or "off". Same file, same bytes.

            --format svg runs Graphviz's 'dot -Tsvg' (package graphviz) and \
            fails with exit 2 when it is not installed; dot and mermaid need \
            nothing else. See docs/graph.md.

            Examples:
              maestro-topo graph acme.yaml --format svg > acme.svg
              maestro-topo graph acme.yaml | dot -Tpng > acme.png
              maestro-topo graph acme.yaml --format mermaid > acme.mmd
            (paste acme.mmd into a ```mermaid block of a Markdown page)
            """)

    @Option(name: .long, help: "Output format: dot (Graphviz source), mermaid (Markdown diagrams) or svg (needs Graphviz's dot).")
    var format: GraphFormat = .dot

    @OptionGroup var options: CommonOptions

    @Argument(help: "The topology file.")
    var file: String

    func run() throws {
        let opened = try OpenedTopology.open(file, limits: options.limits.loaderLimits)
        options.findings.print(opened.diagnostics, in: opened.source)
        guard let resolved = opened.usable(strict: options.strict) else {
            options.findings.refuse(opened.diagnostics, because: "no graph: fix the errors above first")
            throw ExitCode(1)
        }
        let graph = TopologyGraph(resolved)
        switch format {
        case .dot:
            Output.out(GraphDOTRenderer.render(graph))
        case .mermaid:
            Output.out(GraphMermaidRenderer.render(graph))
        case .svg:
            do {
                Output.out(try Graphviz.svg(fromDOT: GraphDOTRenderer.render(graph)))
            } catch let failure as Graphviz.Failure {
                Output.error(failure.description)
                throw ExitCode(2)
            }
        }
    }
}
