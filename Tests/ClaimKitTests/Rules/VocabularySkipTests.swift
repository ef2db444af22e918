import Foundation
import Testing

@testable import ClaimKit

/// `@{word_start}` skips positions where no speaker can begin: it may only open a pattern, and it changes
/// no claim.
@Suite struct VocabularySkipTests {
    @Test func theBundledRulesUseIt() throws {
        let rules = try Fixtures.rules()
        #expect(rules.vocabulary.skippingFragments == ["word_start"])
        let opening = rules.rules.filter { $0.source.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("@{word_start}") }
        #expect(opening.count >= 10)
        #expect(rules.rules.allSatisfy { rules.vocabulary.misplacedSkip(in: $0.source) == nil })
    }

    @Test func aSkippingFragmentAnywhereButFirstIsRefused() throws {
        try withScratch { scratch in
            let path = try scratch.write(
                "rules.yaml",
                """
                fragments:
                  skip_word: '(?:(?<=\\w)\\w*+(*SKIP)(*FAIL)|)'
                  wrapped: 'x @{skip_word}'
                rules:
                  - id: late-skip
                    kind: indirect
                    description: the skip comes after the speaker
                    pattern: '(?<speaker>\\w+) @{skip_word} \\s+ (?<cue>said) \\s+ (?<content>\\w+)'
                    examples:
                      - text: Ana said yes
                  - id: hidden-skip
                    kind: indirect
                    description: the skip hides in another fragment
                    pattern: '@{wrapped} (?<speaker>\\w+) \\s+ (?<cue>said) \\s+ (?<content>\\w+)'
                    examples:
                      - text: Ana said yes
                  - id: first-skip
                    kind: indirect
                    description: the skip opens the pattern
                    pattern: '  @{skip_word} (?<speaker>\\w+) \\s+ (?<cue>said) \\s+ (?<content>\\w+)'
                    examples:
                      - text: Ana said yes
                """)
            do {
                _ = try RuleLoader().load(directories: [scratch.url])
                Issue.record("expected the misplaced skips to be refused")
            } catch let error as RuleErrors {
                let message = "skips ahead past the rest of a word, so it may only open a pattern; move it to the start or leave it out"
                #expect(error.errors.map(\.ruleID) == ["late-skip", "hidden-skip"])
                #expect(
                    error.errors.first?.description
                        == "\(path):8:31: error: '@{skip_word}' \(message)\n"
                        + #"    pattern: '(?<speaker>\w+) @{skip_word} \s+ (?<cue>said) \s+ (?<content>\w+)'"# + "\n"
                        + String(repeating: " ", count: 30) + "^")
                #expect(error.errors.last?.message == "'@{wrapped}' \(message)")
            }
        }
    }

    /// The bundled rules with `@{word_start}` emptied find exactly the same claims, on every rule example,
    /// the bundled articles and multibyte text where words hold marks, apostrophes and hyphens.
    @Test func itChangesNoClaim() throws {
        try withScratch { scratch in
            _ = try scratch.write("vocabulary.yaml", "fragments:\n  word_start: ''\n")
            let bundled = Fixtures.packageRoot.appendingPathComponent("Rules")
            let plain = try RuleLoader().load(directories: [bundled, scratch.url])
            #expect(plain.rules.allSatisfy { !$0.expanded.contains("(*SKIP)") })
            let rules = try Fixtures.rules()
            #expect(rules.rules.contains { $0.expanded.contains("(*SKIP)") })
            let text = UTF8Text(
                try RuleFamilyTests.corpus()
                    + "\n\nJosé Ibáñez-Ólafsdóttir, the ministers’ spokeswoman, said the Søndre bridge stays shut. "
                    + "O’Neill said that Ångström’s plan failed. “Nie,” Zoë said.")
            let a = try Extractor(rules: rules).extract(text)
            let b = try Extractor(rules: plain).extract(text)
            #expect(a.claims.count > 50)
            #expect(a.claims.map(RuleFamilyTests.describe) == b.claims.map(RuleFamilyTests.describe))
        }
    }
}
