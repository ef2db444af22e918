import Foundation
import Testing

@testable import ClaimKit

/// Ingest runs: what is stored, skipped or replaced, and how bad inputs are reported.
@Suite struct IngestorTests {
    static let text = """
        Quay repairs delayed again
        Harbour director Sunniva Aas said the repairs would take another year.
        “We ran out of steel,” Aas said.
        """

    @Test func smallBatchesOverlapAndGiveWhatOneBatchGives() throws {
        // Seven files, one of them bad: in batches of two (and of a few bytes) the writer stores one batch
        // while the next is analysed; the result must not depend on the batching.
        func run(batchSize: Int, batchBytes: Int) throws -> (report: IngestReport, counts: [String: Int], claims: [String]) {
            try withStore { store, scratch in
                var paths: [String] = []
                for i in 0..<7 {
                    if i == 3 {
                        paths.append(try scratch.write("d\(i).txt", Data([0x66, 0xFF, 0x66])))
                    } else {
                        paths.append(try scratch.write("d\(i).txt", "Pier \(i) to close\nHarbour director Sunniva Aas said pier \(i) would close in May.\n“Pier \(i) is done,” Aas said."))
                    }
                }
                var ingestor = try Ingestor(store: store, rules: Fixtures.rules())
                ingestor.batchSize = batchSize
                ingestor.batchBytes = batchBytes
                let report = ingestor.ingest(paths)
                return (report, try store.counts(), try store.allClaims().map { "\($0.articleKey): \($0.content.text)" })
            }
        }
        let one = try run(batchSize: 1024, batchBytes: 16 << 20)
        for (size, bytes) in [(2, 1 << 20), (1024, 100), (1, 1)] {
            let batched = try run(batchSize: size, batchBytes: bytes)
            #expect(batched.report.inserted.map(\.key) == ["d0", "d1", "d2", "d4", "d5", "d6"])
            #expect(batched.report.inserted.map(\.key) == one.report.inserted.map(\.key))
            #expect(batched.report.problems.count == 1)
            #expect(batched.report.problems.first?.contains("d3.txt") == true)
            #expect(batched.counts == one.counts)
            #expect(batched.claims == one.claims)
        }
        #expect(one.counts["claims"] == 12)
    }

    @Test func anArticleTheStoreRefusesLeavesNoTraceAndTheBatchGoesOn() throws {
        try withStore { store, scratch in
            // The database refuses one article; the batch is then written again article by article.
            try store.db.execute(
                "CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN NEW.key = 'b' BEGIN SELECT RAISE(ABORT, 'refused'); END")
            var paths: [String] = []
            for key in ["a", "b", "c"] {
                paths.append(try scratch.write("\(key).txt", "Pier \(key) to close\nHarbour director Sunniva Aas said pier \(key) would close in May.\n“Pier \(key) is done,” Aas said."))
            }
            let report = try Ingestor(store: store, rules: Fixtures.rules()).ingest(paths)
            #expect(report.inserted.map(\.key) == ["a", "c"])
            #expect(report.problems.count == 1)
            #expect(report.problems.first?.contains("b.txt") == true)
            #expect(report.problems.first?.contains("refused") == true)
            #expect(try store.count("articles") == 2)
            #expect(try store.count("claims") == 4)
            #expect(try store.allClaims().allSatisfy { $0.articleKey != "b" })
            #expect(try store.db.scalar("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'pier'")?.int == 4)
        }
    }

    @Test func reingestingTheSameFileIsSkippedAndChangesNothing() throws {
        try withStore { store, scratch in
            let path = try scratch.write("quay.txt", Self.text)
            let ingestor = try Ingestor(store: store, rules: Fixtures.rules())
            let first = ingestor.ingest([path])
            #expect(first.inserted.map(\.key) == ["quay"])
            #expect(first.inserted.map(\.claims) == [2])
            let before = try store.counts()
            #expect(before["articles"] == 1)
            #expect(before["claims"] == 2)
            let second = ingestor.ingest([path])
            #expect(second.inserted.isEmpty)
            #expect(second.replaced.isEmpty)
            #expect(second.skipped.map(\.key) == ["quay"])
            #expect(second.skipped.map(\.existing) == ["quay"])
            #expect(second.ok)
            #expect(try store.counts() == before)
        }
    }

