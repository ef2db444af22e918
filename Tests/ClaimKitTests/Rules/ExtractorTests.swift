import Testing

@testable import ClaimKit

/// The extraction engine on sentences of our own: quote marks, attribution order, reported speech,
/// and what must not become a claim.
@Suite struct ExtractorTests {
    @Test func quoteBeforeItsAttribution() throws {
        let claims = try analyze("“The nets came back empty,” Greta Lind said.")
        #expect(
            claims == [
                Found(speaker: "Greta Lind", mention: "Greta Lind", cue: "said", parts: ["“The nets came back empty,”"], kind: .direct)
            ])
    }

    @Test func quoteWithInvertedAttribution() throws {
        let claims = try analyze("\"The nets came back empty,\" said Greta Lind.")
        #expect(
            claims == [
                Found(speaker: "Greta Lind", mention: "Greta Lind", cue: "said", parts: ["\"The nets came back empty,\""], kind: .direct)
            ])
    }

    @Test func speakerCueColonQuote() throws {
        let claims = try analyze("Greta Lind said: “Our boats stay in port.”")
        #expect(claims.map(\.parts) == [["“Our boats stay in port.”"]])
        #expect(claims.map(\.speaker) == ["Greta Lind"])
    }

    @Test func splitQuoteIsOneClaimWithTwoParts() throws {
        for (open, close) in [("'", "'"), ("“", "”"), ("\"", "\"")] {
            let text = "\(open)The ferries run,\(close) Greta Lind said. \(open)They always have.\(close)"
            let claims = try analyze(text)
            #expect(claims.count == 1, "\(text): \(claims)")
            #expect(claims.first?.parts == ["\(open)The ferries run,\(close)", "\(open)They always have.\(close)"])
            #expect(claims.first?.speaker == "Greta Lind")
            #expect(claims.first?.cue == "said")
        }
    }

    @Test func splitQuoteFollowedByAnotherParagraphKeepsItsSecondHalf() throws {
        // The second half must stay with "she said", not go to the attribution that opens the next paragraph.
        let claims = try analyze(
            """
            Mayor Ida Brandt opened the new pier on Saturday.
            'The ferries run,' she said. 'They always have.'
            The harbour spokesman said the pier had cost twice the estimate.
            """)
        let split = try #require(claims.first { $0.parts.first == "'The ferries run,'" }, "\(claims)")
        #expect(split.parts == ["'The ferries run,'", "'They always have.'"], "\(claims)")
        #expect(split.speaker == "Ida Brandt")
        #expect(
            claims.contains { $0.parts == ["the pier had cost twice the estimate"] && $0.mention == "The harbour spokesman" },
            "\(claims)")
    }

    @Test(arguments: [
        "“We don't sell our boats,” Greta Lind said.",
        "\"We don't sell our boats,\" Greta Lind said.",
        "'We don't sell our boats,' Greta Lind said.",
        "‘We don't sell our boats,’ Greta Lind said.",
        "'It's NATO's problem, and they don't see it,' Greta Lind said.",
        "‘It’s NATO’s problem, and they don’t see it,’ Greta Lind said.",
    ])
    func apostrophesInsideQuotesDoNotEndThem(text: String) throws {
        let claims = try analyze(text)
        let quote = String(text[..<text.range(of: " Greta")!.lowerBound])
        #expect(claims == [Found(speaker: "Greta Lind", mention: "Greta Lind", cue: "said", parts: [quote], kind: .direct)])
    }

    @Test func thatClause() throws {
        let claims = try analyze("Greta Lind said that the harbour fees were far too high.")
        #expect(
            claims == [
                Found(speaker: "Greta Lind", mention: "Greta Lind", cue: "said", parts: ["the harbour fees were far too high"], kind: .indirect)
            ])
    }

    @Test func accordingTo() throws {
        let claims = try analyze("According to the ministry, 40 trawlers were idle in March.")
        #expect(claims.map(\.cue) == ["According to"])
        #expect(claims.map(\.mention) == ["the ministry"])
        #expect(claims.map(\.parts) == [["40 trawlers were idle in March"]])
        #expect(claims.map(\.kind) == [.indirect])
    }

    @Test func reportedSpeechHoldingAQuoteIsMixed() throws {
        let claims = try analyze("Greta Lind said the new rules were 'a gift to the big trawlers' and nothing more.")
        #expect(claims.map(\.kind) == [.mixed])
        #expect(claims.map(\.parts) == [["the new rules were 'a gift to the big trawlers' and nothing more"]])
    }

    @Test func scareQuotesWithoutACueAreNoClaim() throws {
        #expect(try analyze("The so-called 'reform' was passed in a hurry.") == [])
        #expect(try analyze("Fishermen mocked the so-called “reform” in every café.") == [])
    }

    /// `text` analysed as one article, its first line the headline.
    func analyzeWithHeadline(_ text: String) throws -> Analyzer.Analysis {
        let rules = try Fixtures.rules()
        let article = PageSplitter(rules: rules).makeArticle(key: "k", text: text, path: "-", published: nil)
        return try Analyzer(rules: rules).analyze(article)
    }

    @Test func cueInTheHeadlineWithoutASpeakerIsNoClaim() throws {
        let analysis = try analyzeWithHeadline("The port reopens, and adds that ferries will run by March\nThe harbour was quiet on Sunday.\n")
        #expect(analysis.claims.isEmpty)
        #expect(analysis.extraction.dropped.map(\.1) == [.headline])
        #expect(analysis.extraction.dropped.map { analysis.text.string($0.0.cue) } == ["adds"])
    }

    @Test func headlineThatNamesItsSpeakerIsAClaim() throws {
        let analysis = try analyzeWithHeadline("Minister says port will reopen by March\nThe harbour was quiet on Sunday.\n")
        #expect(analysis.claims.map { analysis.text.string($0.candidate.cue) } == ["says"])
    }

    @Test func higherPriorityRuleWinsWhereCandidatesOverlap() throws {
        // "told reporters that evening" also reads as a that-clause; the quotation rule has the higher
        // priority and shares the cue, so the clause candidate is dropped.
        let rules = try Fixtures.rules()
        let text = UTF8Text("“The talks have failed,” Greta Lind told reporters that evening.")
        let extraction = try Extractor(rules: rules).extract(text)
        #expect(extraction.claims.map { text.string($0.content) } == ["“The talks have failed,”"])
        #expect(extraction.claims.map(\.ruleID) == ["quote-speaker-cue"])
        #expect(extraction.dropped.map(\.0.ruleID) == ["speaker-cue-clause"])
        #expect(extraction.dropped.map(\.1) == [.overlap(winner: "quote-speaker-cue")])
        let quote = try #require(rules.rule("quote-speaker-cue"))
        let clause = try #require(rules.rule("speaker-cue-clause"))
        #expect(quote.priority > clause.priority)
    }

    @Test func contentSpansAreBytesThatSliceCorrectlyAfterMultibyteText() throws {
        let rules = try Fixtures.rules()
        let text = UTF8Text("Zürich, 東京 🙂. “Nothing moves,” Greta Lind said.")
        let claim = try #require(try Extractor(rules: rules).extract(text).claims.first)
        #expect(text.string(claim.content) == "“Nothing moves,”")
        #expect(claim.content.lowerBound == 22)
        #expect(text.codePointOffset(ofByte: claim.content.lowerBound) == 14)
        #expect(text.string(try #require(claim.speaker)) == "Greta Lind")
    }

    @Test func patternThatRunsPastItsLimitNamesTheRule() throws {
        let rules = try Fixtures.rules()
        var extractor = Extractor(rules: rules)
        extractor.limits.match = 1
        let error = #expect(throws: RuleError.self) {
            try extractor.extract(UTF8Text("“Nothing moves,” Greta Lind said, and the union said the talks had failed."))
        }
        #expect(error?.code == .matchLimit)
        #expect(error?.ruleID != nil)
        #expect(error?.message.hasPrefix("rule '\(error?.ruleID ?? "")' stopped: ") == true)
    }
}
