import Testing

@testable import ClaimKit

/// Speaker mentions to actors: titles stripped into roles, surnames, pronouns, roles and place names.
@Suite struct SpeakerResolverTests {
    static let article = """
        Port strike talks resume
        Interior Minister Petra Novak said the border posts would stay open all winter.
        "Nobody will be stranded," Novak said.
        Mr. Tomas Berg, who runs the ferry line, called the plan reckless.
        "It is too early to talk about a deal," she said.
        The interior minister said the checks had cut waiting times by half.
        Moscow said the naval drills were routine.
        """

    func claim(_ claims: [Found], cue: String = "said", startingWith prefix: String) throws -> Found {
        try #require(claims.first { $0.cue == cue && ($0.parts.first?.hasPrefix(prefix) ?? false) }, "\(claims)")
    }

    @Test func titleAndNameResolveToTheNameWithTheTitleAsRole() throws {
        let claims = try analyze(Self.article)
        let first = try claim(claims, startingWith: "the border posts")
        #expect(first.mention == "Interior Minister Petra Novak")
        #expect(first.speaker == "Petra Novak")
        #expect(first.role == "Interior Minister")
    }

    @Test func laterSurnameResolvesToTheFullName() throws {
        let claims = try analyze(Self.article)
        let quote = try claim(claims, startingWith: "\"Nobody will be stranded")
        #expect(quote.mention == "Novak")
        #expect(quote.speaker == "Petra Novak")
    }

    @Test func pronounResolvesToTheLatestCompatiblePersonOutsideQuotes() throws {
        // Mr. Tomas Berg is named later than Novak, but "Mr." makes him male, so "she" skips him.
        let claims = try analyze(Self.article)
        let quote = try claim(claims, startingWith: "\"It is too early")
        #expect(quote.mention == "she")
        #expect(quote.speaker == "Petra Novak")
    }

    @Test func pronounSkipsPeopleWhoseGivenNameTellsTheOtherGender() throws {
        // Daniel Orsk is the subject of the sentence before, but "Daniel" is a man's name, so "she" is Margaret Ekwall.
        let claims = try analyze(
            """
            Quay repairs delayed again
            Daniel Orsk met Margaret Ekwall, who chairs the harbour board, on Tuesday.
            "The cranes will not be ready before spring," she said.
            """)
        let quote = try claim(claims, startingWith: "\"The cranes")
        #expect(quote.mention == "she")
        #expect(quote.speaker == "Margaret Ekwall")
    }

    @Test func pronounSkipsPeopleNamedInsideQuotations() throws {
        let claims = try analyze(
            """
            Ferry strike enters second week
            Spokeswoman Lara Quint said the union would meet on Friday.
            "We owe a great deal to Mrs. Alma Roos and to Judge Mira Holm," the union said in a statement.
            "It is too early to talk about a deal," she said.
            """)
        let quote = try claim(claims, startingWith: "\"It is too early")
        #expect(quote.speaker == "Lara Quint")
    }

    @Test func pronounLooksPastPeopleNamedInReportedSpeech() throws {
        // Wendel is named last, but inside what Ostrova said; "she" is Ostrova speaking again.
        let claims = try analyze(
            """
            Budget row deepens
            Finance Minister Ilse Ostrova says a plan by Jon Wendel would empty the reserve.
            She says the city cannot borrow again this year.
            """)
        let next = try claim(claims, cue: "says", startingWith: "the city cannot borrow")
        #expect(next.mention == "She")
        #expect(next.speaker == "Ilse Ostrova")
    }

    @Test func pronounInANewSentenceIsTheSubjectBefore() throws {
        // No claim in the first sentence: its subject, not the person named at its end, speaks next.
        let claims = try analyze(
            """
            Harbour talks stall
            Mayor Ilse Ostrova met Anna Wendel, the union leader, in the town hall on Monday.
            She said the harbour would stay open through the winter.
            """)
        let next = try claim(claims, startingWith: "the harbour would stay open")
        #expect(next.mention == "She")
        #expect(next.speaker == "Ilse Ostrova")
    }

    @Test func descriptionResolvesThroughTheRoleSeenEarlier() throws {
        let claims = try analyze(Self.article)
        let clause = try claim(claims, startingWith: "the checks had cut")
        #expect(clause.mention == "The interior minister")
        #expect(clause.speaker == "Petra Novak")
    }

    @Test func capitalCityResolvesToItsGovernment() throws {
        let claims = try analyze(Self.article)
        let clause = try claim(claims, startingWith: "the naval drills")
        #expect(clause.mention == "Moscow")
        #expect(clause.speaker == "Russia")
    }

