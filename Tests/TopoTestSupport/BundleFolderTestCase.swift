import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// A test about writing a bundle into `out` inside a private folder:
/// large topologies, checking a bundle with `sha256sum -c`, listing what
/// runs left beside DIR, and running the tool as another user. Folders a
/// test made read-only as another user go with the rest: root removes them
/// anyway.
open class BundleFolderTestCase: TemporaryDirectoryTestCase {
    public var out: URL { directory.appendingPathComponent("out") }
    public let env = ["MAESTRO_KEYSTORE_PASSWORD": "x"]
    public let fm = FileManager.default

    /// A valid topology with `listservHosts` LISTSERV hosts: each gets a
    /// folder, so writing the bundle takes long enough to be interrupted.
    public func largeTopology(listservHosts: Int, in folder: URL? = nil) throws -> URL {
        var text = """
            version: 1
            installation: acme-large
            defaults: {os: linux, install_folder: /opt/lsoft/maestro}
            component_ssl: {enabled: true, ca: Acme CA, keystore_password: {env: MAESTRO_KEYSTORE_PASSWORD}}
            hosts:
              ui.acme.example: {components: [LUI, HUB]}
              trk.acme.example: {components: [TRK]}
              db.acme.example: {components: [DATABASE], database: {engine: postgresql}}

            """
        for index in 1...max(listservHosts, 1) { text += "  lsv\(index).acme.example: {components: [LISTSERV]}\n" }
        let url = (folder ?? directory).appendingPathComponent("large-\(listservHosts).yaml")
        try Data(text.utf8).write(to: url)
        return url
    }

    /// The bundle in `folder` is whole: every file is listed in SHA256SUMS
    /// with the right sum, and nothing else is there.
    public func assertComplete(_ folder: URL, _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let sha256sum = try Tool.require("sha256sum")
        let check = try Tool.runProgram(sha256sum, ["-c", "--strict", "--quiet", "SHA256SUMS"], in: folder)
        XCTAssertEqual(check.status, 0, "\(message): \(check.stdout)\(check.stderr)", file: file, line: line)
        guard let sums = try? String(contentsOf: folder.appendingPathComponent("SHA256SUMS"), encoding: .utf8) else {
            return XCTFail("\(message): no SHA256SUMS", file: file, line: line)
        }
        let listed = sums.split(separator: "\n").map { String($0.split(separator: " ", maxSplits: 1)[1].dropFirst()) }
        var present: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: folder.path)!
        while let path = enumerator.nextObject() as? String {
            if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular { present.append(path) }
        }
        XCTAssertEqual(Set(present), Set(listed + ["SHA256SUMS"]), message, file: file, line: line)
    }

    /// Makes `url` immutable (chattr +i) for the length of `body`: not even
    /// root can remove what is in it. Skips where the file system cannot.
    public func withImmutable(_ url: URL, _ body: () throws -> Void) throws {
        let chattr = try Tool.require("chattr")
        let set = try Tool.runProgram(chattr, ["+i", url.path], in: directory)
        guard set.status == 0 else { throw XCTSkip("chattr +i does not work here: \(set.stderr)") }
        defer { _ = try? Tool.runProgram(chattr, ["-i", url.path], in: directory) }
        try body()
    }

    /// Waits until a running `bundle` has made its temporary folder beside
    /// DIR (not its lock), that is, has started writing.
    public func waitForTemporaryFolder(seconds: Double = 120) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if (try? leftovers())?.contains(where: { $0.hasPrefix(".out.maestro-topo-") && !$0.hasSuffix(".lock") }) == true {
                return true
            }
            usleep(1_000)
        }
        return false
    }

    /// What runs left beside DIR (`out`), in `folder` (default: the test's).
    public func leftovers(in folder: URL? = nil, for base: String = "out") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: (folder ?? directory).path)
            .filter { $0.hasPrefix(".\(base).") }.sorted()
    }

    /// Every file under `root` with its contents.
    public func snapshot(_ root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)!
        while let path = enumerator.nextObject() as? String {
            if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular {
                result[path] = try Data(contentsOf: root.appendingPathComponent(path))
            }
        }
        return result
    }

    // MARK: Another user

    public static let nobody: uid_t = 65534

    /// A folder owned by nobody (65534), for runs as nobody; nil (the test
    /// skips) when this test does not run as root.
    public func nobodysFolder() throws -> URL {
        guard geteuid() == 0 else { throw XCTSkip("needs root, to hand a folder to another user") }
        let folder = directory.appendingPathComponent("nobody")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        XCTAssertEqual(chown(folder.path, Self.nobody, gid_t(Self.nobody)), 0)
        return folder
    }

    /// Runs the binary as nobody with util-linux's setpriv (root ignores
    /// file modes, so a read-only folder needs another user). The binary is
    /// copied where nobody can run it when its own path is not reachable.
    public func runAsNobody(_ arguments: [String], in folder: URL, file: StaticString = #filePath, line: UInt = #line) throws -> ToolRun {
        try Bounded.runAsNobody(arguments, in: folder, scratch: directory, environment: env, seconds: 60, file: file, line: line)
    }

    /// Changes the owner of `url` and everything under it.
    public func chownTree(_ url: URL, to owner: uid_t) {
        XCTAssertEqual(lchown(url.path, owner, gid_t(owner)), 0, url.path)
        guard let enumerator = FileManager.default.enumerator(atPath: url.path) else { return }
        while let path = enumerator.nextObject() as? String {
            XCTAssertEqual(lchown(url.appendingPathComponent(path).path, owner, gid_t(owner)), 0, path)
        }
    }
}
