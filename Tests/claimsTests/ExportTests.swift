import Foundation
import Testing

/// `claims export --format jsonl`: the scorer's contract.
@Suite struct ExportTests {
    @Test func linesAreArticlesAndClaims() throws {
        try withWorkspace { ws in
            _ = try ws.claims(["ingest"], [try ws.write("quay.txt", CLI.quayArticle)])
            let result = try ws.claims(["export"], ["--format", "jsonl"])
            #expect(result.status == 0, "\(result)")
            let objects = try CLI.jsonLines(result.stdout)
            #expect(objects.map { $0["type"] as? String } == ["article", "claim", "claim"])
            #expect(objects.first?["key"] as? String == "quay")
            let articleID = try #require(objects.first?["id"] as? Int)
            #expect(objects.dropFirst().allSatisfy { $0["article"] as? Int == articleID })
        }
    }

    @Test func unknownFormatIsAUsageError() throws {
        try withWorkspace { ws in
            let result = try ws.claims(["export"], ["--format", "csv"])
            #expect(result.status == 64, "\(result)")
            #expect(result.stderr.contains("Usage: claims export"))
        }
    }
}
