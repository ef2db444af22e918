import Foundation
import Testing

@testable import ClaimKit

/// The claims database: what ingest stores, how it is queried, and that a failed article leaves no trace.
@Suite struct ClaimStoreTests {
    /// An article of our own with multibyte text before and inside the claims.
    static let article = """
        Hafenstreit in Ålesund geht weiter
        Interior Minister Petra Novak said the border posts at Grenzå would stay open all winter.
        “Nobody in Ålesund will be stranded 🙂,” Novak said.
        Moscow said the naval drills near Tromsø were routine.
        'The ferries run,' she said. 'They always have.'
        """

    /// A store holding `article` ingested from a file named `harbour.txt`.
    func withIngested<T>(_ body: (ClaimStore, Scratch) throws -> T) throws -> T {
        try withStore { store, scratch in
            let path = try scratch.write("harbour.txt", Self.article)
            let report = try Ingestor(store: store, rules: Fixtures.rules()).ingest([path])
            #expect(report.problems == [])
            #expect(report.inserted.map(\.key) == ["harbour"])
            return try body(store, scratch)
        }
    }

    @Test func ingestStoresEveryClaimWithItsResolvedSpeaker() throws {
        try withIngested { store, _ in
            let claims = try store.allClaims()
            #expect(claims.map(\.speakerName) == ["Petra Novak", "Petra Novak", "Russia", "Petra Novak"])
            #expect(claims.map(\.speakerMention?.text) == ["Interior Minister Petra Novak", "Novak", "Moscow", "she"])
            #expect(claims.map(\.kind) == ["indirect", "direct", "indirect", "direct"])
            #expect(claims.allSatisfy { $0.articleKey == "harbour" && $0.articleTitle == "Hafenstreit in Ålesund geht weiter" })
            #expect(claims.last?.parts?.count == 2)
        }
    }