    @Test func unmatchedDescriptionStaysAnAnonymousSpeaker() throws {
        let rules = try Fixtures.rules()
        let text = UTF8Text("The harbour spokesman said the cranes were idle.")
        let extraction = try Extractor(rules: rules).extract(text)
        let resolved = try SpeakerResolver(rules: rules).resolve(text, extraction.claims)
        #expect(resolved.count == 1)
        #expect(resolved.first?.speaker?.kind == "anonymous")
        #expect(resolved.first?.speaker?.name == "harbour spokesman")
    }

    @Test func speakerMentionDoesNotReachBackIntoTheHeadline() throws {
        // The headline ends in a capitalised word; the speaker starts on the next line.
        let claims = try analyze(
            """
            Harbour dispute in Ålesund
            Interior Minister Petra Novak said the border posts would stay open all winter.
            The interior minister said the checks had cut waiting times by half.
            """)
        let first = try claim(claims, startingWith: "the border posts")
        #expect(first.mention == "Interior Minister Petra Novak")
        #expect(first.speaker == "Petra Novak")
        #expect(first.role == "Interior Minister")
        // With the role right, the description on the next line resolves to her.
        #expect(try claim(claims, startingWith: "the checks had cut").speaker == "Petra Novak")
    }

    @Test func secondCueOfASentenceKeepsTheWordsNamingItsSpeaker() throws {
        // "and suggested" has no speaker of its own: the claim before it in the sentence lends both the
        // speaker and the words naming it ("He", resolved to Berg).
        let claims = try analyze(
            """
            Ferry fares to rise
            Mr. Tomas Berg runs the ferry line.
            He said the fares would rise in May and suggested that the winter timetable would be cut.
            """)
        let second = try claim(claims, cue: "suggested", startingWith: "the winter timetable")
        #expect(second.mention == "He")
        #expect(second.speaker == "Tomas Berg")
    }

    /// A claim whose speaker comes from the sentence rather than the rule: its text, cue and content start,
    /// and the words and the actor that must name its speaker.
    struct SubjectCase: Sendable, CustomStringConvertible {
        var text: String
        var cue: String
        var content: String
        var mention: String
        var speaker: String
        var description: String { mention + " " + cue }
    }

    static let subjectCases = [
        // No claim before it in the sentence: the first name in the sentence speaks, and names the speaker.
        SubjectCase(
            text: """
                Harbour plan stalls
                Mayor Ilse Ostrova visited the harbour on Monday and suggested that the dredging could start soon.
                """,
            cue: "suggested", content: "the dredging", mention: "Mayor Ilse Ostrova", speaker: "Ilse Ostrova"),
        // "with the ferry spokesman Tomas Berg" is no subject; "she" is, and she is Ostrova, the subject of the
        // sentence before (a spokesman is a man).
        SubjectCase(
            text: """
                Quay reopens
                Mayor Ilse Ostrova opened the new quay on Friday.
                At the ceremony with the ferry spokesman Tomas Berg, she visited the crews and suggested that the dredging could start soon.
                """,
            cue: "suggested", content: "the dredging", mention: "she", speaker: "Ilse Ostrova"),
        // The rule takes the sentence's first word; "Reached by telephone," opens the sentence and names nobody.
        SubjectCase(
            text: """
                Ferry fares
                Reached by telephone, Tomas Berg rejected the offer, explaining that the fares were fair.
                """,
            cue: "explaining", content: "the fares were fair", mention: "Tomas Berg", speaker: "Tomas Berg"),
    ]

    @Test(arguments: subjectCases) func speakerFromTheSentenceIsItsSubject(_ example: SubjectCase) throws {
        let found = try claim(try analyze(example.text), cue: example.cue, startingWith: example.content)
        #expect(found.mention == example.mention)
        #expect(found.speaker == example.speaker)
    }

    @Test func nameAfterAPrepositionIsNoSubjectOfACoordinatedCue() throws {
        // The report speaks, and it is no name: the name in the sentence is what it lists, so the claim
        // has nobody to give it to, rather than the person talked with.
        let claims = try analyze(
            """
            Crane inspection
            Beyond the harbour logs, the inspection report listed talks with Ilse Ostrova and said that the crane had been unsafe for years.
            """)
        #expect(!claims.contains { $0.speaker == "Ilse Ostrova" }, "\(claims)")
    }

