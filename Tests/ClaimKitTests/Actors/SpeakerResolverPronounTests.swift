import Testing

@testable import ClaimKit

/// "He" and "she": never a place, and an indefinite description is somebody new.
@Suite struct SpeakerResolverPronounTests {
    func claim(_ claims: [Found], startingWith prefix: String) throws -> Found {
        try #require(claims.first { $0.parts.first?.hasPrefix(prefix) ?? false }, "\(claims)")
    }

    @Test func heIsNeverANamePlacedAfterIn() throws {
        // "New Carthage" is the only name in the sentence before "He", but it stands after "in".
        let claims = try analyze(
            """
            Mayor seeks second term
            Mayor Osric Delavane opened his campaign on Tuesday.
            The rally was held in New Carthage.
            He said the river port would be rebuilt by spring.
            """)
        let found = try claim(claims, startingWith: "the river port")
        #expect(found.mention == "He")
        #expect(found.speaker == "Osric Delavane")
    }

    @Test func possessiveAfterInStaysAPerson() throws {
        let claims = try analyze(
            """
            Council vote delayed
            Councillor Ines Marwood asked for a recount on Monday.
            In Marwood's view, she said, the count had been rushed.
            """)
        let found = try claim(claims, startingWith: "In Marwood's view")
        #expect(found.speaker == "Ines Marwood")
    }

    @Test func indefiniteDescriptionIsNotTheRoleHolderNamedBefore() throws {
        let claims = try analyze(
            """
            Harbour plan splits the board
            Board spokesman Edvin Tarrant said the vote would go ahead.
            A spokesman said the plan ignored night shifts.
            The spokesman said the board would publish the figures.
            """)
        let other = try claim(claims, startingWith: "the plan ignored")
        #expect(other.speaker != "Edvin Tarrant")
        let same = try claim(claims, startingWith: "the board would publish")
        #expect(same.speaker == "Edvin Tarrant")
    }
}