    @Test func exportedSpansAreCodePointOffsetsIntoTheBody() throws {
        try withIngested { store, _ in
            let body = try #require(try store.db.scalar("SELECT body FROM articles WHERE key = 'harbour'")?.string)
            #expect(body == Self.article)
            let scalars = Array(body.unicodeScalars)
            func slice(_ span: [String: Any]?) -> String {
                guard let start = span?["start"] as? Int, let end = span?["end"] as? Int, 0 <= start, start <= end,
                    end <= scalars.count
                else { return "<bad span \(String(describing: span))>" }
                return String(String.UnicodeScalarView(scalars[start..<end]))
            }
            let claims = try Exporter(store: store).lines().compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
            }.filter { $0["type"] as? String == "claim" }
            #expect(claims.count == 4)
            for claim in claims {
                let content = claim["content"] as? [String: Any]
                // The contract: the text at [start, end) in code points is the content text (score.py
                // re-anchors claims of multi-article pages by finding exactly that text).
                #expect(slice(content) == content?["text"] as? String, "claim \(claim["id"] ?? "?")")
                let cue = claim["cue"] as? [String: Any]
                #expect(slice(cue) == cue?["text"] as? String)
                let mention = (claim["speaker"] as? [String: Any])?["mention"] as? [String: Any]
                #expect(slice(mention) == mention?["text"] as? String)
                // A split quote's parts are spans too, inside the content span.
                for part in (content?["parts"] as? [[Int]]) ?? [] {
                    let text = slice(["start": part[0], "end": part[1]])
                    #expect(text.hasPrefix("'") && text.hasSuffix("'"), "\(text)")
                    #expect((content?["start"] as? Int ?? -1) <= part[0] && part[1] <= (content?["end"] as? Int ?? -1))
                }
            }
            // The emoji and the Å before it count one code point each.
            let quote = try #require(claims.first { ($0["content"] as? [String: Any])?["text"] as? String == "“Nobody in Ålesund will be stranded 🙂,”" })
            #expect((quote["content"] as? [String: Any])?["start"] as? Int == 125)
            #expect((quote["content"] as? [String: Any])?["end"] as? Int == 164)
        }
    }

    @Test func claimsByActorMatchAnyAliasInAnyCase() throws {
        try withIngested { store, _ in
            let novak = try store.claims(byActor: "Petra Novak").map(\.id)
            #expect(novak.count == 3)
            for name in ["petra novak", "NOVAK", "novak", "Petra NOVAK"] {
                #expect(try store.claims(byActor: name).map(\.id) == novak, "\(name)")
            }
            let russia = try store.claims(byActor: "Russia").map(\.id)
            #expect(russia.count == 1)
            for name in ["moscow", "the kremlin", "KREMLIN", "russia"] {
                #expect(try store.claims(byActor: name).map(\.id) == russia, "\(name)")
            }
        }
    }

    @Test func unknownActorIsNotFound() throws {
        try withIngested { store, _ in
            let error = #expect(throws: ClaimsError.self) { try store.claims(byActor: "Ingrid Nobody") }
            #expect(error?.code == .notFound)
            #expect(error?.message == "no actor is called 'Ingrid Nobody'; `claims actors` lists them all")
        }
    }

    @Test func claimsSinceADateSkipOlderArticles() throws {
        try withStore { store, scratch in
            try scratch.write("in/old_2023-01-10.txt", "Greta Lind said the quay was sinking.\n")
            try scratch.write("in/new_2024-06-01.txt", "Greta Lind said the quay had been repaired.\n")
            let report = try Ingestor(store: store, rules: Fixtures.rules()).ingest([scratch.path("in")])
            #expect(report.inserted.count == 2)
            #expect(try store.claims(byActor: "Lind").map(\.content.text) == ["the quay was sinking", "the quay had been repaired"])
            #expect(try store.claims(byActor: "Lind", since: "2024-01-01").map(\.published) == ["2024-06-01"])
        }
    }

    @Test func searchFindsClaimsByTheirWords() throws {
        try withIngested { store, _ in
            let ferries = try store.search("ferries")
            #expect(ferries.map(\.speakerName) == ["Petra Novak"])
            #expect(try store.search("\"naval drills\"").map(\.speakerName) == ["Russia"])
            #expect(try store.search("Ålesund").map(\.kind) == ["direct"])
            #expect(try store.search("submarine") == [])
        }
    }

    @Test func searchRanksFrequentAndShortMatchesFirst() throws {
        try withStore { store, scratch in
            try scratch.write("in/a_2024-01-01.txt", """
                Harbour board weighs dredging

                Ola Berg said the harbour board would meet again next spring to discuss the budget, the staffing plan and the dredging.

                Ida Sund said the dredging of the harbour was late and more dredging was needed at once.

                Kai Moe said the dredging would start in May.

                """)
            _ = try Ingestor(store: store, rules: Fixtures.rules()).ingest([scratch.path("in")])
            // Two mentions beat one; of two single mentions the shorter claim comes first.
            #expect(try store.search("dredging").map(\.speakerName) == ["Ida Sund", "Kai Moe", "Ola Berg"])
            #expect(try store.search("dredging", limit: 1).map(\.speakerName) == ["Ida Sund"])
        }
    }

    @Test func malformedSearchIsAQueryError() throws {
        try withIngested { store, _ in
            for query in ["\"unclosed", "AND AND", "ferries NOT"] {
                let error = #expect(throws: ClaimsError.self) { try store.search(query) }
                #expect(error?.code == .query, "\(query)")
                #expect(error?.message.hasPrefix("search query '\(query)' is not valid FTS5 syntax") == true)
            }
        }
    }

    @Test func claimByIDAndUnknownID() throws {
        try withIngested { store, _ in
            let first = try #require(try store.allClaims().first)
            #expect(try store.claim(id: first.id) == first)
            let error = #expect(throws: ClaimsError.self) { try store.claim(id: 987_654) }
            #expect(error?.code == .notFound)
        }
    }

    @Test func actorsListsAliasesRolesAndCounts() throws {
        try withIngested { store, _ in
            let actors = try store.actors()
            let novak = try #require(actors.first { $0.name == "Petra Novak" })
            #expect(novak.kind == "person")
            #expect(novak.claims == 3)
            #expect(novak.aliases.contains("Novak"))
            #expect(novak.roles == ["Interior Minister"])
            let russia = try #require(actors.first { $0.name == "Russia" })
            #expect(russia.kind == "government")
            #expect(Set(russia.aliases).isSuperset(of: ["Moscow", "Kremlin"]))
        }
    }

    /// A store holding `articles`, ingested one by one in the order of their file names.
    func withArticles(_ articles: [String: String], _ body: (ClaimStore) throws -> Void) throws {
        try withStore { store, scratch in
            for (name, text) in articles.sorted(by: { $0.key < $1.key }) {
                _ = try ingestText(text, as: name, into: store, scratch)
            }
            try body(store)
        }
    }

    /// Two people share a surname in two articles; a third article names only the surname and a pronoun.
    static let sharedSurname = [
        "1-dam.txt": """
            Dam holds at Corran
            Senator Ruth Calloway said the dam at Corran would hold through the spring.
            She said repairs would start in May.
            """,
        "2-court.txt": """
            Court backs Corran tolls
            Judge Peter Calloway said the toll on the Corran bridge was lawful.
            He said the appeal had no merit.
            """,
        "3-tunnel.txt": """
            Corran tunnel reopens
            Calloway said the tunnel under the Corran river was safe again.
            She added that the dam work was on schedule.
            """,
    ]

    @Test func aBareSurnameGoesToTheHolderOfTheGenderItsPronounsTell() throws {
        try withArticles(Self.sharedSurname) { store in
            // Peter Calloway was stored last, but the tunnel article's Calloway is a "she".
            let ruth = try store.claims(byActor: "Ruth Calloway").map(\.content.text)
            #expect(ruth.contains("the tunnel under the Corran river was safe again"))
            #expect(ruth.contains("the dam work was on schedule"))
            let peter = try store.claims(byActor: "Peter Calloway").map(\.content.text)
            #expect(peter == ["the toll on the Corran bridge was lawful", "the appeal had no merit"])
        }
    }

    /// Two people share a surname across articles: one quoted often as senator, one once as judge.
    static let namesakes = [
        "1-dam.txt": """
            Dam holds at Corran
            Senator Nina Calloway said the dam at Corran would hold through the spring.
            Calloway said repairs would start in May.
            Calloway added that the budget for the work was enough.
            """,
        "2-court.txt": """
            Court backs Corran tolls
            Judge Ruth Calloway said the toll on the Corran bridge was lawful.
            """,
        "3-appeal.txt": """
            Corran appeal fails
            Judge Calloway said the appeal against the tolls had no merit.
            """,
        "4-tunnel.txt": """
            Corran tunnel reopens
            Calloway said the tunnel under the Corran river was safe again.
            """,
    ]

    @Test func aBareSurnameGoesToTheNamesakeWithTheRoleThenTheOneQuotedMost() throws {
        try withArticles(Self.namesakes) { store in
            // Ruth Calloway was stored last, and "Calloway" alone used to go to whoever was: the tunnel
            // article's Calloway is the senator quoted three times, the appeal's is the judge.
            let nina = try store.claims(byActor: "Nina Calloway").map(\.content.text)
            #expect(nina.contains("the tunnel under the Corran river was safe again"))
            #expect(!nina.contains("the appeal against the tolls had no merit"))
            let ruth = try store.claims(byActor: "Ruth Calloway").map(\.content.text)
            #expect(ruth == ["the toll on the Corran bridge was lawful", "the appeal against the tolls had no merit"])
        }
    }

    @Test func failingArticleLeavesTheDatabaseUnchanged() throws {
        try withIngested { store, _ in
            let before = try store.counts()
            let rules = try Fixtures.rules()
            // A publication date the schema refuses: the new source row written first must be rolled back too.
            let bad = Article(
                key: "broken", title: nil, source: "Nordic Wire", published: "soon",
                body: "Greta Lind said the quay was sinking.", path: "-", headline: nil)
            let analysis = try Analyzer(rules: rules).analyze(bad)
            #expect(analysis.claims.count == 1)
            #expect(throws: StoreError.self) { try store.store(bad, text: analysis.text, claims: analysis.claims) }
            #expect(try store.counts() == before)
            #expect(try store.db.scalar("SELECT count(*) FROM sources WHERE name = 'Nordic Wire'") == .integer(0))
        }
    }

    @Test func failedReplacementKeepsTheOldArticle() throws {
        try withIngested { store, _ in
            let before = try store.counts()
            let claimsBefore = try store.allClaims()
            let rules = try Fixtures.rules()
            // Same key, new content: the old article is deleted first, then the insert fails; all of it rolls back.
            let replacement = Article(
                key: "harbour", title: nil, source: nil, published: "tomorrow",
                body: "Greta Lind said the quay was sinking.", path: "-", headline: nil)
            let analysis = try Analyzer(rules: rules).analyze(replacement)
            #expect(throws: StoreError.self) {
                try store.store(replacement, text: analysis.text, claims: analysis.claims)
            }
            #expect(try store.counts() == before)
            #expect(try store.allClaims() == claimsBefore)
        }
    }
}
