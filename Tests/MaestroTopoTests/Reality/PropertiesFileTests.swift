import Foundation
import TopoReality
import TopoTestSupport
import XCTest

/// ssl.ini is read as java.util.Properties reads it: the cases that matter
/// to an administrator by hand, then thousands of generated files read by
/// both this reader and Java itself, which must agree on every key and value.
final class PropertiesFileTests: XCTestCase {
    private func read(_ text: String) -> PropertiesFile { PropertiesFile(bytes: Array(text.utf8)) }

    private func values(_ file: PropertiesFile) -> [String: String] {
        Dictionary(file.entries.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    func testSeparatorsCommentsAndBlankLines() {
        let file = read("# comment\n! also a comment\n\n  a=1\nb : 2\nc 3\nd\t=\t4\ne\n")
        XCTAssertEqual(values(file), ["a": "1", "b": "2", "c": "3", "d": "4", "e": ""])
        XCTAssertEqual(file.problems, [])
    }

    func testASingleBackslashIsDroppedAndCounted() {
        let file = read("SSLKeystorePath=C:\\Program Files\\L-Soft\\keystore\\hub.jks\n")
        let entry = file.entries[0]
        XCTAssertEqual(entry.value, "C:Program FilesL-Softkeystorehub.jks")
        XCTAssertEqual(entry.droppedBackslashes, 4)
        XCTAssertEqual(read("p=C:\\\\keys\\\\hub.jks\n").entries[0].value, "C:\\keys\\hub.jks")
        XCTAssertEqual(read("p=C:\\\\keys\\\\hub.jks\n").entries[0].droppedBackslashes, 0)
    }

    func testContinuationsEscapesAndPositions() {
        let file = read("k\\ ey = first \\\n    second\\u0041\\t\nnext=1\n")
        XCTAssertEqual(file.entries[0].key, "k ey")
        XCTAssertEqual(file.entries[0].value, "first secondA\t")
        XCTAssertEqual([file.entries[0].keyLine, file.entries[0].keyColumn], [1, 1])
        XCTAssertEqual([file.entries[0].valueLine, file.entries[0].valueColumn], [1, 9])
        XCTAssertEqual([file.entries[1].keyLine, file.entries[1].keyColumn], [3, 1])
    }

    func testLatin1BytesAreOneCharacterEach() {
        let file = PropertiesFile(bytes: Array("pw=".utf8) + [0xE9, 0x0A])
        XCTAssertEqual(file.entries[0].value, "\u{E9}")
    }

    func testAMalformedUnicodeEscapeIsAProblemWithItsPlace() {
        let file = read("a=1\nb=x\\u12G4\nc=3\n")
        XCTAssertEqual(file.problems.count, 1)
        XCTAssertEqual([file.problems[0].line, file.problems[0].column], [2, 4])
        XCTAssertEqual(values(file), ["a": "1"], "Java stops at the problem")
    }

    /// Thousands of files made of the pieces that trip readers up, read by
    /// java.util.Properties and by PropertiesFile: the same keys and values,
    /// and a problem exactly where Java refuses the file.
    func testAgreesWithJavaOnGeneratedFiles() throws {
        let java = try Tool.require("java")
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var random = SeededRandom(seed: 0x5EED_1234)
        let pieces: [[UInt8]] = [
            "a", "K", "=", ":", " ", "\t", "\u{0C}", "#", "!", "\\", "\\\\", "\\\n", "\\\r\n", "\\\r", "\n", "\r", "\r\n",
            "\\u0041", "\\u00e9", "\\uD83D", "\\u12", "\\uzz12", "\\t", "\\n", "\\=", "\\:", "\\ ", "C:\\Program Files\\x",
            "SSLKeystorePath", "SSLAllowedClients", "hub.example.com,lui.example.com", "  ", "\\\\\\",
        ].map { Array($0.utf8) } + [[0xE9], [0xFF], [0x00], [0x80]]
        var paths: [String] = []
        var files: [String: PropertiesFile] = [:]
        for index in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<random.next(below: 24) { bytes += pieces[random.next(below: pieces.count)] }
            let url = directory.appendingPathComponent(String(format: "case-%05d.properties", index))
            try Data(bytes).write(to: url)
            paths.append(url.path)
            files[url.path] = PropertiesFile(bytes: bytes)
        }
        let run = try Tool.runProgram(java, [ReadProperties.source] + paths, in: directory)
        XCTAssertEqual(run.status, 0, run.stderr)
        let read = ReadProperties.parse(run.stdout)
        var disagreements: [String] = []
        for path in paths {
            let ours = files[path]!
            guard let theirs = read[path] else {
                if ours.problems.isEmpty { disagreements.append("\(path): Java refused it, PropertiesFile did not") }
                continue
            }
            if !ours.problems.isEmpty {
                disagreements.append("\(path): PropertiesFile found \(ours.problems[0].message), Java read it")
            } else if values(ours) != theirs {
                let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path))).map { Array($0) } ?? []
                disagreements.append("\(bytes): \(values(ours)) vs Java's \(theirs)")
            }
        }
        XCTAssertEqual(disagreements.count, 0, disagreements.prefix(30).joined(separator: "\n"))
        XCTAssertGreaterThan(read.count, 1_000, "most generated files are readable, so values are really compared")
    }
}

/// SplitMix64: the same files on every run and machine.
struct SeededRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
