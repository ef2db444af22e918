import Foundation
import Testing

@testable import ClaimKit

/// The responses found on the seed page, scored by the shared scorer against the gold.
@Suite struct SeedResponsesTests {
    @Test func responseF1OnTheSeedIsAtLeast80Percent() throws {
        try withStore { store, scratch in
            let report = try Ingestor(store: store, rules: Fixtures.rules())
                .ingest([Fixtures.shared.appendingPathComponent("corpus/seed").path])
            #expect(report.problems == [])
            #expect(report.inserted.count == 4)
            let scores = try scoreAgainstSeedGold(store, scratch)
            let f1 = try #require(scores["response_f1"] as? Double, "\(scores)")
            #expect(f1 >= 0.8, "\(scores)")
            let predicted = try #require(scores["predicted_responses"] as? Int, "\(scores)")
            #expect(predicted == (try store.responses().count))
        }
    }
}
