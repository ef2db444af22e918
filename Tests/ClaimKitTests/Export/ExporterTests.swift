import Foundation
import Testing

@testable import ClaimKit

/// The export contract that eval/score.py reads: JSON Lines of articles, then claims.
@Suite struct ExporterTests {
    @Test func linesAreArticlesThenClaimsAndParseAsJSON() throws {
        try withStore { store, scratch in
            try scratch.write("in/ferry_2024-02-29.txt", "Ferry fares to rise\nSkipper Ola Vik said the fares would rise by a fifth.\n")
            try scratch.write("in/quay.txt", "“We ran out of steel,” said Sunniva Aas.\n")
            _ = try Ingestor(store: store, rules: Fixtures.rules()).ingest([scratch.path("in")])
            let lines = try Exporter(store: store).lines()
            let objects = try lines.map { line in
                try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
            }
            #expect(objects.map { $0["type"] as? String } == ["article", "article", "claim", "claim"])
            #expect(objects[0]["key"] as? String == "ferry_2024-02-29")
            #expect(objects[0]["title"] as? String == "Ferry fares to rise")
            #expect(objects[0]["published"] as? String == "2024-02-29")
            #expect(objects[0]["source"] is NSNull)
            #expect(objects[1]["title"] is NSNull)
            let claim = objects[3]
            #expect(claim["article"] as? Int == objects[1]["id"] as? Int)
            #expect((claim["speaker"] as? [String: Any])?["name"] as? String == "Sunniva Aas")
            let content = try #require(claim["content"] as? [String: Any])
            #expect(content["text"] as? String == "“We ran out of steel,”")
            #expect(content["start"] as? Int == 0)
            #expect(content["end"] as? Int == 22)
            #expect(claim["kind"] as? String == "direct")
            #expect(claim["rule"] as? String == "quote-cue-speaker")
            // Keys keep their order, so exports diff cleanly.
            #expect(lines[3].hasPrefix("{\"type\": \"claim\", \"id\": "))
        }
    }

    @Test func jsonTextEscapesWhatJSONNeedsAndKeepsTheRest() {
        let value = JSON.object([
            ("text", .string("a \"quote\", a back\\slash,\na tab\t, a bell \u{07}, é 東京 🙂")), ("n", .int(-3)),
            ("none", .null), ("ok", .bool(true)), ("list", .array([.int(1), .optional(nil), .optional("x")])),
        ])
        #expect(
            value.text
                == #"{"text": "a \"quote\", a back\\slash,\na tab\t, a bell \u0007, é 東京 🙂", "n": -3, "none": null, "ok": true, "list": [1, null, "x"]}"#
        )
    }
}
