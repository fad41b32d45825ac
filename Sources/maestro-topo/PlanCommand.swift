import ArgumentParser
import MaestroTopo
import TopoCheck
import TopoPlan
import TopoRender
import TopoSystem

struct PlanCommand: FormatWriting {
    static let formats: [OutputFormat] = [.text, .json, .markdown]

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

            Examples:
              maestro-topo plan topologies/four-server.yaml
              maestro-topo plan --format json acme.yaml | jq '.servers[].ssl_ini.text'
              maestro-topo plan --format markdown acme.yaml > change-ticket.md
            """)

    @Option(name: .long, help: "Output format: text, json (the documented contract) or markdown (tables for a change ticket).")
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
        let plan = opened.usable(strict: options.strict).map(Planner.plan)
        let failed = plan == nil
        switch format.value {
        case .json:
            Output.out(PlanJSONRenderer.render(
                plan, installation: result.topology?.installation?.value ?? "", diagnostics: result.diagnostics))
        default:
            options.findings.print(result.diagnostics, in: source)
            if let plan {
                Output.out(format.value == .markdown
                    ? PlanMarkdownRenderer.render(plan, diagnostics: result.diagnostics)
                    : PlanTextRenderer(style: options.stdoutStyle).render(plan))
            } else {
                options.findings.refuse(result.diagnostics, because: "no plan: fix the errors above first")
            }
        }
        if failed { throw ExitCode(1) }
    }
}
