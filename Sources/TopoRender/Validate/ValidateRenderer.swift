import TopoModel
import TopoCheck

/// What a whole `validate` run found, for a format's opening and closing.
public struct BatchSummary: Sendable {
    public var files = 0, errors = 0, warnings = 0, notes = 0, unreadable = 0
    /// Paths given that could not be used: missing, or holding no topology.
    public var problems: [ToolError] = []
    /// Files that could not be read, in input order.
    public var readErrors: [ToolError] = []
    /// Whether the run fails: errors, or warnings with `--strict`.
    public var fails = false

    public init() {}

    /// Counts the paths that were no file to check (missing, an unreadable
    /// folder, a folder without topology files) as unread, as files that
    /// could not be read are: once per path, however many errors it drew.
    public init(problems: [ToolError]) {
        self.problems = problems
        unreadable = Set(problems.map { $0.path ?? $0.description }).count
    }

    /// Counts one file's report in.
    public mutating func add(_ report: FileReport, strict: Bool) {
        add(FileTally(report, strict: strict))
    }

    /// Counts one file in from its tally.
    public mutating func add(_ tally: FileTally) {
        files += 1
        errors += tally.errors
        warnings += tally.warnings
        notes += tally.notes
        if let error = tally.readError {
            unreadable += 1
            readErrors.append(error)
        }
        fails = fails || tally.fails
    }

    /// What one file adds to the summary: its counts, taken where the file
    /// was checked, so its findings need not travel with them.
    public struct FileTally: Sendable {
        var errors = 0, warnings = 0, notes = 0
        var readError: ToolError?
        var fails = false

        public init(_ report: FileReport, strict: Bool) {
            for diagnostic in report.diagnostics {
                switch diagnostic.severity {
                case .error: errors += 1
                case .warning: warnings += 1
                case .note: notes += 1
                }
            }
            readError = report.readError
            fails = errors > 0 || (strict && warnings > 0)
        }
    }
}

/// One output format of `validate`. A run writes the opening, then each
/// file's elements in input order with `separator` between any two
/// elements, then the closing. `elements` runs on the worker that checked
/// the file; everything else runs in order on one thread.
public protocol ValidateRenderer: Sendable {
    /// The descriptor the output belongs on: 2 for text meant for people,
    /// 1 for machine formats.
    var stream: Int32 { get }
    var separator: String { get }
    /// True when the opening needs the totals (JUnit): the run then holds
    /// every element until all files are checked, and calls `opening` last.
    var needsTotalsFirst: Bool { get }
    func opening(_ summary: BatchSummary) -> String
    /// The pieces one file contributes; empty pieces are dropped.
    func elements(for report: FileReport) -> [String]
    func closing(_ summary: BatchSummary) -> String
}

extension ValidateRenderer {
    public var separator: String { "" }
    public var needsTotalsFirst: Bool { false }
    public func opening(_ summary: BatchSummary) -> String { "" }
}

/// The formats `validate` writes, by `--format` value.
public enum ValidateFormat {
    public static func renderer(
        for format: OutputFormat, style: TextStyle, strict: Bool, quiet: Bool
    ) -> (any ValidateRenderer)? {
        switch format {
        case .text: ValidateTextRenderer(renderer: DiagnosticTextRenderer(style: style), strict: strict, quiet: quiet)
        case .json: ValidateJSONRenderer()
        case .sarif: SARIFRenderer()
        case .junit: JUnitRenderer(strict: strict)
        case .github: GitHubAnnotationRenderer()
        case .markdown, .html: nil
        }
    }
}

/// Compiler-style text on standard error, with the closing summary line.
/// `quiet` keeps only the findings that fail the run, and no summary.
public struct ValidateTextRenderer: ValidateRenderer {
    public var renderer: DiagnosticTextRenderer
    public var strict: Bool
    public var quiet: Bool

    public var stream: Int32 { 2 }

    public func elements(for report: FileReport) -> [String] {
        guard quiet else { return [renderer.render(report)] }
        var shown = report
        shown.diagnostics = report.diagnostics.filter { [$0].fails(strict: strict) }
        return [renderer.render(shown)]
    }

    public func closing(_ summary: BatchSummary) -> String {
        quiet ? "" : renderer.summary(
            files: summary.files, errors: summary.errors, warnings: summary.warnings, notes: summary.notes,
            unreadable: summary.unreadable)
    }
}
