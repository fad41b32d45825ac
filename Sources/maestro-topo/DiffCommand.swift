import ArgumentParser
import MaestroTopo
import TopoCheck
import TopoPlan
import TopoRender
import TopoSystem

struct DiffCommand: FormatWriting {
    static let formats: [OutputFormat] = [.text, .json, .markdown]

    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Pre-migration check: what changes between two topologies, what that forces, and the runbook.",
        discussion: """
            CURRENT describes the installation as it is (mistakes included: its \
            findings are shown but do not fail the run); TARGET describes it \
            after the change and must be valid. The output lists each host as \
            added (+), changed (~), removed (-) or renamed (→), then the \
            consequences (certificates to issue and retire, ssl.ini files to \
            write, restarts, firewall ports to open and close, data to move), \
            the risks (a Tracker that changes host name, SSL switched on or \
            off), and an ordered, numbered runbook.

            Examples:
              maestro-topo diff today.yaml tomorrow.yaml
              maestro-topo diff --format markdown today.yaml tomorrow.yaml > change-ticket.md
              maestro-topo diff --detailed-exitcode today.yaml tomorrow.yaml   # 0 no change, 3 changes

            Exit codes: 0 valid (with or without changes); 1 TARGET has errors, \
            or a file cannot be read as a topology; 2 the tool could not do its \
            job; with --detailed-exitcode, 3 for a valid change and 0 for none.
            """)

    @Option(name: .long, help: "Output format: text, json (the documented contract) or markdown (a change ticket).")
    var format = Format<Self>(.text)

    @OptionGroup var options: CommonOptions

    @Flag(name: .long, help: "Exit 3 when the files differ and the target is valid, 0 when they are the same.")
    var detailedExitcode = false

    @Argument(help: "The topology as the installation is now.")
    var current: String

    @Argument(help: "The topology as it should be after the change.")
    var target: String

    func validate() throws {
        try format.require()
    }

    func run() throws {
        let currentFile = try OpenedTopology.open(current, limits: options.limits.loaderLimits)
        let targetFile = try OpenedTopology.open(target, limits: options.limits.loaderLimits)
        let (currentSource, currentResult) = (currentFile.source, currentFile.result)
        let (targetSource, targetResult) = (targetFile.source, targetFile.result)
        let readable = currentResult.isComplete && targetResult.isComplete
        let report = readable ? DiffReport(current: currentResult.resolved!, target: targetResult.resolved!) : nil
        var diagnostics = currentResult.diagnostics.map { (current, $0) } + targetResult.diagnostics.map { (target, $0) }
        diagnostics += (report?.diagnostics ?? []).map { (target, $0) }
        diagnostics += (report?.currentDiagnostics ?? []).map { (current, $0) }
        let failed = !readable || targetResult.diagnostics.fails(strict: options.strict)

        switch format.value {
        case .json:
            Output.out(DiffJSONRenderer.render(report, valid: !failed, diagnostics: diagnostics))
        default:
            // Findings go to standard error for markdown too, as for plan:
            // without a report they are the only word on why.
            // CURRENT's own findings never fail the run, so --quiet leaves them out.
            for (path, diagnostic) in diagnostics {
                options.findings.print([diagnostic], in: path == current ? currentSource : targetSource,
                                       failing: path == target)
            }
            if let report {
                Output.out(format.value == .markdown
                    ? DiffMarkdownRenderer.render(report, diagnostics: diagnostics)
                    : DiffTextRenderer(style: options.stdoutStyle).render(report))
            }
        }
        if failed {
            Output.err(readable ? "the target has errors: fix them before the change\n" : "cannot compare: a file is not a readable topology\n")
            throw ExitCode(1)
        }
        if detailedExitcode, let report, !report.diff.isEmpty { throw ExitCode(3) }
    }
}
