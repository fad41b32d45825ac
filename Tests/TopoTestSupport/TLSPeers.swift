import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Real Java TLS peers for the tests of `probe`: one JVM running
/// Tests/MaestroTopoTests/Fixtures/TLSPeers.java with every listener, each
/// on port 0 of a loopback address (127.x.y.z; the JVM refuses any other).
///
/// The JVM's stderr, `log`, has one line per connection:
/// `conn INDEX handshake-ok CLIENT_SUBJECT|-` (the subject in RFC 2253
/// form, `-` when the client sent no certificate),
/// `conn INDEX handshake-failed REASON`, `conn INDEX silent`,
/// `conn INDEX closed BYTES_READ` (tab-separated); `events(_:)` gives a
/// listener's lines without the prefix.
///
/// The JVM ends when `stop()` is called or the object goes away, when its
/// stdin (a pipe only this object holds) closes — so also when the test
/// process dies — and after `lifetime` seconds in any case.
public final class TLSPeers: @unchecked Sendable {
    public enum Listener: Sendable {
        /// An `SSLServerSocket` with the keystore's key, trusting the
        /// truststore (nil: the JDK's own cacerts), with exactly
        /// `protocolVersion` enabled. Each connection: the handshake (5 s
        /// socket timeout), then reading until EOF or 5 s, then close.
        case tls(
            address: String, keystore: URL, type: String = "JKS", truststore: URL?, protocolVersion: String = "TLSv1.3",
            needClientAuth: Bool = true)
        /// Accepts and never writes; holds the connection until the client closes.
        case silent(address: String)
        /// Accepts, reads what comes (at most 1 s), closes without writing,
        /// as Java RMI does on bytes it does not understand.
        case closing(address: String)

        public var address: String {
            switch self {
            case .tls(let address, _, _, _, _, _), .silent(let address), .closing(let address): return address
            }
        }

        /// The config file's line: tab-separated fields.
        func configLine() throws -> String {
            let fields: [String]
            switch self {
            case .tls(let address, let keystore, let type, let truststore, let protocolVersion, let needClientAuth):
                fields = ["tls", address, keystore.path, type, truststore?.path ?? "-", protocolVersion, String(needClientAuth)]
            case .silent(let address): fields = ["silent", address]
            case .closing(let address): fields = ["closing", address]
            }
            for field in fields where field.isEmpty || field.contains(where: { $0 == "\t" || $0.isNewline }) {
                throw TLSPeersError(message: "a listener field is empty or holds a tab or line break: \(fields)")
            }
            return fields.joined(separator: "\t")
        }
    }

    /// The Java source, for `java TLSPeers.java CONFIG_FILE LIFETIME_SECONDS`.
    public static var source: String { Tool.fixtures.appendingPathComponent("TLSPeers.java").path }

    /// The bound ports, in listener order.
    public let ports: [Int]
    /// The listeners' addresses, in listener order.
    public let addresses: [String]
    /// The JVM's process id.
    public let processIdentifier: Int32

    private let process: Process
    private let input: Pipe
    private let state: State

    /// Starts one JVM with every listener; waits (at most 60 s) for its
    /// `all-ready`; throws with the JVM's stderr if it fails. The passwords
    /// reach the JVM through its environment only (`keyPassword`: the
    /// private keys' password, when it differs from the keystore's).
    public init(
        _ listeners: [Listener], keystorePassword: String, truststorePassword: String, keyPassword: String? = nil,
        lifetime: Int = 120, in directory: URL
    ) throws {
        guard !listeners.isEmpty else { throw TLSPeersError(message: "no listener") }
        guard (1...3600).contains(lifetime) else { throw TLSPeersError(message: "lifetime must be 1 to 3600 seconds") }
        let java = try Tool.require("java")
        let config = directory.appendingPathComponent("tls-peers-\(UUID().uuidString).conf")
        try Data((listeners.map { try $0.configLine() }.joined(separator: "\n") + "\n").utf8).write(to: config)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: java)
        // A short-lived JVM: the source compiles faster without the optimising JIT.
        process.arguments = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", Self.source, config.path, String(lifetime)]
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["PEERS_KEYSTORE_PASSWORD"] = keystorePassword
        environment["PEERS_TRUSTSTORE_PASSWORD"] = truststorePassword
        environment["PEERS_KEY_PASSWORD"] = keyPassword
        process.environment = environment
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let state = State()
        process.terminationHandler = { _ in state.markExited() }
        try process.run()
        self.process = process
        self.input = input
        self.state = state
        processIdentifier = process.processIdentifier
        addresses = listeners.map(\.address)

        // stderr: collected for as long as the JVM runs.
        Self.reader(errors.fileHandleForReading, name: "TLSPeers stderr", chunk: { state.appendLog($0) },
                    end: { state.markStderrClosed() })
        // stdout: lines until all-ready (or EOF), then drained.
        let ready = DispatchSemaphore(value: 0)
        let lines = LineCollector()
        Self.reader(output.fileHandleForReading, name: "TLSPeers stdout",
                    chunk: { if lines.append($0) { ready.signal() } },
                    end: { lines.close(); ready.signal() })

