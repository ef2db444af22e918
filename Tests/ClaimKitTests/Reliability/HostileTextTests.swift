import Foundation
import Testing

@testable import ClaimKit

/// Text that trips up offset arithmetic: a byte order mark, CRLF and lone CR line ends, zero-width
/// characters, right-to-left scripts, combining marks and emoji. Every exported span must be exactly the
/// article's code points between its offsets.
@Suite struct HostileTextTests {
    static let articles: [(name: String, bytes: [UInt8])] = [
        ("bom", [0xEF, 0xBB, 0xBF] + Array(
            "Ferry fares climb again\n\nHarbour chief Selma Okonkwo said the fares would rise in May.\n“We had no choice,” Okonkwo said.\n".utf8)),
        ("crlf", Array(
            "Night trains return\r\n\r\nRail director Tobias Lindgren said the night trains would run again in June.\r\n“It took three winters,” Lindgren said.\r\n".utf8)),
        ("lone-cr", Array("Old mill sold\r\rBuilder Hana Kowal said the mill would become flats.\r“Nobody wanted it,” Kowal said.\r".utf8)),
        ("zero-width", Array(
            "Pier open\n\nMayor Ria\u{200B} Tamm said the pier\u{200D} repairs were\u{200C} finished.\n“The pier is open\u{200B} again,” Tamm said.\n\u{2060}Tamm said the\u{FEFF} benches stay.\n".utf8)),
        ("rtl", Array(
            "Market signs\n\nShopkeeper Yosef Adler said the new signs would read שלום and مرحبا in both scripts.\n“שלום, مرحبا, hello,” Adler said.\n\u{202B}Adler said the arrows point left.\u{202C}\n".utf8)),
        ("combining", Array(
            "Cafe\u{301} licence\n\nOwner Rene\u{301} Fabre said the cafe\u{301} would stay open until ten.\n“The terrasse\u{301} stays,” said Rene\u{301} Fabre.\nZoe\u{308} Nilsen said the n\u{303}andu\u{301} mural is finished.\n".utf8)),
        ("emoji", Array(
            "Tram notes\n\nKoch said the tram 👍🏽 was faster than the bus 👨‍👩‍👧.\n“Family 👨‍👩‍👧 tickets 🎟️ please,” Koch said.\n“🚋🚋🚋,” said Nora Lie.\n".utf8)),
    ]

    /// The code points of `body` from `start` to `end`, as the export contract counts them.
    func slice(_ scalars: [Unicode.Scalar], _ span: [String: Any]) throws -> (String, String) {
        let start = try #require(span["start"] as? Int)
        let end = try #require(span["end"] as? Int)
        let text = try #require(span["text"] as? String)
        try #require(0 <= start && start <= end && end <= scalars.count, "span \(start)-\(end) outside the article")
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[start..<end])
        return (String(out), text)
    }

    @Test func exportedOffsetsSliceTheArticleExactly() throws {
        try withStore { store, scratch in
            for (name, bytes) in Self.articles { try scratch.write("in/\(name).txt", Data(bytes)) }
            let report = try Ingestor(store: store, rules: Fixtures.rules()).ingest([scratch.path("in")])
            #expect(report.problems == [])
            #expect(report.inserted.count == Self.articles.count)

            let bodies = Dictionary(uniqueKeysWithValues: try store.db.rows("SELECT id, key, body FROM articles") {
                ($0.int(0), (key: $0.string(1), scalars: Array($0.string(2).unicodeScalars)))
            })
            #expect(bodies.values.allSatisfy { $0.scalars.first != "\u{FEFF}" }, "the byte order mark is dropped")

            let claims = try Exporter(store: store).lines().compactMap { line -> [String: Any]? in
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return object?["type"] as? String == "claim" ? object : nil
            }
            var perArticle: [String: Int] = [:]
            var checked = 0
            var contents: [String] = []
            for claim in claims {
                let articleID = try #require(claim["article"] as? Int)
                let article = try #require(bodies[articleID])
                perArticle[article.key, default: 0] += 1
                var spans: [(String, [String: Any])] = [
                    ("content", try #require(claim["content"] as? [String: Any])), ("cue", try #require(claim["cue"] as? [String: Any])),
                ]
                if let mention = (claim["speaker"] as? [String: Any])?["mention"] as? [String: Any] { spans.append(("speaker", mention)) }
                for (role, span) in spans {
                    let (got, exported) = try slice(article.scalars, span)
                    #expect(got == exported, "\(article.key) \(role): body gives \(got.debugDescription), export says \(exported.debugDescription)")
                    checked += 1
                }
                let content = try #require(claim["content"] as? [String: Any])
                contents.append(content["text"] as? String ?? "")
                // The pieces of a split quotation are in the article too, inside the content span.
                for part in (content["parts"] as? [[Int]]) ?? [] {
                    #expect(part.count == 2 && part[0] <= part[1] && part[1] <= article.scalars.count, "\(article.key) \(part)")
                }
            }
            for (name, _) in Self.articles { #expect(perArticle[name, default: 0] >= 1, "no claim found in \(name)") }
            #expect(checked >= 3 * Self.articles.count)
            // The awkward characters are inside claims, not only around them.
            for needle in ["שלום", "مرحبا", "👨‍👩‍👧", "🎟️", "cafe\u{301}", "repairs were\u{200C} finished", "would become flats"] {
                #expect(contents.contains { $0.contains(needle) }, "no claim content holds \(needle.debugDescription)")
            }
        }
    }

    @Test func nulBytesAndInvalidUTF8AreRejectedWithFileAndOffset() throws {
        try withStore { store, scratch in
            let nul = try scratch.write("in/nul.txt", Data(Array("Mayor Ada Lund said".utf8) + [0x00] + Array(" the tolls rise.\n".utf8)))
            let latin1 = try scratch.write("in/latin1.txt", Data(Array("Line one\nCaf".utf8) + [0xE9] + Array(" owner said so.\n".utf8)))
            let overlong = try scratch.write("in/overlong.txt", Data(Array("Slash ".utf8) + [0xC0, 0xAF] + Array("\n".utf8)))
            let surrogate = try scratch.write("in/surrogate.txt", Data(Array("Half ".utf8) + [0xED, 0xA0, 0x80] + Array("\n".utf8)))
            let truncated = try scratch.write("in/truncated.txt", Data(Array("Cut off €".utf8).dropLast()))
            try scratch.write("in/fine.txt", "Dock notice\n\nDock master Sara Holm said the cranes were fixed.\n")
            let report = try Ingestor(store: store, rules: Fixtures.rules()).ingest([scratch.path("in")])
            #expect(report.inserted.map(\.key) == ["fine"])
            #expect(Set(report.problems) == [
                "\(nul): looks like a binary file (NUL byte at offset 19); claims ingests UTF-8 text",
                "\(latin1): invalid UTF-8 at byte offset 12 (line 2); convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)",
                "\(overlong): invalid UTF-8 at byte offset 6 (line 1); convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)",
                "\(surrogate): invalid UTF-8 at byte offset 5 (line 1); convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)",
                "\(truncated): invalid UTF-8 at byte offset 8 (line 1); convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)",
            ], "\(report.problems)")
            #expect(try store.articles().map(\.key) == ["fine"])
        }
    }
}
