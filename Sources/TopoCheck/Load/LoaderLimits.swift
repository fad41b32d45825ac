/// Bounds on the work one topology file may cause. Each limit hit is an
/// `input-limit` error at the place it was hit; none of them crashes or hangs.
/// The defaults are far above any real installation (the largest real ones
/// have a handful of hosts) and are documented in docs/format.md.
public struct LoaderLimits: Sendable, Equatable {
    /// Largest file read, in bytes.
    public var maxFileSize: Int = 64 << 20
    /// Deepest nesting of mappings and lists. The format itself needs 5.
    public var maxDepth: Int = 64
    /// Longest single scalar, in bytes.
    public var maxScalarLength: Int = 1 << 20
    /// Most hosts in one file.
    public var maxHosts: Int = 100_000
    /// Most findings the loader makes before it stops reading. Without it a
    /// flood of aliases or unknown items (`[*a, *a, ...]`) would cost memory
    /// many times the file's size.
    public var maxFindings: Int = 1000

    public init() {}

    public static let `default` = LoaderLimits()
}
