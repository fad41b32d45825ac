import ArgumentParser
import MaestroTopo

#if canImport(Glibc)
import Glibc
#endif

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check topology files for errors, like a compiler.",
        discussion: """
            PATH may be a file or a directory; directories are searched \
            recursively for *.yaml and *.yml. Findings are printed to standard \
            error as path:line:col: severity[rule]: message, with the source \
            line and a caret; 'maestro-topo explain RULE' tells more about a rule.

            Examples:
              maestro-topo validate acme.yaml
              maestro-topo validate topologies/ --strict
              maestro-topo validate --format json topologies/ > report.json

            Exit codes: 0 no errors; 1 errors found (or warnings with --strict); \
            2 a path could not be read (the other files are still checked).
            """)

    @OptionGroup var options: CommonOptions

    @Option(name: .shortAndLong, help: "Files checked in parallel (default: all cores).")
    var jobs: Int?

    @Argument(help: "Topology files or directories to check.")
    var paths: [String]

    func validate() throws {
        try options.requireTextOrJSON()
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if paths.isEmpty { throw ValidationError("give at least one file or directory") }
    }

    func run() throws {
        let discovered = FileDiscovery.files(in: paths)
        let cores = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        let reports = BatchValidator.validate(files: discovered.files, jobs: jobs ?? cores)
        let style = options.stderrStyle
        let renderer = DiagnosticTextRenderer(style: style)
        for problem in discovered.problems { Output.error(problem.description) }
        switch options.format {
        case .json:
            Output.out(ValidateJSONRenderer.render(reports))
        case .text, .markdown:
            for report in reports { Output.err(renderer.render(report)) }
            let unreadable = reports.count { $0.readError != nil }
            Output.err(renderer.summary(
                files: reports.count, diagnostics: reports.flatMap(\.diagnostics), unreadable: unreadable))
        }
        if !discovered.problems.isEmpty || reports.contains(where: { $0.readError != nil }) {
            throw ExitCode(2)
        }
        if reports.contains(where: { $0.diagnostics.fails(strict: options.strict) }) {
            throw ExitCode(1)
        }
    }
}
