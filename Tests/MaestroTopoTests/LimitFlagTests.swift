import Foundation
@testable import maestro_topo
import MaestroTopo
import TopoTestSupport
import XCTest

/// The sizes the limit flags take (LimitFlagCLITests: the limits as a user
/// meets them).
final class LimitFlagTests: XCTestCase {
    func testByteCounts() {
        XCTAssertEqual(ByteCount(argument: "4096")?.bytes, 4096)
        XCTAssertEqual(ByteCount(argument: "512K")?.bytes, 512 << 10)
        XCTAssertEqual(ByteCount(argument: "64m")?.bytes, 64 << 20)
        XCTAssertEqual(ByteCount(argument: "1GiB")?.bytes, 1 << 30)
        XCTAssertEqual(ByteCount(argument: "2MB")?.bytes, 2 << 20)
        for bad in ["", "K", "0", "-1", "1.5M", "1T", "99999999999999999999G", "M1"] {
            XCTAssertNil(ByteCount(argument: bad), bad)
        }
    }
}
