import Testing

@testable import ClaimKit

/// Every bundled rule's own examples and counterexamples, plain and behind a multibyte prefix.
@Suite struct RuleExamplesTests {
    @Test func everyBundledRuleExamplePasses() throws {
        let rules = try Fixtures.rules()
        let result = RuleTester(rules: rules).run()
        #expect(result.examples > 0, "the bundled rules carry no examples")
        #expect(
            result.failures.isEmpty,
            "\(result.failures.count) of \(result.examples) rule examples failed:\n\(result.failures.map(\.description).joined(separator: "\n"))"
        )
    }
}
