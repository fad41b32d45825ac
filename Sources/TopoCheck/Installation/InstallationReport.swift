import TopoModel
import TopoSource

/// What `verify` found on one Maestro server: each check with its outcome,
/// and the findings grouped by the file they point into (the topology, the
/// server's `ssl.ini`), so the renderers of `validate` print them with
/// their source lines. Data only: TopoReality fills it, TopoRender prints it.
public struct InstallationReport: Sendable {
    /// The planned server that was checked.
    public var host: String
    /// The copy of the install folder that was read (`--root`), or nil when
    /// verify ran on the server itself.
    public var root: String?
    public var checks: [InstallationCheck]
    /// The topology first, then every other file a finding points into.
    public var files: [FileReport]

    public init(host: String, root: String?, checks: [InstallationCheck], files: [FileReport]) {
        self.host = host
        self.root = root
        self.checks = checks
        self.files = files
    }

    public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }
}

/// One check of `verify`, named by the rule that reports its failures.
public struct InstallationCheck: Sendable, Equatable {
    public enum Status: String, Sendable {
        case ok
        case failed
        /// Not checked, and `detail` says why (a file outside `--root`, a
        /// password source that cannot be read, a Windows server's modes).
        case skipped
    }

    public var id: String
    public var status: Status
    /// What was looked at, in words: the file read, the names compared, why
    /// it was skipped. Never a password.
    public var detail: String

    public init(id: String, status: Status, detail: String) {
        self.id = id
        self.status = status
        self.detail = detail
    }
}
