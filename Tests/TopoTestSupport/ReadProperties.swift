import Foundation

/// Tests/MaestroTopoTests/Fixtures/ReadProperties.java, which reads INI
/// files with java.util.Properties as Maestro does, and its output.
public enum ReadProperties {
    /// The Java source, for `java ReadProperties.java FILE…`.
    public static var source: String { Tool.fixtures.appendingPathComponent("ReadProperties.java").path }

    /// Hex UTF-16 lines from ReadProperties.java back into strings, per
    /// file; a file Java refused to load (a malformed `\\uXXXX`) is left out.
    public static func parse(_ output: String) -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        var current = ""
        for line in output.split(separator: "\n", omittingEmptySubsequences: true) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if fields.first == "file" {
                current = fields[1]
                if fields.count > 2, fields[2] == "error" { continue }
                result[current] = [:]
            } else if fields.count == 2 {
                result[current]![decode(fields[0])] = decode(fields[1])
            }
        }
        return result
    }

    static func decode(_ hex: String) -> String {
        let units = hex.split(separator: " ").compactMap { UInt16($0, radix: 16) }
        return String(decoding: units, as: UTF16.self)
    }
}
