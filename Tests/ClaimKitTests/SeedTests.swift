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
            let export = try scratch.write("export.jsonl", try Exporter(store: store).lines().joined(separator: "\n") + "\n")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [
                "python3", Fixtures.shared.appendingPathComponent("eval/score.py").path,
                "--gold", Fixtures.shared.appendingPathComponent("eval/seed-gold.jsonl").path, "--pred", export, "--json",
            ]
            let out = try scratch.write("score.out", "")
            let err = try scratch.write("score.err", "")
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
            try process.run()
            process.waitUntilExit()
            let stderr = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
            try #require(process.terminationStatus == 0, "score.py failed: \(stderr)")
            let data = try Data(contentsOf: URL(fileURLWithPath: out))
            let scores = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
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