        let readyInTime = ready.wait(timeout: .now() + 60) == .success
        let (received, complete) = lines.snapshot()
        var ports: [Int] = []
        for (index, line) in received.enumerated() where index < listeners.count {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3, fields[0] == "ready", Int(fields[1]) == index, let port = Int(fields[2]) else { break }
            ports.append(port)
        }
        guard readyInTime, complete, ports.count == listeners.count else {
            Self.terminate(process, input: input, state: state)
            let why = !readyInTime ? "did not report all-ready within 60 s" : "failed to start its listeners"
            throw TLSPeersError(
                message: "TLSPeers: the JVM \(why); stdout: \(received.joined(separator: " | ")); stderr:\n\(state.log)")
        }
        self.ports = ports
    }

    deinit { stop() }

    /// `ADDRESS:PORT` of the listener at `index`.
    public func endpoint(_ index: Int) -> String { "\(addresses[index]):\(ports[index])" }

    /// The JVM's stderr so far.
    public var log: String { state.log }

    /// The log lines of the listener at `index`, without `conn\tINDEX\t`:
    /// `handshake-ok\tCN=…`, `handshake-failed\tREASON`, `silent`, `closed\tN`.
    public func events(_ index: Int) -> [String] {
        let prefix = "conn\t\(index)\t"
        return log.split(separator: "\n").filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    /// Waits (polling) until the listener at `index` has logged at least
    /// `count` events, and returns its events; fewer if the time runs out.
    @discardableResult
    public func waitForEvents(_ index: Int, count: Int = 1, timeout: Double = 10) -> [String] {
        let end = Date().addingTimeInterval(timeout)
        while true {
            let events = events(index)
            if events.count >= count || Date() >= end { return events }
            usleep(50_000)
        }
    }

    /// Whether the JVM still runs (Foundation has not yet reaped it).
    public var isRunning: Bool { !state.exited }

    /// Waits at most `timeout` seconds for the JVM to end by itself;
    /// true when it has (and then `log` is whole).
    public func waitUntilExit(timeout: Double) -> Bool {
        guard state.waitExited(timeout: timeout) else { return false }
        _ = state.waitStderrClosed(timeout: 2)
        return true
    }

    /// Ends the JVM: closes its stdin (which ends it), SIGTERM to its PID if
    /// it still runs after 1 s, SIGKILL 2 s later; returns once it is reaped
    /// and its stderr read to the end. Idempotent; also run by deinit.
    public func stop() { Self.terminate(process, input: input, state: state) }

    static func terminate(_ process: Process, input: Pipe, state: State) {
        state.stopLock.lock()
        defer { state.stopLock.unlock() }
        if state.stopped { return }
        state.stopped = true
        // The log is whole once the JVM's stderr has closed.
        defer { _ = state.waitStderrClosed(timeout: 2) }
        // Closing stdin ends the JVM at once (it logs `exit\tstdin-closed`);
        // the signals are for a JVM that does not notice.
        try? input.fileHandleForWriting.close()
        if state.waitExited(timeout: 1) { return }
        let pid = process.processIdentifier
        // Only a process not yet reaped is signalled, so a reused PID is not hit.
        kill(pid, SIGTERM)
        if state.waitExited(timeout: 2) { return }
        if !state.exited { kill(pid, SIGKILL) }
        _ = state.waitExited(timeout: 30)
    }

    static func reader(
        _ handle: FileHandle, name: String, chunk: @escaping @Sendable (Data) -> Void, end: @escaping @Sendable () -> Void
    ) {
        // read(2) returns what has arrived; FileHandle.read(upToCount:) would
        // wait for the whole count.
        let thread = Thread {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    chunk(Data(buffer[0..<count]))
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            try? handle.close()
            end()
        }
        thread.name = name
        thread.start()
    }

    final class State: @unchecked Sendable {
        private let lock = NSLock()
        private var stderr = Data()
        private var hasExited = false
        private let exitedSignal = DispatchSemaphore(value: 0)
        private var hasStderrClosed = false
        private let stderrClosedSignal = DispatchSemaphore(value: 0)
        /// Held through a whole stop, so a second caller returns after the first.
        let stopLock = NSLock()
        var stopped = false

        func appendLog(_ data: Data) { lock.withLock { stderr.append(data) } }
        var log: String { lock.withLock { String(decoding: stderr, as: UTF8.self) } }
        var exited: Bool { lock.withLock { hasExited } }

        func markExited() {
            lock.withLock { hasExited = true }
            exitedSignal.signal()
        }

        func waitExited(timeout: Double) -> Bool {
            if exited { return true }
            guard exitedSignal.wait(timeout: .now() + timeout) == .success else { return exited }
            exitedSignal.signal()  // for the next waiter
            return true
        }

        func markStderrClosed() {
            lock.withLock { hasStderrClosed = true }
            stderrClosedSignal.signal()
        }

        func waitStderrClosed(timeout: Double) -> Bool {
            if lock.withLock({ hasStderrClosed }) { return true }
            guard stderrClosedSignal.wait(timeout: .now() + timeout) == .success else { return false }
            stderrClosedSignal.signal()
            return true
        }
    }

    /// stdout lines; `append` is true once `all-ready` has arrived.
    final class LineCollector: @unchecked Sendable {
        private let lock = NSLock()
        private var buffer = Data()
        private var lines: [String] = []
        private var complete = false

        func append(_ data: Data) -> Bool {
            lock.withLock {
                if complete { return false }
                buffer.append(data)
                while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                    buffer = Data(buffer[(newline + 1)...])
                    if line == "all-ready" {
                        complete = true
                        return true
                    }
                    lines.append(line)
                }
                return false
            }
        }

        func close() { lock.withLock { if !buffer.isEmpty { lines.append(String(decoding: buffer, as: UTF8.self)) } } }
        func snapshot() -> ([String], Bool) { lock.withLock { (lines, complete) } }
    }
}

public struct TLSPeersError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    public init(message: String) { self.message = message }
}
