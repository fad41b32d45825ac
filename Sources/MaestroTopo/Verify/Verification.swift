import TopoCheck
import TopoModel
import TopoReality
import TopoSource
import TopoSystem

/// `verify` from a topology path: the file is read and checked first (a
/// plan with errors is no yardstick), then the server is compared with it.
public enum Verification {
    public enum Outcome {
        /// The topology's findings stop the run; nothing was verified.
        case refused(OpenedTopology)
        case verified(OpenedTopology, InstallationReport)
    }

    public enum Failure: Error, CustomStringConvertible {
        case unreadable(ToolError)
        case refused(RealityRefusal)

        public var description: String {
            switch self {
            case let .unreadable(error): error.description
            case let .refused(refusal): refusal.description
            }
        }
    }

    /// Reads the topology at `path` and verifies the server `request`
    /// names. On the server itself (no `--root`) the machine's own names
    /// are looked up; the topology's password source is read, where it
    /// can be, only to compare it with `ssl.ini`'s.
    public static func run(
        _ path: String, request: VerifyRequest, limits: LoaderLimits, strict: Bool
    ) throws(Failure) -> Outcome {
        let opened: OpenedTopology
        do { opened = try OpenedTopology.open(path, limits: limits) } catch { throw .unreadable(error) }
        guard let resolved = opened.usable(strict: strict) else { return .refused(opened) }
        var request = request
        if request.root == nil, request.machineNames == nil { request.machineNames = MachineNames.current() }
        let secrets = SecretResolver(baseDirectory: opened.folder, placeholders: false)
        do {
            let report = try InstallationVerifier.verify(resolved, source: opened.source, request: request, secrets: secrets)
            return .verified(opened, report)
        } catch {
            throw .refused(error)
        }
    }
}
