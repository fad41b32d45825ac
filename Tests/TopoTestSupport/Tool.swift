import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `maestro-topo` binary, as a user would.
public struct ToolRun {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

public enum Tool {
    /// The package root, found from this file's path.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// The binary sits beside the test bundle in SwiftPM's products folder.
    public static let binary: URL = {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidate = products.appendingPathComponent("maestro-topo")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        return packageRoot.appendingPathComponent(".build/debug/maestro-topo")
    }()

    /// Inputs both test targets read: ReadProperties.java and the fuzz
    /// regressions (`make fuzz` seeds its corpus from there too).
    public static let fixtures = packageRoot.appendingPathComponent("Tests/MaestroTopoTests/Fixtures")

    @discardableResult
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil,
        stdin: String? = nil
    ) throws -> ToolRun {
        try runProgram(binary.path, arguments, environment: environment, in: directory ?? packageRoot, stdin: stdin)
    }

    /// Runs any program; the environment is the test's own plus `environment`.
    public static func runProgram(
        _ path: String, _ arguments: [String], environment: [String: String] = [:], in directory: URL,
        stdin: String? = nil
    ) throws -> ToolRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting, so a large output cannot block the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return ToolRun(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Finds a program on PATH.
    public static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Under CI a missing real tool is a failure; on a user's machine the test skips.
    public static func require(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        if let path = which(name) { return path }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            XCTFail("\(name) is required under CI=true but is not installed", file: file, line: line)
            throw XCTSkip("\(name) missing")
        }
        throw XCTSkip("\(name) is not installed")
    }

    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("maestro-topo-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every folder above `path` can be searched by others and the file
    /// itself read and run.
    public static func reachableByOthers(_ path: String) -> Bool {
        var url = URL(fileURLWithPath: path)
        var info = stat()
        guard stat(url.path, &info) == 0, info.st_mode & 0o005 == 0o005 else { return false }
        while url.path != "/" {
            url.deleteLastPathComponent()
            guard stat(url.path, &info) == 0, info.st_mode & 0o001 != 0 else { return false }
        }
        return true
    }
}
