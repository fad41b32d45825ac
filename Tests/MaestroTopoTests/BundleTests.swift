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

/// The bundle's own SHA-256, against known values and the real sha256sum
/// (BundleCLITests: `maestro-topo bundle` as an operator uses it).
final class BundleTests: TemporaryDirectoryTestCase {
    func testSHA256MatchesKnownValuesAndSha256sum() throws {
        XCTAssertEqual(SHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let sha256sum = try Tool.require("sha256sum")
        var bytes: [UInt8] = []
        var seed: UInt32 = 12345
        for length in [55, 56, 63, 64, 65, 1000, 4097] {
            while bytes.count < length {
                seed = seed &* 1_103_515_245 &+ 12345
                bytes.append(UInt8(truncatingIfNeeded: seed >> 16))
            }
            let file = directory.appendingPathComponent("data-\(length)")
            try Data(bytes).write(to: file)
            let run = try Tool.runProgram(sha256sum, [file.path], in: directory)
            XCTAssertEqual(String(run.stdout.prefix(64)), SHA256.hex(bytes), "length \(length)")
        }
    }
}
