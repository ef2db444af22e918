import Testing

@testable import ClaimKit

/// How a response that names whom it answers, but not which claim, picks that actor's claim.
@Suite struct ResponseLinkerTests {
    @Test func termsAreTheLongestUncommonWordsAsStems() {
        let terms = ResponseLinker.terms("rejected the warnings about the harbour tariffs that were raised")
        #expect(Set(terms) == ["rejec", "warni", "harbo", "tarif"], "\"about\", \"were\" and \"raised\" are common")
    }

    @Test func theRarestSharedWordsWinAndTheEarliestBreaksATie() {
        let candidates: [(Int, Set<String>)] = [
            (1, ResponseLinker.stems("The harbour budget will grow")),
            (2, ResponseLinker.stems("Harbour tariffs will rise next year")),
            (3, ResponseLinker.stems("The harbour budget is final")),
            (4, ResponseLinker.stems("Tariffs on harbour fees will rise")),
        ]
        // "tariffs" is held by two candidates, "harbour" by all four: the tariff claims rank first, the
        // earlier of the two wins.
        #expect(ResponseLinker.best(ResponseLinker.terms("the warning about tariffs in the harbour"), candidates) == 2)
        #expect(ResponseLinker.best(ResponseLinker.terms("the budget"), candidates) == 1)
        #expect(ResponseLinker.best(ResponseLinker.terms("fishing quotas"), candidates) == nil)
        #expect(ResponseLinker.best([], candidates) == nil)
    }
}
