import Foundation
import Testing

@testable import ClaimKit

/// Which claims of one article answer someone, and which claim they answer, on short articles of our own.
@Suite struct ResponseDetectorTests {
    @Test func rejectingConcernsRaisedByMarksTheClaimInItsSentence() throws {
        let (claims, responses) = try analyzeResponses(
            """
            Harbour fees to rise in Dunmere
            Governor Bo Hamm said the new harbour fees would drive the fishing fleet away.
            Mayor Ilse Varga said the fees were fair, rejecting concerns raised by Governor Bo Hamm.
            """)
        #expect(claims.map(\.speaker) == ["Bo Hamm", "Ilse Varga"])
        #expect(
            responses == [
                FoundResponse(
                    from: "the fees were fair", to: "the new harbour fees would drive the fishing fleet away", relation: "rebuts",
                    answered: "Bo Hamm", rule: "rejecting-concerns-raised-by")
            ])
    }

    @Test func respondedToCommentsCarriesOverToTheRespondersQuotesUntilAThirdPartySpeaks() throws {
        let (claims, responses) = try analyzeResponses(
            """
            Wind farm row on the coast
            Governor Tove Lind said the wind farm would bring two hundred jobs to the coast.
            Mayor Anselm Rudd responded to comments made by Governor Tove Lind.
            "Those jobs will go to contractors from the capital," Rudd said.
            "Nobody here was asked," he said.
            Harbour master Lena Quist said the turbines would not affect shipping.
            "We will fight this in court," Rudd said.
            """)
        #expect(claims.map(\.speaker) == ["Tove Lind", "Anselm Rudd", "Anselm Rudd", "Lena Quist", "Anselm Rudd"])
        let lind = "the wind farm would bring two hundred jobs to the coast"
        #expect(
            responses == [
                FoundResponse(
                    from: "\"Those jobs will go to contractors from the capital,\"", to: lind, relation: "responds",
                    answered: "Tove Lind", rule: "responded-to"),
                FoundResponse(
                    from: "\"Nobody here was asked,\"", to: lind, relation: "responds", answered: "Tove Lind", rule: "responded-to"),
            ])
        // Quist spoke in between: Rudd's last quote is no longer part of the exchange.
        #expect(!responses.contains { $0.from == "\"We will fight this in court,\"" })
    }

    @Test func aNegatedQuotationRebutsTheEarlierOne() throws {
        let (claims, responses) = try analyzeResponses(
            """
            Marrow Pass closed to lorries
            "This is a blockade," Senator Greta Holm said on Monday.
            "This is not a blockade," Director Pavel Ostrander said.
            """)
        #expect(claims.map(\.speaker) == ["Greta Holm", "Pavel Ostrander"])
        #expect(
            responses == [
                FoundResponse(
                    from: "\"This is not a blockade,\"", to: "\"This is a blockade,\"", relation: "rebuts", answered: "Greta Holm",
                    rule: "contradiction")
            ])
    }

    @Test func rejectingTheFerryPlanRebutsWhoeverOwnsThePlan() throws {
        let (claims, responses) = try analyzeResponses(
            """
            Island ferry dispute
            Governor Tove Lind said the new boats would link the three islands by spring.
            Lind's ferry plan has divided the islanders.
            Mayor Anselm Rudd rejected the ferry plan out of hand.
            "The harbour cannot take the extra boats," Rudd said.
            """)
        #expect(claims.map(\.speaker) == ["Tove Lind", "Anselm Rudd"])
        #expect(
            responses == [
                FoundResponse(
                    from: "\"The harbour cannot take the extra boats,\"", to: "the new boats would link the three islands by spring",
                    relation: "rebuts", answered: "Tove Lind", rule: "denied-object")
            ])
    }

    /// The owner of the plan is named in full only in the possessive; the later "Lind said" should be the
    /// same person, so the rebuttal can find her claim.
    @Test
    func rejectingAPlanWhoseOwnerIsNamedOnlyInThePossessive() throws {
        let (claims, responses) = try analyzeResponses(
            """
            Island ferry dispute
            Governor Tove Lind's ferry plan has divided the islanders.
            Lind said the new boats would link the three islands by spring.
            Mayor Anselm Rudd rejected the ferry plan out of hand.
            "The harbour cannot take the extra boats," Rudd said.
            """)
        #expect(claims.map(\.speaker) == ["Tove Lind", "Anselm Rudd"])
        #expect(responses.map(\.to) == ["the new boats would link the three islands by spring"])
        #expect(responses.map(\.answered) == ["Tove Lind"])
    }

    @Test func plainClaimsAreNoResponses() throws {
        let (claims, responses) = try analyzeResponses(
            """
            Library reopens in Dunmere
            Mayor Anselm Rudd said the library would reopen on Friday.
            "We have waited long enough," Rudd said.
            Librarian Oda Fenn said the roof had been repaired.
            """)
        #expect(claims.count == 3)
        #expect(responses == [])
    }

    @Test func aResponseToSomeoneNotInTheArticleNamesThemWithoutAClaim() throws {
        let (claims, responses) = try analyzeResponses(
            """
            Varga hits back
            Mayor Ilse Varga dismissed claims by Governor Bo Hamm that the toll bridge would leave Dunmere in debt.
            """)
        #expect(claims.map(\.speaker) == ["Ilse Varga"])
        #expect(responses.count == 1)
        #expect(responses.first?.to == nil)
        #expect(responses.first?.relation == "rebuts")
        #expect(responses.first?.answered == "Bo Hamm")
    }

    /// A purpose inside the speaker's own words ("to counter claims by X") answers X; a rule without
    /// `inside_content` still ignores its words there, where they are someone else's act.
    @Test func aStatedPurposeToCounterSomeonesClaimsRebutsThem() throws {
        let (claims, responses) = try analyzeResponses(
            """
            Night ferries for Dunmere
            Governor Bo Hamm said the night ferries were unsafe.
            The ferries will run with two crews to counter what he called 'scare stories' by Governor Bo Hamm, Mayor Ilse Varga said.
            Harbour master Lena Quist said the union had rejected Governor Bo Hamm's proposal on Monday.
            """)
        #expect(claims.map(\.speaker) == ["Bo Hamm", "Ilse Varga", "Lena Quist"])
        #expect(
            responses == [
                FoundResponse(
                    from: "The ferries will run with two crews to counter what he called 'scare stories' by Governor Bo Hamm",
                    to: "the night ferries were unsafe", relation: "rebuts", answered: "Bo Hamm", rule: "countering-claims-by")
            ])
    }

    @Test func wordsAreTheSameWithOrWithoutNonASCIIText() {
        let ascii = "Don't SAY it: 42 times, they WON'T."
        #expect(ResponseDetector.words(ascii) == ["do", "n't", "say", "it", "42", "times", "they", "wo", "n't"])
        // One non-ASCII character takes the Unicode path; the words around it come out the same.
        #expect(ResponseDetector.words(ascii + " Zoë") == ["do", "n't", "say", "it", "42", "times", "they", "wo", "n't", "zoë"])
        #expect(ResponseDetector.words("They didn’t") == ["they", "did", "n't"])
        #expect(ResponseDetector.firstClause(", , This is not — an ultimatum, he said") == ["this", "is", "not"])
        #expect(ResponseDetector.firstClause("Żadnych zmian; nic") == ["żadnych", "zmian"])
        #expect(ResponseDetector.firstClause("…") == [])
    }
}
