import ArgumentParser
import MaestroTopo
import TopoCheck
import TopoModel
import TopoPlan
import TopoRender
import TopoSystem

struct PlanCommand: FormatWriting {
    static let formats: [OutputFormat] = [.text, .json, .markdown, .html]

    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Print what each server needs: ports, firewall rules, certificate, ssl.ini, checklist.",
        discussion: """
            The topology is validated first; a plan is printed only when it has \
            no errors. Per Maestro server the plan lists the ports it listens on \
            and who connects, where it connects to, the inbound firewall rules, \
            the certificate to obtain (CN = host name), the exact ssl.ini text, \
            and an ordered checklist ending with the log lines to look for. \
            Database and LISTSERV hosts are listed as external hosts with the \
            ports they must accept. Passwords are always shown as ********.

            --format html writes one self-contained page for a change board: \
            the topology picture (the SVG of 'graph --format svg', drawn by \
            Graphviz's 'dot'), the hosts, every firewall opening, and per \
            server its ssl.ini and checklist. It loads nothing from elsewhere \
            and runs no script. Without Graphviz the page says what to install \
            (apt-get install graphviz) instead of showing the picture, and the \
            command still succeeds. See docs/html.md.

            Examples:
              maestro-topo plan topologies/four-server.yaml
              maestro-topo plan --format json acme.yaml | jq '.servers[].ssl_ini.text'
              maestro-topo plan --format markdown acme.yaml > change-ticket.md
              maestro-topo plan --format html acme.yaml > change-board.html
            """)

    @Option(name: .long, help: "Output format: text, json (the documented contract), markdown (tables for a change ticket) or html (one self-contained page with the topology picture, for a change board).")
    var format = Format<Self>(.text)

    @OptionGroup var options: CommonOptions

    @Argument(help: "The topology file.")
    var file: String

    func validate() throws {
        try format.require()
    }

    func run() throws {
        let opened = try OpenedTopology.open(file, limits: options.limits.loaderLimits)
        let (source, result) = (opened.source, opened.result)
        let resolved = opened.usable(strict: options.strict)
        let plan = resolved.map(Planner.plan)
        let failed = plan == nil
        switch format.value {
        case .json:
            Output.out(PlanJSONRenderer.render(
                plan, installation: result.topology?.installation?.value ?? "", diagnostics: result.diagnostics))
        default:
            options.findings.print(result.diagnostics, in: source)
            if let plan, let resolved {
                switch format.value {
                case .markdown: Output.out(PlanMarkdownRenderer.render(plan, diagnostics: result.diagnostics))
                case .html: Output.out(page(plan, resolved, diagnostics: result.diagnostics))
                default: Output.out(PlanTextRenderer(style: options.stdoutStyle).render(plan))
                }
            } else {
                options.findings.refuse(result.diagnostics, because: "no plan: fix the errors above first")
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// The HTML page; a page without its picture is still the plan, so a
    /// missing or failing Graphviz is a warning, not a failure.
    private func page(_ plan: Plan, _ resolved: ResolvedTopology, diagnostics: [Diagnostic]) -> String {
        let picture = PlanPicture.draw(resolved)
        if case .unavailable(let reason) = picture, !options.quiet {
            Output.err("maestro-topo: \(options.stderrStyle.severity(.warning)): the page has no topology picture: \(reason)\n")
        }
        return PlanHTMLRenderer.render(plan, picture: picture, diagnostics: diagnostics)
    }
}
