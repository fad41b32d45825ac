import TopoSource
import TopoModel

/// What loading one file produced: the topology as far as it could be read,
/// and the findings the loader made on the way.
public struct LoadResult: Sendable {
    /// Nil when the file holds no topology at all (empty, not a mapping,
    /// or stopped by a syntax error or a limit).
    public var topology: Topology?
    public var diagnostics: [Diagnostic]
    /// True when reading stopped early; the rules then do not run, because
    /// they would judge a half-read file.
    public var stoppedEarly: Bool
    /// Where literal passwords stand in the file.
    public var secretSpans: [SourceSpan] = []
}

/// Reads a topology in one pass from libyaml's events straight into the
/// model. There is no intermediate document tree: each event is looked at
/// once, and every value keeps its line and column.
public struct TopologyLoader: Sendable {
    public var limits: LoaderLimits

    public init(limits: LoaderLimits = .default) {
        self.limits = limits
    }

    public func load(bytes: [UInt8]) -> LoadResult {
        if bytes.count > limits.maxFileSize {
            let diagnostic = InputLimit.diagnostic(
                InputLimitText.fileSize(limit: limits.maxFileSize), at: .start)
            return LoadResult(topology: nil, diagnostics: [diagnostic], stoppedEarly: true)
        }
        return bytes.withUnsafeBufferPointer { input in
            LoadSession(input: input, limits: limits).run()
        }
    }
}
