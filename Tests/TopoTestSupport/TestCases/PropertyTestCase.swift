import Foundation
import XCTest

/// What PropertyTests and PropertyCLITests share: random valid topologies
/// (RandomTopology). The seed is fixed, so a run is repeatable;
/// `MAESTRO_TOPO_SEED=N` explores other inputs. Every failure names the
/// seed of the topology it is about: `RandomTopology(seed:)` rebuilds it.
open class PropertyTestCase: TemporaryDirectoryTestCase {
    public static let baseSeed: UInt64 = ProcessInfo.processInfo.environment["MAESTRO_TOPO_SEED"].flatMap { UInt64($0) } ?? 20_261_125
    public static let count = 150

    public static let topologies: [RandomTopology] = (0..<count).map { RandomTopology(seed: baseSeed &+ UInt64($0)) }

    public func describe(_ topology: RandomTopology) -> String { "seed \(topology.seed):\n\(topology.yaml)" }

    /// Fails when `text` shows one of the topology's passwords.
    public func assertNoToken(_ text: String, _ topology: RandomTopology, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for token in topology.tokens where text.contains(token) {
            XCTFail("\(what) shows a password (token \(token)); \(describe(topology))", file: file, line: line)
        }
    }
}
