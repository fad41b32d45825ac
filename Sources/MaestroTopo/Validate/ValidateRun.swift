import TopoSource
import TopoModel
import TopoCheck
import TopoRender
import TopoSystem

/// The work of `validate`, apart from argument parsing: check every file,
/// stream the findings in input order in the chosen format, and decide the
/// exit code.
public struct ValidateRun {
    public var paths: [String]
    public var jobs: Int
    public var format: OutputFormat
    public var strict: Bool
    public var style: TextStyle
    public var limits = LoaderLimits.default
    public var quiet = false

    public init(
        paths: [String], jobs: Int, format: OutputFormat, strict: Bool, style: TextStyle,
        limits: LoaderLimits = .default, quiet: Bool = false
    ) {
        self.paths = paths
        self.jobs = jobs
        self.format = format
        self.strict = strict
        self.style = style
        self.limits = limits
        self.quiet = quiet
    }

    /// What one file contributes: its rendered pieces and its counts.
    struct FileOutcome: Sendable {
        var elements: [String]
        var tally: BatchSummary.FileTally
    }

    public func run() -> Int32 {
        let discovered = FileDiscovery.files(in: paths)
        guard let renderer = ValidateFormat.renderer(for: format, style: style, strict: strict, quiet: quiet) else {
            Output.error("--format \(format.rawValue) is not a format of validate")
            return 2
        }
        for problem in discovered.problems { Output.error(problem.description) }
        var summary = BatchSummary(problems: discovered.problems)
        var buffer = OutputBuffer(fd: renderer.stream)
        var held: [String] = []
        var written = 0
        var progress = ProgressLine(total: discovered.files.count, enabled: !quiet, sharesStream: renderer.stream == 2)
        if !renderer.needsTotalsFirst { buffer.append(renderer.opening(summary)) }
        let strict = self.strict  // the workers capture the flag, not the run
        BatchValidator.run(files: discovered.files, jobs: jobs, limits: limits, render: { report in
            // Only the counts travel on: the file's bytes and findings stay with the worker.
            FileOutcome(elements: renderer.elements(for: report), tally: BatchSummary.FileTally(report, strict: strict))
        }, emit: { outcome in
            summary.add(outcome.tally)
            for element in outcome.elements where !element.isEmpty {
                if renderer.needsTotalsFirst {
                    held.append(element)
                    continue
                }
                if written > 0 { buffer.append(renderer.separator) }
                written += 1
                progress.clear()
                buffer.append(element)
            }
            progress.advance(done: summary.files, flushing: &buffer)
        })
        progress.finish(flushing: &buffer)
        if renderer.needsTotalsFirst {
            buffer.append(renderer.opening(summary))
            buffer.append(held.joined(separator: renderer.separator))
        }
        buffer.append(renderer.closing(summary))
        buffer.flush()
        if format == .github, !quiet {
            Output.err(DiagnosticTextRenderer(style: style).summary(
                files: summary.files, errors: summary.errors, warnings: summary.warnings, notes: summary.notes,
                unreadable: summary.unreadable))
        }
        if !summary.problems.isEmpty || summary.unreadable > 0 { return 2 }
        return summary.fails ? 1 : 0
    }
}