    @Test func placeAfterOfOrFromBelongsToThePersonBeforeIt() throws {
        // "Vellmar" is where they live, not who speaks; the words naming the speaker run from the name.
        let claims = try analyze(
            """
            Ferry fares
            Tomas Berg, 75, a retiree in Vellmar, said the fares were fair.
            Senator Lars Quint of Vellmar, the ferry owner, said the boats were full.
            """)
        let retiree = try claim(claims, startingWith: "the fares were fair")
        #expect(retiree.speaker == "Tomas Berg")
        // The rule reads ", 75, a retiree in Vellmar," as an aside: the words naming the speaker are the name.
        #expect(retiree.mention == "Tomas Berg")
        let senator = try claim(claims, startingWith: "the boats were full")
        #expect(senator.speaker == "Lars Quint")
        // "of Vellmar, the ferry owner," is read as an aside, so the words naming him end at the name.
        #expect(senator.mention == "Senator Lars Quint")
    }

    @Test func fullNameAfterOfIsNoPlace() throws {
        // A person's full name after "of" speaks in its own right; a bare word there is a place.
        let resolver = try SpeakerResolver(rules: try Fixtures.rules())
        let text = UTF8Text("Ilse Ostrova, a critic of Tomas Berg, said it. Ilse Ostrova, a critic from Vellmar, said it.")
        let ostrova = ActorRef(name: "Ilse Ostrova", kind: "person")
        let berg = ActorRef(name: "Tomas Berg", kind: "person")
        let mentions = [
            SpeakerResolver.Mention(span: 0..<12, actor: ostrova), SpeakerResolver.Mention(span: 26..<36, actor: berg),
            SpeakerResolver.Mention(span: 47..<59, actor: ostrova),
        ]
        let person = resolver.personBeforeAttachment(text, 26..<36, speaker: berg, mentions: mentions, people: [:]) { _ in false }
        #expect(person == nil)
        let place = resolver.personBeforeAttachment(
            text, 75..<82, speaker: ActorRef(name: "Vellmar", kind: "person"), mentions: mentions, people: [:]) { _ in false }
        #expect(place?.actor == ostrova)
        #expect(place.map { text.string($0.span) } == "Ilse Ostrova, a critic from Vellmar")
    }

    @Test func firstPersonInsideAQuotationSpeaksForNobodyNamed() throws {
        // A cue inside a quotation with "We" as its speaker is the quoted speaker's own words, no claim of
        // its own; "we" outside quotation marks still resolves.
        let resolver = try SpeakerResolver(rules: try Fixtures.rules())
        let source = "Mayor Ilse Ostrova spoke. \"We feel good about the crews,\" she said. We feel the port is ready."
        let text = UTF8Text(source)
        func span(_ words: String, from: Int = 0) -> ByteSpan {
            let bytes = Array(source.utf8)
            let w = Array(words.utf8)
            let start = (from...(bytes.count - w.count)).first { Array(bytes[$0..<$0 + w.count]) == w }!
            return start..<start + w.count
        }
        func candidate(speaker: ByteSpan, cue: ByteSpan, content: ByteSpan) -> Candidate {
            Candidate(
                ruleID: "test", ruleHash: "", priority: 1, kind: .indirect, stance: "neutral", speaker: speaker, cue: cue,
                parts: [content], targets: [])
        }
        let inside = candidate(speaker: span("We"), cue: span("feel"), content: span("good about the crews"))
        let outsideWe = span("We", from: 60)
        let outside = candidate(speaker: outsideWe, cue: span("feel", from: 60), content: span("the port is ready"))
        let resolved = resolver.resolve(text, [inside, outside])
        #expect(resolved[0].speaker == nil)
        #expect(resolved[1].speaker != nil)
    }

    @Test func shareOfRespondentsSpeaksThroughThePollNamedWithIt() throws {
        // The residents answered; the poll named in the same sentence is what reports it.
        let claims = try analyze(
            """
            Port poll
            In a Vellmar Herald poll released Monday, 51 percent of residents said the port should reopen.
            Most residents said the ferries were too slow.
            According to a Harbour Times survey, 40 percent of skippers said the fees were fair.
            """)
        let polled = try claim(claims, startingWith: "the port should reopen")
        #expect(polled.mention == "a Vellmar Herald poll released Monday")
        #expect(polled.speaker == "vellmar herald poll released monday")
        // No poll in the sentence: the share speaks for itself.
        #expect(try claim(claims, startingWith: "the ferries were too slow").mention == "Most residents")
        // "According to" a poll: the poll's claim is the whole clause, share and all, not the inner "said".
        let survey = try claim(claims, cue: "According to", startingWith: "40 percent of skippers said the fees were fair")
        #expect(survey.mention == "a Harbour Times survey")
        #expect(!claims.contains { $0.cue == "said" && $0.parts.first == "the fees were fair" })
    }

