/// Loading plus rules: everything `validate` does to one file's bytes.
public struct CheckResult: Sendable {
    public var topology: Topology?
    public var diagnostics: [Diagnostic]
}

public enum TopologyCheck {
    public static func check(bytes: [UInt8], limits: LoaderLimits = .default) -> CheckResult {
        let loaded = TopologyLoader(limits: limits).load(bytes: bytes)
        var diagnostics = loaded.diagnostics
        if let topology = loaded.topology, !loaded.stoppedEarly {
            diagnostics += RuleRegistry.check(topology)
        }
        return CheckResult(topology: loaded.topology, diagnostics: diagnostics.sortedForOutput())
    }
}
