import Dispatch
import Synchronization
import TopoSource
import TopoModel
import TopoCheck
import TopoSystem

/// Checks many files on several workers. Each file's report is turned into
/// output by `render` on the worker that checked it, and handed to `emit` in
/// input order, as soon as it and every file before it are done. Workers
/// run at most a window of files ahead of `emit`, so memory holds that
/// window of rendered output, never every file's bytes, however many files
/// there are.
public enum BatchValidator {
    public static func run<Output: Sendable>(
        files: [String], jobs: Int, limits: LoaderLimits = .default,
        render: @escaping @Sendable (FileReport) -> Output, emit: (Output) -> Void
    ) {
        let workers = max(1, min(jobs, files.count))
        guard workers > 1 else {
            for file in files { emit(render(validate(file: file, limits: limits))) }
            return
        }
        // Files go in chunks, so workers and emitter meet once per chunk, not
        // once per file. A ring of chunk slots: `space` counts free slots; a
        // worker takes one before claiming the next chunk, and the emitter
        // frees it after writing that chunk's output. Chunks are claimed in
        // order, so the claimed but not yet emitted ones always fit the ring.
        let chunk = 16
        let chunks = (files.count + chunk - 1) / chunk
        let window = workers * 8
        let slots = Slots<[Output]>(count: window)
        let ready = (0..<window).map { _ in DispatchSemaphore(value: 0) }
        let space = DispatchSemaphore(value: window)
        let counter = Counter()
        let group = DispatchGroup()
        for _ in 0..<workers {
            DispatchQueue.global().async(group: group) {
                while true {
                    space.wait()
                    let index = counter.next()
                    guard index < chunks else {
                        space.signal()
                        return
                    }
                    let range = (index * chunk)..<min(files.count, (index + 1) * chunk)
                    slots.set(index % window, range.map { render(validate(file: files[$0], limits: limits)) })
                    ready[index % window].signal()
                }
            }
        }
        for index in 0..<chunks {
            ready[index % window].wait()
            for output in slots.take(index % window) { emit(output) }
            space.signal()
        }
        group.wait()
    }

    public static func validate(file path: String, limits: LoaderLimits = .default) -> FileReport {
        do {
            let opened = try OpenedTopology.open(path, limits: limits)
            let (source, result) = (opened.source, opened.result)
            return FileReport(source: source, diagnostics: result.diagnostics)
        } catch {
            return FileReport(source: SourceFile(path: path, bytes: []), diagnostics: [], readError: error)
        }
    }
}

/// Hands out chunk indexes, each once, to any number of workers.
private final class Counter: Sendable {
    private let value = Atomic<Int>(0)

    func next() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }
}

/// Result slots. A slot is written by one worker and read by the emitter
/// only after that worker signalled it (the semaphore orders the two), so
/// no lock is needed.
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
