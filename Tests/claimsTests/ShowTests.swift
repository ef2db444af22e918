import Foundation
import Testing

/// `claims show ID`: one claim in full; an unknown id is an error.
@Suite struct ShowTests {
    @Test func showsSpeakerCueAndContent() throws {
        try withWorkspace { ws in
            _ = try ws.claims(["ingest"], [try ws.write("quay.txt", CLI.quayArticle)])
            let list = try CLI.jsonLines(try ws.claims(["list"], ["--actor", "Aas", "--json"]).stdout)
            let id = try #require(list.last?["id"] as? Int)
            let result = try ws.claims(["show"], [String(id)])
            #expect(result.status == 0, "\(result)")
            #expect(
                result.stdoutLines == [
                    "claim \(id) in quay: Quay repairs delayed again",
                    "speaker:   Sunniva Aas (\"Aas\" at 121-124)",
                    "cue:       said [neutral]",
                    "content:   “We ran out of steel,”",
                    "kind:      direct",
                    "rule:      quote-speaker-cue (unchanged since extraction)",
                ], "\(result)")
        }
    }

    @Test func unknownIDExitsOne() throws {
        try withWorkspace { ws in
            _ = try ws.claims(["ingest"], [try ws.write("quay.txt", CLI.quayArticle)])
            let result = try ws.claims(["show"], ["999999"])
            #expect(result.status == 1)
            #expect(result.stdout == "")
            #expect(result.stderr == "error: no claim has id 999999; `claims list --actor NAME` shows claim ids\n")
        }
    }
}