    @Test func aCountingReportTellsEachArticleAsItIsWritten() throws {
        try withStore { store, scratch in
            try scratch.write("in/a.txt", Self.text)
            try scratch.write("in/b.txt", Self.text)
            try scratch.write("in/c.txt", Self.text.replacingOccurrences(of: "another year", with: "two more years"))
            var ingestor = try Ingestor(store: store, rules: Fixtures.rules())
            ingestor.listsArticles = false
            var told: [String] = []
            ingestor.onArticle = { outcome in
                switch outcome {
                case .inserted(let key, let claims): told.append("inserted \(key) \(claims)")
                case .replaced(let key, let claims): told.append("replaced \(key) \(claims)")
                case .skipped(let key, let existing): told.append("skipped \(key) as \(existing)")
                }
            }
            let report = ingestor.ingest([scratch.path("in")])
            #expect(told == ["inserted a 2", "skipped b as a", "inserted c 2"])
            #expect(report.inserted.isEmpty && report.skipped.isEmpty, "nothing listed")
            #expect(report.stored == 2)
            #expect(report.skippedCount == 1)
            #expect(report.claims == 4)
            #expect(try store.count("claims") == 4)
        }
    }

    @Test func sameContentUnderAnotherNameIsSkipped() throws {
        try withStore { store, scratch in
            let ingestor = try Ingestor(store: store, rules: Fixtures.rules())
            _ = ingestor.ingest([try scratch.write("quay.txt", Self.text)])
            let copy = ingestor.ingest([try scratch.write("copy/quay-again.txt", Self.text)])
            #expect(copy.skipped.map(\.key) == ["quay-again"])
            #expect(copy.skipped.map(\.existing) == ["quay"])
            #expect(try store.count("articles") == 1)
        }
    }

    @Test func changedFileReplacesTheArticleAndItsClaims() throws {
        try withStore { store, scratch in
            let ingestor = try Ingestor(store: store, rules: Fixtures.rules())
            let path = try scratch.write("quay.txt", Self.text)
            _ = ingestor.ingest([path])
            try scratch.write("quay.txt", Self.text + "Aas said the steel would arrive in May.\n")
            let report = ingestor.ingest([path])
            #expect(report.replaced.map(\.key) == ["quay"])
            #expect(report.replaced.map(\.claims) == [3])
            #expect(try store.count("articles") == 1)
            #expect(try store.allClaims().map(\.content.text).last == "the steel would arrive in May")
            #expect(try store.count("claims") == 3)
        }
    }

    @Test func badInputIsReportedAndTheRestIsStored() throws {
        try withStore { store, scratch in
            try scratch.write("in/good.txt", Self.text)
            let bad = try scratch.write("in/bad.txt", Data(Array("Aas said the quay was ".utf8) + [0xFF, 0x0A]))
            let report = try Ingestor(store: store, rules: Fixtures.rules()).ingest([scratch.path("in")])
            #expect(report.inserted.map(\.key) == ["good"])
            #expect(!report.ok)
            #expect(
                report.problems
                    == ["\(bad): invalid UTF-8 at byte offset 22 (line 1); convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)"])
            #expect(try store.count("articles") == 1)
        }
    }

    @Test func inputThatFailsLeavesTheDatabaseUnchanged() throws {
        try withStore { store, scratch in
            let ingestor = try Ingestor(store: store, rules: Fixtures.rules())
            _ = ingestor.ingest([try scratch.write("quay.txt", Self.text)])
            let before = try store.counts()
            let empty = try scratch.write("empty.txt", "")
            let binary = try scratch.write("binary.txt", Data([0x41, 0x00, 0x42]))
            let missing = scratch.path("missing.txt")
            let report = ingestor.ingest([empty, binary, missing])
            #expect(report.inserted.isEmpty)
            #expect(report.problems.count == 3)
            // In the order the inputs were given.
            for (problem, path) in zip(report.problems, [empty, binary, missing]) {
                #expect(problem.hasPrefix("\(path): "), "\(problem)")
            }
            #expect(try store.counts() == before)
        }
    }

    @Test func aggregatorPageStoresEachArticleWithItsSource() throws {
        try withStore { store, scratch in
            let page = """
                Lighthouse keepers and their contracts
                Lighthouse keeper Oskar Lund said the contracts had run out in May.
                Comments
                Related Articles
                Coastal Herald
                5 minutes ago
                - Coastal Herald
                Fishing quotas cut again
                Fisheries minister Maja Holt said the cod quota would fall by a tenth.
                """
            let report = try Ingestor(store: store, rules: Fixtures.rules()).ingest([try scratch.write("coast.txt", page)])
            #expect(report.inserted.map(\.key) == ["coast#1", "coast#2"])
            let articles = try store.articles()
            #expect(articles.map(\.key) == ["coast#1", "coast#2"])
            #expect(articles.map(\.source) == [nil, "Coastal Herald"])
            #expect(articles.map(\.title) == ["Lighthouse keepers and their contracts", "Fishing quotas cut again"])
            #expect(try store.allClaims().map(\.speakerName) == ["Oskar Lund", "Maja Holt"])
        }
    }
}
