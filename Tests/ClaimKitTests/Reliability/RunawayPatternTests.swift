import Foundation
import Testing

@testable import ClaimKit

/// A user rule that backtracks catastrophically stops at PCRE2's limits: the article it chokes on is
/// reported with the rule's id, and the other articles are still stored.
@Suite struct RunawayPatternTests {
    /// Two deliberately bad rules: nested repeats that backtrack exponentially when the match fails late.
    static let badRules = """
        rules:
          - id: runaway-words
            description: Words in a nested repeat, then an exclamation mark that never follows them.
            kind: direct
            priority: 10
            pattern: (?<content>(\\w+\\s?)+)(?<cue>!)
          - id: runaway-letters
            description: The textbook nested repeat, anchored at the end of the text.
            kind: direct
            priority: 10
            pattern: (?<cue>(a+)+)(?<content>$)
        """

    /// Thirty words, then a full stop right before the "!": each of 2^n ways to split the words is tried.
    static let wordsArticle = "Pier notice\n\nThe harbour board met. " + Array(repeating: "harbour", count: 30).joined(separator: " ")
        + ".! Then it rained on the pier.\n"
    /// Forty letters a and one b.
    static let lettersArticle = "Sirens\n\n" + String(repeating: "a", count: 40) + "b\n"
    static let goodArticle = "Pier reopens\n\nPier manager Oda Brekke said the pier would reopen on Monday.\n“The planks are new,” Brekke said.\n"

    func rules(_ scratch: Scratch) throws -> RuleSet {
        try scratch.write("badrules/bad.yaml", Self.badRules)
        return try RuleSet.load(userDirectory: scratch.path("badrules"))
    }

    @Test func theExtractorNamesTheRuleThatHitTheLimit() throws {
        try withScratch { scratch in
            let rules = try rules(scratch)
            let splitter = PageSplitter(rules: rules)
            let analyzer = try Analyzer(rules: rules)
            for (text, rule) in [(Self.wordsArticle, "runaway-words"), (Self.lettersArticle, "runaway-letters")] {
                let article = splitter.makeArticle(key: rule, text: text, path: "-", published: nil)
                let started = Date()
                let error = #expect(throws: RuleError.self) { try analyzer.analyze(article) }
                #expect(error?.code == .matchLimit, "\(String(describing: error))")
                #expect(error?.ruleID == rule)
                #expect(error?.message.hasPrefix("rule '\(rule)' stopped: ") == true, "\(String(describing: error))")
                #expect(Date().timeIntervalSince(started) < 30, "the limit stops the rule quickly")
            }
            // The same rules on a harmless article run to the end.
            let good = splitter.makeArticle(key: "good", text: Self.goodArticle, path: "-", published: nil)
            #expect(try analyzer.analyze(good).claims.count == 2)
        }
    }

    @Test func ingestReportsTheBadArticlesAndStoresTheRest() throws {
        try withStore { store, scratch in
            let rules = try rules(scratch)
            let words = try scratch.write("in/words.txt", Self.wordsArticle)
            let letters = try scratch.write("in/letters.txt", Self.lettersArticle)
            try scratch.write("in/good.txt", Self.goodArticle)
            let report = try Ingestor(store: store, rules: rules).ingest([scratch.path("in")])
            #expect(!report.ok)
            #expect(report.inserted.map(\.key) == ["good"])
            #expect(report.inserted.first?.claims == 2)
            #expect(report.problems.count == 2, "\(report.problems)")
            #expect(report.problems.contains { $0.hasPrefix("\(words): article words: rule 'runaway-words' stopped: ") })
            #expect(report.problems.contains { $0.hasPrefix("\(letters): article letters: rule 'runaway-letters' stopped: ") })
            #expect(report.problems.allSatisfy { $0.contains("backtracks too much") })
            // Nothing of the bad articles is stored, and the good one is whole.
            #expect(try store.articles().map(\.key) == ["good"])
            #expect(try store.count("claims") == 2)
        }
    }
}
