import TopoSource
import TopoModel

/// Loading plus rules: everything `validate` does to one file's bytes.
public struct CheckResult: Sendable {
    public var topology: Topology? { resolved?.topology }
    /// The file with every default applied, built once here and handed on
    /// to the planner, `graph` and `diff`.
    public var resolved: ResolvedTopology?
    public var diagnostics: [Diagnostic]
    /// Where literal passwords stand; printed source lines mask them.
    public var secretSpans: [SourceSpan]
    /// The whole file was read: no syntax error or limit stopped the loader,
    /// so `topology` is all there is and the rules have run.
    public var isComplete: Bool
}

public enum TopologyCheck {
    public static func check(bytes: [UInt8], limits: LoaderLimits = .default) -> CheckResult {
        var loaded = TopologyLoader(limits: limits).load(bytes: bytes)
        let isComplete = loaded.topology.isSome && !loaded.stoppedEarly
        var diagnostics = loaded.diagnostics
        // Moved, not copied, into the resolved topology, its only keeper from here.
        let resolved = loaded.topology.take().map { ResolvedTopology($0) }
        if let resolved, !loaded.stoppedEarly {
            let findings = RuleRegistry.check(resolved)
            // The usual file: the loader found nothing, and the rules' list is the list.
            if diagnostics.isEmpty { diagnostics = findings } else { diagnostics += findings }
        }
        for i in diagnostics.indices { diagnostics[i].makePrintable() }
        return CheckResult(
            resolved: resolved, diagnostics: diagnostics.sortedForOutput(), secretSpans: loaded.secretSpans,
            isComplete: isComplete)
    }
}


extension Diagnostic {
    /// Messages and notes quote names and values from the file as written,
    /// and a quoted YAML string can hold any character: a line break would
    /// forge a line of output, an escape sequence would drive the terminal.
    /// Such characters are shown escaped (`\n`, `\u{1b}`, see
    /// `withVisibleControls`), here, once for every rule.
    mutating func makePrintable() {
        message = Self.printable(message)
        for i in notes.indices { notes[i] = Self.printable(notes[i]) }
    }

    static func printable(_ text: String) -> String { text.withVisibleControls }
}
