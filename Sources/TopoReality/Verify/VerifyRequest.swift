import Foundation
import TopoModel

/// What `verify` is asked to check, as the command line gives it.
public struct VerifyRequest: Sendable {
    /// The planned server to check; nil picks the one this machine is.
    public var host: String?
    /// A copy of the server's install folder; nil when run on the server.
    public var root: String?
    /// Where the logs are, when not in the component folders.
    public var logs: String?
    /// The planned CA's certificate (PEM), to verify chains against.
    public var caFile: String?
    public var pathMaps: [PathMap.Mapping]
    /// A certificate expiring within this many days draws a warning.
    public var expiryWarningDays: Int
    /// The time certificates are judged at.
    public var now: Date
    /// The machine's own names (host name, FQDN, reverse lookups of its
    /// addresses), taken by the command when it runs on the server; nil
    /// with `--root`, where the machine is not the server.
    public var machineNames: [String]?

    public init(
        host: String? = nil, root: String? = nil, logs: String? = nil, caFile: String? = nil,
        pathMaps: [PathMap.Mapping] = [], expiryWarningDays: Int = 30, now: Date = Date(), machineNames: [String]? = nil
    ) {
        self.host = host
        self.root = root
        self.logs = logs
        self.caFile = caFile
        self.pathMaps = pathMaps
        self.expiryWarningDays = expiryWarningDays
        self.now = now
        self.machineNames = machineNames
    }
}

/// Why `verify` or `discover` could not start at all (exit 2): no server
/// to check, a Windows server without a copy of its folder, an unreadable
/// `--ca-file`, fragments that cannot be joined.
public struct RealityRefusal: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
