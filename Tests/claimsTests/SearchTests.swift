import Foundation
import Testing

/// `claims search`: FTS5 queries, and a malformed one reported without a crash.
@Suite struct SearchTests {
    @Test func findsClaimsByWords() throws {
        try withWorkspace { ws in
            _ = try ws.claims(["ingest"], [try ws.write("quay.txt", CLI.quayArticle)])
            let result = try ws.claims(["search"], ["steel", "--json"])
            #expect(result.status == 0, "\(result)")
            let claims = try CLI.jsonLines(result.stdout)
            #expect(claims.map { ($0["content"] as? [String: Any])?["text"] as? String } == ["“We ran out of steel,”"])
        }
    }

    @Test func malformedQueryIsAnErrorNotACrash() throws {
        try withWorkspace { ws in
            _ = try ws.claims(["ingest"], [try ws.write("quay.txt", CLI.quayArticle)])
            let result = try ws.claims(["search"], ["\"unclosed"])
            #expect(result.reason == .exit, "\(result)")
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout == "")
            #expect(result.stderr.hasPrefix("error: search query '\"unclosed' is not valid FTS5 syntax"), "\(result)")
            #expect(result.stderr.contains("FTS5"))
        }
    }
}
