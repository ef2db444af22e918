import Foundation
import Testing

@testable import ClaimKit

/// End to end on the seed page the product was designed from, scored by the shared scorer.
@Suite struct SeedTests {
    static let seed = Fixtures.shared.appendingPathComponent("corpus/seed")

    /// Ingests the seed folder into a fresh store.
    func withSeed<T>(_ body: (ClaimStore, Scratch) throws -> T) throws -> T {
        try withStore { store, scratch in
            let report = try Ingestor(store: store, rules: Fixtures.rules()).ingest([Self.seed.path])
            #expect(report.problems == [])
            #expect(report.inserted.count == 4)
            return try body(store, scratch)
        }
    }

    @Test func scorerAcceptsTheExport() throws {
        try withSeed { store, scratch in
            let scores = try scoreAgainstSeedGold(store, scratch)
            let precision = try #require(scores["attributed_precision"] as? Double, "\(scores)")
            let recall = try #require(scores["attributed_recall_all"] as? Double, "\(scores)")
            #expect(precision >= 0.85, "\(scores)")
            #expect(recall >= 0.85, "\(scores)")
        }
    }

    @Test func zelenskyClaimsComeFromTwoArticlesUnderOneName() throws {
        try withSeed { store, _ in
            let claims = try store.claims(byActor: "Zelensky")
            #expect(Set(claims.map(\.articleID)).count == 2, "\(claims.map(\.articleKey))")
            #expect(!claims.isEmpty)
            for claim in claims {
                #expect(claim.speakerName == "Vladimir Zelensky", "claim \(claim.id) in \(claim.articleKey)")
            }
        }
    }
}
