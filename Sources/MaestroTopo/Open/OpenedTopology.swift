import TopoCheck
import TopoModel
import TopoSource
import TopoSystem

/// One topology file, read and checked: where `plan`, `bundle`, `graph`
/// and `diff` start. The source masks its literal passwords, ready for
/// printing findings; the check holds the resolved topology, built once.
public struct OpenedTopology: Sendable {
    public let path: String
    public let source: SourceFile
    public let result: CheckResult

    public var diagnostics: [Diagnostic] { result.diagnostics }

    /// Reads and checks the file at `path`.
    public static func open(_ path: String, limits: LoaderLimits = .default) throws(ToolError) -> OpenedTopology {
        let bytes = try FileSystem.read(path, limit: limits.maxFileSize)
        let result = TopologyCheck.check(bytes: bytes, limits: limits)
        return OpenedTopology(path: path, source: SourceFile(path: path, bytes: bytes, secrets: result.secretSpans), result: result)
    }

    /// The topology to work from, or nil when its findings fail the run
    /// (errors; warnings too with `strict`): nothing is planned from a file
    /// with errors.
    public func usable(strict: Bool) -> ResolvedTopology? {
        result.diagnostics.fails(strict: strict) ? nil : result.resolved
    }

    /// The folder relative `{file: PATH}` password sources are read from:
    /// the topology file's own, so a bundle does not depend on where it runs.
    public var folder: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }
}
