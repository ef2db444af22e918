import Foundation
import Testing

@testable import ClaimKit

/// Fixing actors by hand: aliases and merges, and that the fixes survive re-extraction.
@Suite struct ActorFixTests {
    static let budget = """
        Dunmere budget passes
        Mayor Ilse Varga said the budget would fund two new schools.
        """
    static let court = """
        Court rules on Dunmere schools
        Judge Peter Varga said the school contracts had been awarded lawfully.
        """
    /// The mayor again, her first name misspelt.
    static let schools = """
        Schools open in Dunmere
        Mayor Ilsa Varga said the first school would open in August.
        """

    func withVargas<T>(_ articles: [String: String], _ body: (ClaimStore) throws -> T) throws -> T {
        try withStore { store, scratch in
            for (name, text) in articles.sorted(by: { $0.key < $1.key }) { try ingestText(text, as: name, into: store, scratch) }
            return try body(store)
        }
    }

    @Test func anAliasFindsTheActorsClaims() throws {
        try withVargas(["budget.txt": Self.budget]) { store in
            #expect(throws: ClaimsError.self) { try store.claims(byActor: "the mayor of Dunmere") }
            let actor = try store.addAlias("the mayor of Dunmere", to: "Ilse Varga")
            #expect(actor.name == "Ilse Varga")
            #expect(actor.aliases.contains("the mayor of Dunmere"))
            let claims = try store.claims(byActor: "the mayor of Dunmere")
            #expect(claims.map(\.content.text) == ["the budget would fund two new schools"])
            #expect(claims.map(\.speakerName) == ["Ilse Varga"])
            // The alias is the user's: re-extraction keeps it.
            _ = try store.reextract(with: Analyzer(rules: Fixtures.rules()), dryRun: false)
            #expect(try store.claims(byActor: "the mayor of Dunmere").map(\.content.text) == ["the budget would fund two new schools"])
        }
    }

    @Test func mergeMovesClaimsAndTheMergedNameResolvesToTheKeptActorAfterReextraction() throws {
        try withVargas(["budget.txt": Self.budget, "schools.txt": Self.schools]) { store in
            #expect(Set(try store.actors().map(\.name)) == ["Ilse Varga", "Ilsa Varga"])
            let kept = try store.merge("Ilsa Varga", into: "Ilse Varga")
            #expect(kept.name == "Ilse Varga")
            #expect(kept.claims == 2)
            #expect(kept.aliases.contains("Ilsa Varga"))
            #expect(try store.actors().map(\.name) == ["Ilse Varga"])
            #expect(try store.resolveActor("Ilsa Varga").id == kept.id)
            let contents = ["the budget would fund two new schools", "the first school would open in August"]
            #expect(try store.claims(byActor: "Ilse Varga").map(\.content.text) == contents)

            let report = try store.reextract(with: Analyzer(rules: Fixtures.rules()), dryRun: false)
            #expect((report.added, report.removed, report.changed) == (0, 0, 0))
            // The misspelt name is read again from the text, and still means the kept actor.
            #expect(try store.actors().map(\.name) == ["Ilse Varga"])
            let claims = try store.claims(byActor: "Ilsa Varga")
            #expect(claims.map(\.content.text) == contents)
            #expect(claims.allSatisfy { $0.speakerID == kept.id && $0.speakerName == "Ilse Varga" })
            #expect(claims.map(\.speakerMention?.text) == ["Mayor Ilse Varga", "Mayor Ilsa Varga"])
        }
    }

    @Test func mergingAnActorIntoItselfThrows() throws {
        try withVargas(["budget.txt": Self.budget]) { store in
            let before = try store.counts()
            let error = #expect(throws: ClaimsError.self) { try store.merge("Ilse Varga", into: "Ilse Varga") }
            #expect(error?.code == .usage)
            #expect(error?.message == "'Ilse Varga' and 'Ilse Varga' are the same actor")
            let id = try store.resolveActor("Ilse Varga").id
            #expect(throws: ClaimsError.self) { try store.merge("#\(id)", into: "Ilse Varga") }
            #expect(try store.counts() == before)
        }
    }

    @Test func anAmbiguousNameListsTheActorsItNames() throws {
        try withVargas(["budget.txt": Self.budget, "court.txt": Self.court]) { store in
            let ilse = try store.resolveActor("Ilse Varga")
            let peter = try store.resolveActor("Peter Varga")
            let error = #expect(throws: ClaimsError.self) { try store.actor(named: "Varga") }
            #expect(error?.code == .usage)
            let message = error?.message ?? ""
            #expect(message.contains("'Varga' names 2 actors"), "\(message)")
            #expect(message.contains("#\(ilse.id) Ilse Varga"), "\(message)")
            #expect(message.contains("#\(peter.id) Peter Varga"), "\(message)")
            #expect(throws: ClaimsError.self) { try store.merge("Varga", into: "Ilse Varga") }
            // An id picks one.
            #expect(try store.resolveActor("#\(peter.id)").name == "Peter Varga")
        }
    }

    /// Merging a misspelt Ilsa Varga into Ilse Varga says nothing about Judge Peter Varga, who shares the
    /// surname: his claims should still be found under "Varga".
    @Test
    func mergeLeavesOtherActorsWithTheSameSurnameAlone() throws {
        try withVargas(["budget.txt": Self.budget, "court.txt": Self.court, "schools.txt": Self.schools]) { store in
            #expect(try store.claims(byActor: "Varga").count == 3)
            _ = try store.merge("Ilsa Varga", into: "Ilse Varga")
            #expect(try store.claims(byActor: "Varga").count == 3)
            #expect(try store.actors().first { $0.name == "Peter Varga" }?.aliases.contains("Varga") == true)
        }
    }
}
