import Foundation
@testable import TopoSource
@testable import TopoYAML
@testable import TopoModel
@testable import TopoCheck
@testable import TopoPlan
@testable import TopoRender
@testable import TopoBundle
@testable import TopoSystem
@testable import MaestroTopo
import TopoTestSupport
import XCTest

/// The bundle writer puts files only inside DIR and puts an earlier bundle
/// back on failure (BundleSafetyCLITests: `bundle` never writes through a
/// link, and a run killed at any moment leaves DIR as it was or complete).
final class BundleSafetyTests: BundleFolderTestCase {
    /// Where the file system cannot exchange two folders: the old one is
    /// moved aside, the new one in, and the old one put back on failure.
    func testWithoutAnExchangeTheOldBundleIsSetAsideAndPutBackOnFailure() throws {
        let fm = FileManager.default
        try fm.createDirectory(at: out.appendingPathComponent("old"), withIntermediateDirectories: true)
        let temporary = ".out.maestro-topo-1-abcdef"
        try fm.createDirectory(at: directory.appendingPathComponent(temporary + "/new"), withIntermediateDirectories: true)
        let parent = try Directory.open(directory.path)
        let names = BundleNames(base: "out")
        let aside = try BundleWriter.replaceInTwoSteps(out.path, in: parent, base: "out", with: temporary, names: names)
        XCTAssertTrue(BundleNames.matches(aside, prefix: names.asidePrefix), aside)
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: out.path), ["new"])
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: directory.appendingPathComponent(aside).path), ["old"])

        try FileSystem.removeTree(directory.appendingPathComponent(aside).path)
        XCTAssertThrowsError(try BundleWriter.replaceInTwoSteps(out.path, in: parent, base: "out", with: "missing", names: names))
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: out.path), ["new"], "DIR is put back")
        XCTAssertEqual(try leftovers(), [])
    }

    func testFolderNamesAreBuiltOnlyFromSafeHostNames() {
        for name in ["..", "../etc", "a/b", ".hidden", "a\nb", "x=y", "a,b", "", String(repeating: "a", count: 64) + ".example"] {
            XCTAssertThrowsError(try BundleBuilder.folder(for: name), name.debugDescription)
        }
        XCTAssertEqual(try BundleBuilder.folder(for: "ui.acme.example"), "hosts/ui.acme.example")
    }

    func testEveryFilePathStaysInsideTheBundle() throws {
        for path in ["../escape", "hosts/../../escape", "/etc/passwd", "hosts//x", "hosts/./x"] {
            let root = directory.appendingPathComponent("fill-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            let folder = try Directory.open(root.path)
            XCTAssertThrowsError(try BundleWriter.fill(folder, with: [BundleFile(path: path, bytes: [], mode: 0o600)]), path)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), [], path)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("escape").path))
    }
}
