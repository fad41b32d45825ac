import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program with a time limit. A run that does not finish is killed and
/// fails the test, so a hang can never stall the suite.
public enum Bounded {
    public static let seconds: Double = 20

    public static func run(
        _ program: String, _ arguments: [String], in directory: URL, environment: [String: String] = [:],
        seconds: Double = Bounded.seconds, file: StaticString = #filePath, line: UInt = #line
    ) throws -> ToolRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        final class Box: @unchecked Sendable { var data = Data() }
        let outBox = Box(), errBox = Box()
        let group = DispatchGroup()
        for (pipe, box) in [(out, outBox), (err, errBox)] {
            group.enter()
            DispatchQueue.global().async {
                box.data = pipe.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
        }
        if exited.wait(timeout: .now() + seconds) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
            XCTFail("\(program) \(arguments.prefix(6)) did not finish within \(Int(seconds)) s and was killed", file: file, line: line)
        }
        group.wait()
        return ToolRun(status: process.terminationStatus, stdout: String(decoding: outBox.data, as: UTF8.self),
                       stderr: String(decoding: errBox.data, as: UTF8.self))
    }
}

extension Bounded {
    /// Runs the tool as nobody (65534) with util-linux's setpriv: root
    /// ignores file modes, so what a mode keeps out needs another user.
    /// When nobody cannot reach the binary's own path, it runs from a copy
    /// in `scratch` (mode 0755).
    public static func runAsNobody(
        _ arguments: [String], in directory: URL, scratch: URL, environment: [String: String] = [:],
        seconds: Double = Bounded.seconds, file: StaticString = #filePath, line: UInt = #line
    ) throws -> ToolRun {
        let setpriv = try Tool.require("setpriv", file: file, line: line)
        var binary = Tool.binary.resolvingSymlinksInPath().path
        if !Tool.reachableByOthers(binary) {
            let copy = scratch.appendingPathComponent("maestro-topo").path
            if !FileManager.default.fileExists(atPath: copy) { try FileManager.default.copyItem(atPath: binary, toPath: copy) }
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy)
            binary = copy
        }
        let drop = ["--reuid=65534", "--regid=65534", "--clear-groups"]
        return try run(setpriv, drop + [binary] + arguments, in: directory, environment: environment, seconds: seconds,
                       file: file, line: line)
    }
}
