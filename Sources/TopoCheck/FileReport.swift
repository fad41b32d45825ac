import TopoModel
import TopoSource

/// One checked file: its findings, or why it could not be read.
public struct FileReport: Sendable {
    public var source: SourceFile
    public var diagnostics: [Diagnostic]
    public var readError: ToolError?

    public init(source: SourceFile, diagnostics: [Diagnostic], readError: ToolError? = nil) {
        self.source = source
        self.diagnostics = diagnostics
        self.readError = readError
    }

    public var path: String { source.path }
    public var isValid: Bool { readError == nil && !diagnostics.fails(strict: false) }
}
