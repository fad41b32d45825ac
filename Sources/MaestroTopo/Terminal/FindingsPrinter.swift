import TopoSource
import TopoModel
import TopoRender
import TopoSystem

/// How plan, bundle, diff and graph show one file's findings on standard
/// error: every finding with its source line, then a summary line and the
/// reason there is no output. With `--quiet` only the findings that fail
/// the run (errors; warnings too with `--strict`) and the reason remain.
public struct FindingsPrinter {
    public var strict: Bool
    public var quiet: Bool
    public var style: TextStyle

    public init(strict: Bool, quiet: Bool, style: TextStyle) {
        self.strict = strict
        self.quiet = quiet
        self.style = style
    }

    /// Prints the findings of `source` that `--quiet` keeps.
    public func print(_ diagnostics: [Diagnostic], in source: SourceFile, failing: Bool = true) {
        let renderer = DiagnosticTextRenderer(style: style)
        for diagnostic in diagnostics where !quiet || (failing && [diagnostic].fails(strict: strict)) {
            Output.err(renderer.render(diagnostic, in: source))
        }
    }

    /// The closing lines when the command stops for the findings above.
    public func refuse(_ diagnostics: [Diagnostic], because reason: String) {
        if !quiet {
            Output.err(DiagnosticTextRenderer(style: style).summary(files: 1, diagnostics: diagnostics, unreadable: 0))
        }
        Output.err(reason + "\n")
    }

    /// A hint for people (`next: …`), which `--quiet` leaves out.
    public func hint(_ text: String) {
        if !quiet { Output.err(text + "\n") }
    }
}
