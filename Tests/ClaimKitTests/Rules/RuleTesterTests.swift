import Foundation
import Testing

@testable import ClaimKit

/// The tester itself: it reports a wrong capture and a matching counterexample, on both passes.
@Suite struct RuleTesterTests {
    static let file = """
        rules:
          - id: told-clause
            kind: indirect
            description: a name, told, and what follows
            pattern: '(?<speaker>\\p{Lu}\\p{L}+) \\s+ (?<cue>told) \\s+ (?<content>[^.]+)'
            examples:
              - text: "Brita told the crew to wait."
                speaker: Brita
                content: the crew to stay
            counterexamples:
              - "Marek told no one."
        """

    @Test func wrongCaptureAndMatchingCounterexampleFailOnBothPasses() throws {
        try withScratch { scratch in
            try scratch.write("told.yaml", Self.file)
            let rules = try RuleLoader().load(directories: [scratch.url])
            let result = RuleTester(rules: rules).run()
            #expect(result.examples == 4)
            let messages = result.failures.map(\.message)
            #expect(
                messages == [
                    "content: expected \"the crew to stay\", captured \"the crew to wait\"", "counterexample matched",
                    "content: expected \"the crew to stay\", captured \"the crew to wait\"", "counterexample matched",
                ])
            #expect(result.failures.map(\.text)[2] == RuleTester.multibytePrefix + "Brita told the crew to wait.")
            // The description points at the example and marks each capture under the text, in characters.
            #expect(
                result.failures[0].description == """
                    \(scratch.path("told.yaml")):7:9: rule 'told-clause': content: expected "the crew to stay", captured "the crew to wait"
                      text: Brita told the crew to wait.
                                       ^^^^^^^^^^^^^^^^ content
                                  ^^^^ cue
                            ^^^^^ speaker
                    """)
        }
    }

    /// A rule that backtracks without end on its own example is stopped by PCRE2's limits, and the
    /// failure names the rule and the limit instead of hanging.
    @Test func aCatastrophicRuleIsStoppedOnItsOwnExample() throws {
        try withScratch { scratch in
            try scratch.write(
                "runaway.yaml",
                """
                rules:
                  - id: runaway
                    kind: indirect
                    description: nested repeats that fail late
                    pattern: '(?<content>(a+)+) (?<cue>\\b)'
                    examples:
                      - text: "\(String(repeating: "a", count: 40))c"
                """)
            let rules = try RuleLoader().load(directories: [scratch.url])
            let started = Date()
            let result = RuleTester(rules: rules).run()
            #expect(Date().timeIntervalSince(started) < 30)
            #expect(result.failures.count == 2)
            #expect(result.failures.first?.ruleID == "runaway")
            #expect(result.failures.first?.message == "the pattern stopped: match limit exceeded")
        }
    }

    @Test func runLimitedToNamedRules() throws {
        try withScratch { scratch in
            try scratch.write("told.yaml", Self.file)
            let rules = try RuleLoader().load(directories: [scratch.url])
            #expect(RuleTester(rules: rules).run(ids: ["no-such-rule"]).examples == 0)
            #expect(RuleTester(rules: rules).run(ids: ["told-clause"]).examples == 4)
        }
    }
}
