import Foundation
@testable import TopoCheck
import TopoTestSupport
import XCTest

/// The registry is the one list of rules: each type in it once, each model
/// rule's check run, and each rule in the file named after it, in the
/// folder of the stage that reports it.
final class RuleRegistryTests: XCTestCase {
    func testEveryRuleIsListedOnce() {
        let names = RuleRegistry.rules.map { String(describing: $0) }
        XCTAssertEqual(Set(names).count, names.count, "a rule listed twice")
        XCTAssertEqual(RuleRegistry.descriptors.map(\.id), RuleRegistry.rules.map { $0.id })
    }

    func testEveryModelRuleIsChecked() {
        // A model rule whose check the registry missed would never fire.
        let modelRules = RuleRegistry.rules.filter { $0 is any ModelRule.Type }
        XCTAssertEqual(RuleRegistry.checks.count, modelRules.count)
        XCTAssertTrue(RuleRegistry.rules.filter { !($0 is any ModelRule.Type) }.allSatisfy { $0.modelCheck == nil })
    }

    func testEachRuleHasItsFileInTheFolderOfItsStage() {
        let rules = Tool.packageRoot.appendingPathComponent("Sources/TopoCheck/Rules")
        for rule in RuleRegistry.rules {
            // invalid-value is the loader's, with a check added over the model.
            let stage = rule is any LoadRule.Type ? "Load"
                : rule is any DiffRule.Type ? "Diff"
                : rule is any InstallationRule.Type ? "Installation"
                : rule is any ProbeRule.Type ? "Probe"
                : "Model"
            let file = rules.appendingPathComponent("\(stage)/\(rule).swift")
            XCTAssertTrue(FileManager.default.fileExists(atPath: file.path), "\(rule.id): no \(stage)/\(rule).swift")
        }
    }

    func testIdsNameTheTypes() {
        // `partial-ssl` is PartialSSL: the id, its words run together.
        for rule in RuleRegistry.rules {
            let words = rule.id.split(separator: "-").joined().lowercased()
            XCTAssertEqual(String(describing: rule).lowercased(), words, rule.id)
        }
    }
}
