/// Where a keystore password comes from. `validate` and `plan` only look at
/// the source; the value itself is read by `bundle` alone.
public enum SecretSource: Equatable, Sendable, CustomStringConvertible {
    case environment(String)
    case file(String)
    case literal(String)

    /// What may be shown to a person: never the password itself.
    public var description: String {
        switch self {
        case let .environment(name): "from environment variable \(name)"
        case let .file(path): "from file \(path)"
        case .literal: "written in the topology file"
        }
    }

    public static let redacted = "********"
}
