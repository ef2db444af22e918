import Foundation
import Testing

/// `claims list --actor`: tables, JSON lines and argument checks.
@Suite struct ListTests {
    @Test func jsonOutputIsOneClaimObjectPerLine() throws {
        try withWorkspace { ws in
            _ = try ws.claims(["ingest"], [try ws.write("quay.txt", CLI.quayArticle)])
            let result = try ws.claims(["list"], ["--actor", "AAS", "--json"])
            #expect(result.status == 0, "\(result)")
            let claims = try CLI.jsonLines(result.stdout)
            #expect(claims.count == 2)
            #expect(claims.allSatisfy { $0["type"] as? String == "claim" })
            #expect(claims.map { ($0["speaker"] as? [String: Any])?["name"] as? String } == ["Sunniva Aas", "Sunniva Aas"])
            #expect(claims.map { ($0["cue"] as? [String: Any])?["text"] as? String } == ["said", "said"])
        }
    }

    @Test func sinceMustBeADate() throws {
        try withWorkspace { ws in
            let result = try ws.claims(["list"], ["--actor", "Aas", "--since", "notadate"])
            #expect(result.status == 64, "\(result)")
            #expect(result.stdout == "")
            #expect(result.stderr.contains("--since takes a date as YYYY-MM-DD, e.g. 2025-06-01"), "\(result)")
            #expect(result.stderr.contains("Usage: claims list"), "\(result)")
        }
    }

    @Test func unknownActorSaysHowToFindOne() throws {
        try withWorkspace { ws in
            _ = try ws.claims(["ingest"], [try ws.write("quay.txt", CLI.quayArticle)])
            let result = try ws.claims(["list"], ["--actor", "Nobody Atall"])
            #expect(result.status == 1)
            #expect(result.stderr == "error: no actor is called 'Nobody Atall'; `claims actors` lists them all\n")
        }
    }
}
