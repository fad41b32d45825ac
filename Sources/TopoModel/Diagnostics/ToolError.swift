/// Failures that are not findings about a topology: the tool could not do its
/// job. The command line maps every one of these to exit code 2.
public enum ToolError: Error, Equatable, CustomStringConvertible, Sendable {
    case unreadable(path: String, reason: String)
    case notFound(path: String)
    case noTopologyFiles(path: String)
    case unwritable(path: String, reason: String)
    case alreadyExists(path: String)
    case unknownRule(String, suggestion: String?)
    case missingSecret(String)
    case refused(path: String, reason: String)

    /// The file or folder the error is about, when there is one.
    public var path: String? {
        switch self {
        case let .unreadable(path, _), let .notFound(path), let .noTopologyFiles(path), let .unwritable(path, _),
             let .alreadyExists(path), let .refused(path, _):
            path
        case .unknownRule, .missingSecret:
            nil
        }
    }

    /// The message with every control, line-break and bidi character
    /// written out (`\n`, `\u{1b}`), wherever in it they came from: a path,
    /// a reason quoting a file's content, a message built elsewhere (a
    /// missing secret names a file or variable). Text already written out
    /// stays as it is, so this can be applied more than once.
    public var description: String { text.withVisibleControls }

    private var text: String {
        switch self {
        case let .unreadable(path, reason):
            "cannot read '\(path)': \(reason)"
        case let .notFound(path):
            "'\(path)' does not exist"
        case let .noTopologyFiles(path):
            "no topology files (*.yaml, *.yml) under '\(path)'"
        case let .unwritable(path, reason):
            "cannot write '\(path)': \(reason)"
        case let .alreadyExists(path):
            "'\(path)' already exists; pass --force to replace it"
        case let .unknownRule(id, suggestion):
            "unknown rule '\(id)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                + " ('maestro-topo explain' lists every rule)"
        case let .missingSecret(message):
            message + "; set it, or pass --placeholder-secrets to write a marked placeholder"
        case let .refused(path, reason):
            "refusing to write '\(path)': \(reason)"
        }
    }
}
