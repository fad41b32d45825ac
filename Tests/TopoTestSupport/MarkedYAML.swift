import TopoSource
import TopoModel
import TopoCheck
import XCTest

/// YAML with position markers: `1️⃣`, `2️⃣`, … stand just before the node a
/// finding must point at. The markers are removed before parsing, and their
/// 1-based line and column (in characters, as libyaml counts) are kept.
public struct MarkedYAML {
    public let text: String
    public let markers: [String: SourceLocation]

    public static let symbols = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    public init(_ marked: String) {
        var text = ""
        var markers: [String: SourceLocation] = [:]
        var line = 1, column = 1
        var rest = Substring(marked)
        outer: while let character = rest.first {
            for symbol in Self.symbols where rest.hasPrefix(symbol) {
                markers[symbol] = SourceLocation(line: line, column: column)
                rest = rest.dropFirst(symbol.count)
                continue outer
            }
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
            rest = rest.dropFirst()
        }
        self.text = text
        self.markers = markers
    }

    public func location(_ symbol: String, file: StaticString = #filePath, line: UInt = #line) -> SourceLocation {
        guard let location = markers[symbol] else {
            XCTFail("marker \(symbol) not found in the YAML", file: file, line: line)
            return .start
        }
        return location
    }
}

/// Runs loader and rules over inline YAML.
public func check(_ yaml: String) -> [Diagnostic] {
    TopologyCheck.check(bytes: Array(yaml.utf8)).diagnostics
}

/// The findings of one rule, for a test about that rule.
public func findings<R: Rule>(_ rule: R.Type, in yaml: MarkedYAML) -> [Diagnostic] {
    check(yaml.text).filter { $0.rule == R.id }
}

/// Asserts that `rule` reports exactly at the marked positions (in order),
/// each finding with the rule's id and the given host when one is named.
public func assertFindings<R: Rule>(
    _ rule: R.Type, in yaml: MarkedYAML, at symbols: [String], hosts: [String?]? = nil,
    file: StaticString = #filePath, line: UInt = #line
) {
    let found = findings(rule, in: yaml)
    let expected = symbols.map { yaml.location($0, file: file, line: line) }
    XCTAssertEqual(found.map(\.location), expected,
                   "\(R.id) findings: \(found.map { "\($0.location) \($0.message)" })", file: file, line: line)
    if let hosts {
        XCTAssertEqual(found.map(\.host), hosts, file: file, line: line)
    }
}

/// A valid four-server base to vary in tests. Every rule test starts from a
/// file that is clean except for what the test adds.
public let cleanFourServer = """
    version: 1
    installation: acme
    component_ssl:
      enabled: true
      ca: Acme CA
      keystore_password: {env: KS_PW}
    hosts:
      ui.acme.example:
        components: [LUI, HUB]
      trk.acme.example:
        components: [TRK]
      db.acme.example:
        components: [DATABASE]
      lsv.acme.example:
        components: [LISTSERV]

    """
