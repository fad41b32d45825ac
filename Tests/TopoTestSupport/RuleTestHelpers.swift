import TopoModel
import TopoCheck
import XCTest

// Rule tests name the rule by its type, so a misspelt rule does not
// compile, and every finding is matched by the id its descriptor gives.

/// Runs loader and rules over inline YAML with the given loader limits.
public func check(_ yaml: String, limits: LoaderLimits) -> [Diagnostic] {
    TopologyCheck.check(bytes: Array(yaml.utf8), limits: limits).diagnostics
}

/// The findings of one rule over plain (unmarked) YAML.
public func findings<R: Rule>(_ rule: R.Type, in yaml: String, limits: LoaderLimits = .default) -> [Diagnostic] {
    check(yaml, limits: limits).filter { $0.rule == R.id }
}

/// The findings of one rule over marked YAML with the given loader limits.
public func findings<R: Rule>(_ rule: R.Type, in yaml: MarkedYAML, limits: LoaderLimits) -> [Diagnostic] {
    check(yaml.text, limits: limits).filter { $0.rule == R.id }
}

/// `assertFindings` with custom loader limits.
public func assertFindings<R: Rule>(
    _ rule: R.Type, in yaml: MarkedYAML, at symbols: [String], hosts: [String?]? = nil, limits: LoaderLimits,
    file: StaticString = #filePath, line: UInt = #line
) {
    let found = findings(rule, in: yaml, limits: limits)
    let expected = symbols.map { yaml.location($0, file: file, line: line) }
    XCTAssertEqual(found.map(\.location), expected,
                   "\(R.id) findings: \(found.map { "\($0.location) \($0.message)" })", file: file, line: line)
    if let hosts {
        XCTAssertEqual(found.map(\.host), hosts, file: file, line: line)
    }
}

/// Asserts that `rule` reports nothing on `yaml` (a near miss must not
/// fire), and that the registry holds the rule: one left out of it would
/// pass here by never running.
public func assertNoFindings<R: Rule>(
    _ rule: R.Type, in yaml: String, limits: LoaderLimits = .default,
    file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertTrue(RuleRegistry.rules.contains { $0 == rule }, "\(R.id) is not in the rule registry", file: file, line: line)
    let found = findings(rule, in: yaml, limits: limits)
    XCTAssertEqual(found.count, 0,
                   "unexpected \(R.id) findings: \(found.map { "\($0.location) \($0.message)" })",
                   file: file, line: line)
}

/// Asserts that every finding of `rule` carries the rule's severity, that
/// there is at least one, and that the messages contain each of `parts` (in
/// the finding at `index`, or the only/first one).
public func assertMessage<R: Rule>(
    _ rule: R.Type, in yaml: MarkedYAML, contains parts: [String], index: Int = 0,
    limits: LoaderLimits = .default, file: StaticString = #filePath, line: UInt = #line
) {
    let found = findings(rule, in: yaml, limits: limits)
    guard found.indices.contains(index) else {
        XCTFail("no \(R.id) finding #\(index); found \(found.map(\.message))", file: file, line: line)
        return
    }
    let message = found[index].message
    for part in parts {
        XCTAssertTrue(message.contains(part), "message '\(message)' lacks '\(part)'", file: file, line: line)
    }
    for finding in found {
        XCTAssertEqual(finding.severity, R.descriptor.severity, file: file, line: line)
    }
}

/// The notes of the finding at `index` of `rule`, joined for `contains` checks.
public func notes<R: Rule>(_ rule: R.Type, in yaml: MarkedYAML, index: Int = 0) -> String {
    let found = findings(rule, in: yaml)
    guard found.indices.contains(index) else { return "" }
    return found[index].notes.joined(separator: "\n")
}

/// `cleanFourServer` with one line replaced, for near-miss variants.
public func cleanFourServer(replacing old: String, with new: String,
                     file: StaticString = #filePath, line: UInt = #line) -> String {
    XCTAssertTrue(cleanFourServer.contains(old), "'\(old)' not in cleanFourServer", file: file, line: line)
    return cleanFourServer.replacingOccurrences(of: old, with: new)
}
