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
        let outcome = ValidateRun(
            paths: paths, jobs: jobs ?? Self.cores, format: options.format, strict: options.strict,
            style: options.stderrStyle, limits: options.limits.loaderLimits
        ).run()
        if outcome != 0 { throw ExitCode(outcome) }
    }

    static var cores: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}

/// The work of `validate`, apart from argument parsing: check every file,
/// stream the findings in input order, and decide the exit code.
struct ValidateRun {
    var paths: [String]
    var jobs: Int
    var format: OutputFormat
    var strict: Bool
    var style: TextStyle
    var limits = LoaderLimits.default

    /// What one file contributes: its rendered output and its counts.
    struct FileOutcome: Sendable {
        var text: String
        var errors = 0, warnings = 0, notes = 0
        var unreadable = false
        var fails = false
    }

    func run() -> Int32 {
        let discovered = FileDiscovery.files(in: paths)
        for problem in discovered.problems { Output.error(problem.description) }
        let renderer = DiagnosticTextRenderer(style: style)
        let json = format == .json, strict = self.strict
        var total = FileOutcome(text: "")
        var files = 0, unreadable = 0
        var buffer = OutputBuffer(fd: json ? 1 : 2)
        if json { buffer.append(ValidateJSONRenderer.header) }
        BatchValidator.run(files: discovered.files, jobs: jobs, limits: limits, render: { report in
            let d = report.diagnostics
            return FileOutcome(
                text: json ? ValidateJSONRenderer.file(report) : renderer.render(report),
                errors: d.errorCount, warnings: d.warningCount, notes: d.noteCount,
                unreadable: report.readError != nil, fails: d.fails(strict: strict))
        }, emit: { outcome in
            if json { buffer.append(files == 0 ? "\n" : ",\n") }
            buffer.append(outcome.text)
            files += 1
            total.errors += outcome.errors
            total.warnings += outcome.warnings
            total.notes += outcome.notes
            if outcome.unreadable { unreadable += 1 }
            total.fails = total.fails || outcome.fails
        })
        if json {
            buffer.append(ValidateJSONRenderer.footer(
                files: files, errors: total.errors, warnings: total.warnings, notes: total.notes))
        } else {
            buffer.append(renderer.summary(
                files: files, errors: total.errors, warnings: total.warnings, notes: total.notes, unreadable: unreadable))
        }
        buffer.flush()
        if !discovered.problems.isEmpty || unreadable > 0 { return 2 }
        return total.fails ? 1 : 0
    }
}
