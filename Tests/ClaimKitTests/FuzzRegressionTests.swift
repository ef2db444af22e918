import Foundation
import Testing

@testable import ClaimKit

/// Inputs that crashed a fuzz harness (Fuzz/, `scripts/fuzz.sh`), each run through the code path that
/// crashed: the test passes when the call returns (with a result or an error) instead of trapping.
///
/// A test stays `.disabled` while its input still crashes, since a trap would end the whole test run.
/// Remove the trait once the fix is in.
@Suite struct FuzzRegressionTests {
    /// Loads the bundled rules and then a folder holding one file, `fuzz.yaml`, with `yaml`: what the
    /// FuzzRules harness does with each input.
    func loadOverBundled(_ yaml: String) throws -> Result<RuleSet, RuleErrors> {
        try withScratch { scratch in
            try scratch.write("rules/fuzz.yaml", yaml)
            let folders = [try ResourceLocator.rulesDirectory(), scratch.url.appendingPathComponent("rules")]
            do {
                return .success(try RuleLoader().load(directories: folders))
            } catch let error as RuleErrors {
                return .failure(error)
            }
        }
    }

    /// FuzzRules, minimized input `responses:\n- pattern: ?@{}` (26 bytes): a macro reference with an
    /// empty name crashed RuleLoader with "Index out of range" at MacroExpander.swift:85
    /// (`parts[0]` of `"".split(separator: ":")`, which is empty). `@{ }` and `@{:}` did the same.
    /// Fixed in 0798bad: it is an unknown-vocabulary error.
    @Test(arguments: ["responses:\n- pattern: ?@{}", "responses:\n- pattern: '@{ }'", "rules:\n- pattern: '@{:}'"])
    func emptyMacroNameIsAnErrorNotACrash(_ yaml: String) throws {
        let result = try loadOverBundled(yaml)
        guard case .failure(let errors) = result else {
            Issue.record("a pattern naming the empty macro loaded")
            return
        }
        #expect(errors.errors.contains { $0.code == .unknownVocabulary }, "\(errors)")
    }

    /// FuzzRules (found reading the code while writing the harness's PageSplitter step; the harness
    /// traps on it): a layout whose `article_start` captures `title` in a lookahead that reaches past the
    /// next match's start made PageSplitter.split build a backwards range, "Range requires lowerBound <=
    /// upperBound" at PageSplitter.swift:23 (`bodyStart..<end`). On "aab" the pattern matches at 0 and 1,
    /// and both matches capture title 2..<3.
    @Test
    func layoutTitleCapturedPastTheNextArticleStart() throws {
        let yaml = """
            layouts:
              - id: lookahead-title
                description: a title captured in a lookahead
                detect: 'b'
                article_start: 'a(?=a?(?<title>b))'
            """
        let rules = try loadOverBundled(yaml).get()
        let document = try InputReader().decode(Data("aab".utf8), path: "page.txt", stem: "page")
        let articles = PageSplitter(rules: rules).split(document)
        #expect(!articles.isEmpty)
        for article in articles {
            if let headline = article.headline { #expect(headline.upperBound <= article.body.utf8.count) }
        }
    }
}