    @Test func descriptionsLoseTheWordsThatJoinedThemToTheSentence() {
        #expect(SpeakerResolver.normalise("that a harbour survey") == "harbour survey")
        #expect(SpeakerResolver.normalise("and many other polls") == "polls")
        #expect(SpeakerResolver.normalise("The harbour board") == "harbour board")
        #expect(SpeakerResolver.normalise("Both") == "both")
    }

    @Test func sharesAreCountedNotNamed() {
        #expect(SpeakerResolver.isShare("51 percent of respondents"))
        #expect(SpeakerResolver.isShare("nearly three in four"))
        #expect(SpeakerResolver.isShare("about half"))
        #expect(!SpeakerResolver.isShare("the mayor"))
        #expect(!SpeakerResolver.isShare("Ilse Ostrova"))
    }

    @Test func quotationCreditedToAReportIsTheReportsClaim() throws {
        // "according to" right after the attribution names who reports the quoted words.
        let claims = try analyze(
            """
            Port row
            “The port will reopen in May,” Tomas Berg said at the quay, according to a transcript of the meeting.
            Tomas Berg said the ferries would run again, according to the harbour office.
            """)
        // The quote-said-according-to rule takes the quotation with its reporting source.
        let quoted = try #require(claims.first { $0.parts.first?.hasPrefix("“The port will reopen") ?? false }, "\(claims)")
        #expect(quoted.mention == "a transcript of the meeting")
        #expect(quoted.speaker == "transcript of the meeting")
        // After a reported clause the words before "according to" are the clause's, and Berg keeps it.
        #expect(try claim(claims, startingWith: "the ferries would run again").speaker == "Tomas Berg")
    }

    @Test func relativePronounAfterACommonNounIsThatNoun() throws {
        // "who" stands for the ferry captains, not for Ostrova, the name seen last.
        let claims = try analyze(
            """
            Port row
            Mayor Ilse Ostrova met some ferry captains who said the quay was too short.
            Tomas Berg, who runs the ferry line, said the fares were fair.
            """)
        let captains = try claim(claims, startingWith: "the quay was too short")
        #expect(captains.mention == "some ferry captains who")
        #expect(captains.speaker == "ferry captains")
        // After a name, the name is the antecedent.
        #expect(try claim(claims, startingWith: "the fares were fair").speaker == "Tomas Berg")
    }

    @Test func speakerRunAcrossAFullStopIsTheWordsAfterIt() throws {
        // The rule lets "voters on the quay. Berg" name the speaker; only Berg, after the full stop, speaks.
        let claims = try analyze(
            """
            Harbour vote nears
            Mayor Tomas Berg later greeted voters on the quay. Berg said the fares were fair.
            The mayor spent an hour with the dock workers of the town. But he said the strike would end soon.
            """)
        #expect(try claim(claims, startingWith: "the fares were fair").speaker == "Tomas Berg")
        #expect(try claim(claims, startingWith: "the strike would end soon").speaker == "Tomas Berg")
    }

    @Test func surnameOfANameWithASuffixIsTheNameBeforeTheSuffix() throws {
        let claims = try analyze(
            """
            Harbour vote nears
            Harbour Director Alan Reed Jr. said the new quay would open in May.
            Later Mr. Reed said the quay would cost less than planned.
            """)
        #expect(try claim(claims, startingWith: "the new quay").speaker == "Alan Reed Jr.")
        #expect(try claim(claims, startingWith: "the quay would cost less").speaker == "Alan Reed Jr.")
    }

    @Test func pronounPassesOverAnObjectInItsOwnSentence() throws {
        // Wendel is named nearest, but after "to": she is addressed, Ostrova writes.
        let claims = try analyze(
            """
            Harbour vote nears
            Councillor Ilse Ostrova chaired the meeting on Monday.
            In a letter to Anna Wendel, she said the fares would fall.
            """)
        #expect(try claim(claims, startingWith: "the fares would fall").speaker == "Ilse Ostrova")
    }

    @Test func pronounPassesOverAPlace() throws {
        // "Port Vale" reads like a name, but after "In" it is where the mayor spoke.
        let claims = try analyze(
            """
            Harbour vote nears
            Mayor Tomas Berg opened the old quay on Monday.
            In Port Vale, he said the ferries would run again by June.
            """)
        #expect(try claim(claims, startingWith: "the ferries would run again").speaker == "Tomas Berg")
    }

    @Test func nameAfterByIsTheAgentAPronounTakesUp() throws {
        // "by Tomas Berg" names who made the comments; "he" in the relative clause is Berg, not Ostrova.
        let claims = try analyze(
            """
            Harbour vote nears
            Mayor Ilse Ostrova answered comments made by Tomas Berg at the council, where he said the quay was unsafe.
            """)
        #expect(try claim(claims, startingWith: "the quay was unsafe").speaker == "Tomas Berg")
    }
}
