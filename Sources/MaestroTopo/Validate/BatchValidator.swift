import Dispatch

/// One checked file: its findings, or why it could not be read.
public struct FileReport: Sendable {
    public var source: SourceFile
    public var diagnostics: [Diagnostic]
    public var readError: ToolError?

    public var path: String { source.path }
    public var isValid: Bool { readError == nil && !diagnostics.fails(strict: false) }
}

/// Checks many files on several workers. Results come back in input order,
/// so output never depends on scheduling.
public enum BatchValidator {
    public static func validate(files: [String], jobs: Int, limits: LoaderLimits = .default) -> [FileReport] {
        let reports = UnsafeMutableBufferPointer<FileReport?>.allocate(capacity: files.count)
        reports.initialize(repeating: nil)
        defer { reports.deallocate() }
        let workers = max(1, min(jobs, files.count))
        // Each worker takes every `workers`-th file; each slot is written by
        // exactly one worker, so no lock is needed.
        let slots = SendableBuffer(reports)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < files.count {
                slots.buffer[index] = validate(file: files[index], limits: limits)
                index += workers
            }
        }
        return reports.map { $0! }
    }

    public static func validate(file path: String, limits: LoaderLimits = .default) -> FileReport {
        do {
            let (source, result) = try TopologyCheck.check(path: path, limits: limits)
            return FileReport(source: source, diagnostics: result.diagnostics)
        } catch {
            return FileReport(source: SourceFile(path: path, bytes: []), diagnostics: [], readError: error)
        }
    }
}

private struct SendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
