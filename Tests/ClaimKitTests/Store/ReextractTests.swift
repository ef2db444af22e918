import Foundation
import Testing

@testable import ClaimKit

/// Re-extraction: the same rules change nothing; a user's rule folder adds or removes claims, a dry run
/// only reports them, and claims that did not change keep their ids and responses.
@Suite struct ReextractTests {
    /// A contradiction (a response) and a "per" attribution the bundled rules miss.
    static let article = """
        Marrow Pass closed to lorries
        "This is a blockade," Senator Greta Holm said on Monday.
        "This is not a blockade," Director Pavel Ostrander said.
        Per the port director, the cranes at Vessholm would be replaced next year.
        """

    static let perSource = "the cranes at Vessholm would be replaced next year"

    /// A user rule for "Per X, ...".
    static let perSourceRule = """
        rules:
          - id: per-source
            description: An attribution with "per" ("Per the ministry, ...").
            kind: indirect
            priority: 65
            pattern: |
              (?<cue>(?<![\\p{L}])[Pp]er) \\s+ (?<speaker>@{speaker_np}) ,\\s+ (?<content>@{clause})
            examples:
              - text: "Per the ferry director, the quay would close in May."
                speaker: the ferry director
                cue: Per
                content: the quay would close in May
        """

    /// The bundled rules with a user folder holding `files` over them.
    func rules(_ scratch: Scratch, _ files: [String: String]) throws -> RuleSet {
        for (name, text) in files { try scratch.write("user-rules/\(name)", text) }
        return try RuleLoader().load(directories: [try ResourceLocator.rulesDirectory(), scratch.url.appendingPathComponent("user-rules")])
    }

    /// A snapshot of every claim and response, ids included.
    func snapshot(_ store: ClaimStore) throws -> (claims: [StoredClaim], responses: [String]) {
        (try store.allClaims(), try store.responses().map { "\($0.id): \($0.from) -> \($0.to.map(String.init) ?? "nil") \($0.relation) \($0.target ?? "nil")" })
    }

    func withArticle<T>(_ body: (ClaimStore, Scratch) throws -> T) throws -> T {
        try withStore { store, scratch in
            try ingestText(Self.article, as: "pass.txt", into: store, scratch)
            return try body(store, scratch)
        }
    }

    @Test func theBundledRulesMissThePerAttribution() throws {
        try withArticle { store, _ in
            let claims = try store.allClaims()
            #expect(claims.map(\.speakerName) == ["Greta Holm", "Pavel Ostrander"])
            #expect(try store.responses().count == 1)
        }
    }

    @Test func sameRulesChangeNothing() throws {
        try withArticle { store, _ in
            let before = try snapshot(store)
            let counts = try store.counts()
            let report = try store.reextract(with: Analyzer(rules: Fixtures.rules()), dryRun: false)
            #expect(report.articles == 1)
            #expect(report.added == 0)
            #expect(report.removed == 0)
            #expect(report.changed == 0)
            #expect(report.unchanged == 2)
            #expect(report.byRule.isEmpty)
            let after = try snapshot(store)
            #expect(after.claims == before.claims)
            #expect(after.responses == before.responses)
            #expect(try store.counts() == counts)
        }
    }

    @Test func dryRunReportsTheNewRulesClaimAndChangesNothing() throws {
        try withArticle { store, scratch in
            let rules = try rules(scratch, ["rules.yaml": Self.perSourceRule])
            let tested = RuleTester(rules: rules).run(ids: ["per-source"])
            #expect(tested.examples > 0)
            #expect(tested.failures.isEmpty, "\(tested.failures)")
            let before = try snapshot(store)
            let counts = try store.counts()
            let report = try store.reextract(with: Analyzer(rules: rules), dryRun: true)
            #expect(report.dryRun)
            #expect(report.added == 1)
            #expect(report.removed == 0)
            #expect(report.changed == 0)
            #expect(report.unchanged == 2)
            #expect(Array(report.byRule.keys) == ["per-source"])
            #expect(report.byRule["per-source"]?.added.map(\.text) == [Self.perSource])
            // Without examples the report still counts every change.
            let counted = try store.reextract(with: Analyzer(rules: rules), dryRun: true, examples: 0)
            #expect(counted.added == 1)
            #expect(counted.byRule["per-source"]?.addedCount == 1)
            #expect(counted.byRule["per-source"]?.added.isEmpty == true)
            #expect(try store.count("claims") == 2)
            #expect(try store.counts() == counts)
            let after = try snapshot(store)
            #expect(after.claims == before.claims)
            #expect(after.responses == before.responses)
        }
    }

    @Test func realRunStoresTheNewClaimAndKeepsTheOthersWithTheirResponses() throws {
        try withArticle { store, scratch in
            let rules = try rules(scratch, ["rules.yaml": Self.perSourceRule])
            let before = try snapshot(store)
            let report = try store.reextract(with: Analyzer(rules: rules), dryRun: false)
            #expect(report.added == 1)
            #expect(report.removed == 0)
            #expect(report.changed == 0)
            let added = try #require(report.byRule["per-source"]?.added.first)
            let stored = try store.claim(id: added.claimID)
            #expect(stored.content.text == Self.perSource)
            #expect(stored.ruleID == "per-source")
            #expect(stored.cue.text == "Per")
            #expect(stored.speakerMention?.text == "the port director")
            #expect(stored.ruleHash == rules.rule("per-source")?.hash)
            // The writer, not a trigger, indexes a new claim: search finds it and the index is consistent.
            #expect(try store.search("cranes").map(\.id) == [added.claimID])
            try store.db.execute("INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)")
            let after = try snapshot(store)
            #expect(after.claims.count == 3)
            // The two claims that did not change keep their ids, and the response between them its row.
            #expect(after.claims.filter { $0.id != added.claimID } == before.claims)
            #expect(after.responses == before.responses)
            // Running again with the same rules finds nothing more to do.
            let again = try store.reextract(with: Analyzer(rules: rules), dryRun: false)
            #expect((again.added, again.removed, again.changed, again.unchanged) == (0, 0, 0, 3))
        }
    }

    @Test func disablingARuleRemovesItsClaims() throws {
        try withStore { store, scratch in
            try ingestText(
                """
                Cranes at Vessholm port
                Dock worker Mira Sand said the old cranes had been unsafe for a decade.
                "We will replace them all," Director Pavel Ostrander said.
                """, as: "cranes.txt", into: store, scratch)
            #expect(try store.claimCountsByRule() == ["speaker-cue-clause": 1, "quote-speaker-cue": 1])
            let kept = try store.allClaims().filter { $0.ruleID == "quote-speaker-cue" }
            // sentence-subject-cue-clause reads any sentence subject where no other rule did: off too.
            let rules = try rules(scratch, ["off.yaml": "disable: [speaker-cue-clause, sentence-subject-cue-clause]\n"])
            #expect(rules.rule("speaker-cue-clause") == nil)
            let report = try store.reextract(with: Analyzer(rules: rules), dryRun: false)
            #expect(report.removed == 1)
            #expect(report.added == 0)
            #expect(report.byRule["speaker-cue-clause"]?.removed.map(\.text) == ["the old cranes had been unsafe for a decade"])
            #expect(try store.claimCountsByRule() == ["quote-speaker-cue": 1])
            #expect(try store.allClaims() == kept)
            #expect(try store.search("unsafe") == [])
            #expect(try store.search("replace").map(\.id) == kept.map(\.id))
            try store.db.execute("INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)")
        }
    }
}
