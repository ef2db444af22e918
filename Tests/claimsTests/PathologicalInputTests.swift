import Foundation
import Testing

/// Inputs that could hang or crash an ingest: runaway user rules, a 5 MB line, a sea of quote marks and
/// quotations nested hundreds deep. Each run must end, in bounded time, with exit 0 or a clean report.
@Suite struct PathologicalInputTests {
    @Test func aRunawayUserRuleFailsItsArticleAndTheRestIsStored() throws {
        try withWorkspace { ws in
            try ws.write(
                "badrules/bad.yaml",
                """
                rules:
                  - id: runaway-letters
                    description: The textbook nested repeat, anchored at the end of the text.
                    kind: direct
                    priority: 10
                    pattern: (?<cue>(a+)+)(?<content>$)
                """)
            let bad = try ws.write("in/sirens.txt", "Sirens\n\n" + String(repeating: "a", count: 40) + "b\n")
            try ws.write("in/quay.txt", CLI.quayArticle)
            let started = Date()
            let result = try ws.claims(["ingest"], ["--rules", ws.path("badrules"), ws.path("in")])
            #expect(Date().timeIntervalSince(started) < 60)
            #expect(result.status == 1, "\(result)")
            #expect(result.reason == .exit)
            #expect(result.stdoutLines == ["ingested quay: 2 claims", "1 articles stored, 0 skipped, 2 claims, 1 errors"], "\(result)")
            #expect(
                result.stderr.hasPrefix(
                    "error: \(bad): article sirens: rule 'runaway-letters' stopped: match limit exceeded; the pattern backtracks too much"),
                "\(result)")
        }
    }

    @Test(arguments: ["long-line", "quote-marks", "nested-quotes"])
    func pathologicalArticleEndsCleanly(_ kind: String) throws {
        try withWorkspace { ws in
            let text: String
            switch kind {
            case "long-line":
                // One line of 5 MB: words, commas and the odd cue, but no full stop and no line break.
                let words = ["the", "ferry", "board", "said", "nothing", "about", "tolls,", "and", "Mayor", "Ivar", "Holt", "waited"]
                var line = ""
                line.reserveCapacity(5_000_100)
                var i = 0
                while line.utf8.count < 5_000_000 {
                    line += words[(i * 7 + i / 13) % words.count]
                    line += " "
                    i += 1
                }
                text = line
            case "quote-marks":
                text = "Quotes\n\n" + String(repeating: "\"", count: 50_000) + String(repeating: "“”", count: 25_000) + "\n"
            default:
                // Quotations inside quotations, 400 deep, each opened by an attribution.
                let open = String(repeating: "Rita Lind said “Per Aas said ‘", count: 400)
                let close = String(repeating: "’ said Per Aas.” ", count: 400)
                text = "Nested\n\n" + open + "the ferry is late" + close + "\n"
            }
            let file = try ws.write("\(kind).txt", text)
            let started = Date()
            let result = try ws.claims(["ingest"], [file])
            let seconds = Date().timeIntervalSince(started)
            #expect(seconds < 60, "\(kind) took \(seconds) s")
            #expect(result.reason == .exit, "\(kind) crashed: \(result)")
            let summary = try #require(result.stdoutLines.last, "\(result)")
            #expect(summary.wholeMatch(of: /\d+ articles stored, 0 skipped, \d+ claims, [01] errors/) != nil, "\(result)")
            if result.status == 0 {
                #expect(result.stdoutLines.first?.hasPrefix("ingested \(kind): ") == true, "\(result)")
                #expect(result.stderr == "")
            } else {
                // A clean report: exit 1, the file and article named, nothing else stored or said.
                #expect(result.status == 1, "\(result)")
                #expect(summary == "0 articles stored, 0 skipped, 0 claims, 1 errors")
                let lines = result.stderr.split(separator: "\n")
                #expect(lines.count == 1, "\(result.stderr)")
                #expect(result.stderr.hasPrefix("error: \(file): article \(kind): rule '"), "\(result.stderr)")
            }
            // The database is intact either way.
            let check = try ws.claims(["export"])
            #expect(check.status == 0, "\(check)")
        }
    }
}
