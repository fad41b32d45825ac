/// Loading plus rules: everything `validate` does to one file's bytes.
public struct CheckResult: Sendable {
    public var topology: Topology?
    public var diagnostics: [Diagnostic]
    /// Where literal passwords stand; printed source lines mask them.
    public var secretSpans: [SourceSpan]
    /// The whole file was read: no syntax error or limit stopped the loader,
    /// so `topology` is all there is and the rules have run.
    public var isComplete: Bool
}

public enum TopologyCheck {
    public static func check(bytes: [UInt8], limits: LoaderLimits = .default) -> CheckResult {
        let loaded = TopologyLoader(limits: limits).load(bytes: bytes)
        var diagnostics = loaded.diagnostics
        if let topology = loaded.topology, !loaded.stoppedEarly {
            diagnostics += RuleRegistry.check(topology)
        }
        for i in diagnostics.indices { diagnostics[i].makePrintable() }
        return CheckResult(
            topology: loaded.topology, diagnostics: diagnostics.sortedForOutput(), secretSpans: loaded.secretSpans,
            isComplete: loaded.topology != nil && !loaded.stoppedEarly)
    }

    /// Reads and checks one file. The returned source masks its literal
    /// passwords, ready for printing diagnostics.
    public static func check(path: String, limits: LoaderLimits = .default) throws(ToolError) -> (SourceFile, CheckResult) {
        let bytes = try FileSystem.read(path, limit: limits.maxFileSize)
        let result = check(bytes: bytes, limits: limits)
        return (SourceFile(path: path, bytes: bytes, secrets: result.secretSpans), result)
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
