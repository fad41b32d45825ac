import ArgumentParser
import MaestroTopo

#if canImport(Glibc)
import Glibc
#endif
import TopoSource
import TopoCheck
import TopoRender
import TopoSystem

struct ValidateCommand: FormatWriting {
    static let formats = OutputFormat.validateFormats

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
              maestro-topo validate --format sarif topologies/ > maestro-topo.sarif
              maestro-topo validate --format junit topologies/ > maestro-topo.xml
              maestro-topo validate --format github topologies/   # in GitHub Actions
              maestro-topo validate --quiet --max-hosts 500000 big/

            Formats: text (for people, on standard error), json (the documented \
            contract), sarif (SARIF 2.1.0 for code scanning), junit (JUnit XML, \
            a test case per file), github (GitHub Actions annotations). Machine \
            formats go to standard output. On a terminal a progress line shows \
            while many files are checked.

            Exit codes: 0 no errors; 1 errors found (or warnings with --strict); \
            2 a path could not be read (the other files are still checked).
            """)

    @Option(name: .long, help: "Output format: text (for people, on standard error), json, sarif, junit or github (on standard output).")
    var format = Format<Self>(.text)

    @OptionGroup var options: CommonOptions

    @Option(name: .shortAndLong, help: "Files checked in parallel (default: all cores).")
    var jobs: Int?

    @Argument(help: "Topology files or directories to check.")
    var paths: [String]

    func validate() throws {
        try format.require()
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if paths.isEmpty { throw ValidationError("give at least one file or directory") }
    }

    func run() throws {
        let outcome = ValidateRun(
            paths: paths, jobs: jobs ?? Self.cores, format: format.value, strict: options.strict,
            style: options.stderrStyle, limits: options.limits.loaderLimits, quiet: options.quiet
        ).run()
        if outcome != 0 { throw ExitCode(outcome) }
    }

    static var cores: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}
