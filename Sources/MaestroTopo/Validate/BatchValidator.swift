import Dispatch

/// One checked file: its findings, or why it could not be read.
public struct FileReport: Sendable {
    public var source: SourceFile
    public var diagnostics: [Diagnostic]
    public var readError: ToolError?

    public var path: String { source.path }
    public var isValid: Bool { readError == nil && !diagnostics.fails(strict: false) }
}

/// Checks many files on several workers. Each file's report is turned into
/// output by `render` on the worker that checked it, and handed to `emit` in
/// input order; files go in batches, so memory holds one batch of rendered
/// output, never every file's bytes, however many files there are.
public enum BatchValidator {
    public static func run<Output: Sendable>(
        files: [String], jobs: Int, limits: LoaderLimits = .default,
        render: @escaping @Sendable (FileReport) -> Output, emit: (Output) -> Void
    ) {
        let workers = max(1, min(jobs, files.count))
        let batchSize = workers == 1 ? files.count : workers * 64
        var start = 0
        while start < files.count {
            let end = min(files.count, start + batchSize)
            let slots = Slots<Output>(count: end - start)
            if workers == 1 {
                for index in start..<end { slots.set(index - start, render(validate(file: files[index], limits: limits))) }
            } else {
                // Workers take files in turn; each slot is written by one worker only.
                let first = start
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    var index = first + worker
                    while index < end {
                        slots.set(index - first, render(validate(file: files[index], limits: limits)))
                        index += workers
                    }
                }
            }
            for i in 0..<(end - start) { emit(slots.take(i)) }
            start = end
        }
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

/// Result slots for one batch. Each index is written by exactly one worker
/// and read after all workers have finished, so no lock is needed.
private final class Slots<Element>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Element?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func set(_ index: Int, _ value: Element) { buffer[index] = value }

    func take(_ index: Int) -> Element {
        defer { buffer[index] = nil }
        return buffer[index]!
    }
}
