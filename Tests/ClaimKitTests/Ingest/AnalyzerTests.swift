import Foundation
import Testing

@testable import ClaimKit

/// One article's path through matching, selection and speaker resolution.
@Suite struct AnalyzerTests {
    /// A rule above every bundled one whose speaker is a place, which names nobody.
    static let placeRule = """
        rules:
          - id: place-reports
            description: A harbour reporting something (a place as speaker, for this test).
            kind: indirect
            priority: 99
            pattern: |
              (?<speaker>@{cap_word}\\s+Harbour) \\s+ (?<cue>reported) \\s+ (?<content>[^.\\n]+)
            examples:
              - text: "Vik Harbour reported the ferries were late."
                content: the ferries were late
        """

    @Test func aClaimWithoutASpeakerDoesNotHideTheClaimItOverlapped() throws {
        try withScratch { scratch in
            try scratch.write("user-rules/place.yaml", Self.placeRule)
            let rules = try RuleLoader().load(
                directories: [try ResourceLocator.rulesDirectory(), scratch.url.appendingPathComponent("user-rules")])
            let body = "The mayor said Vik Harbour reported the ferries were late again."
            let article = Article(key: "ferry", title: nil, source: nil, published: nil, body: body, path: "ferry.txt", headline: nil)
            let analysis = try Analyzer(rules: rules).analyze(article)
            // The place rule wins the overlap but names nobody; the mayor's claim, which it had pushed out, stays.
            #expect(analysis.claims.map(\.candidate.ruleID) == ["speaker-cue-clause"])
            #expect(analysis.claims.map { analysis.text.string($0.candidate.content) } == ["Vik Harbour reported the ferries were late again"])
            #expect(analysis.claims.first?.speaker?.name == "mayor")
            #expect(analysis.extraction.dropped.contains { $0.0.ruleID == "place-reports" && $0.1 == .noSpeaker })
        }
    }
}
