import Testing

@testable import ClaimKit

/// The subject a participle cue ("..., saying ...") shares with the clause before it.
@Suite struct SpeakerResolverParticipleTests {
    let ostrova = ActorRef(name: "Ilse Ostrova", kind: "person")
    let berg = ActorRef(name: "Tomas Berg", kind: "person")

    /// The subject found for the cue `cue` in `source`, with the names `names` as the article's mentions.
    func subject(_ source: String, cue: String, names: [(String, ActorRef)]) throws -> String? {
        let resolver = try SpeakerResolver(rules: try Fixtures.rules())
        let text = UTF8Text(source)
        func span(_ words: String) -> ByteSpan {
            let bytes = Array(source.utf8)
            let w = Array(words.utf8)
            let start = (0...(bytes.count - w.count)).first { Array(bytes[$0..<$0 + w.count]) == w }!
            return start..<start + w.count
        }
        let mentions = names.map { SpeakerResolver.Mention(span: span($0.0), actor: $0.1) }.sorted { $0.span.lowerBound < $1.span.lowerBound }
        let found = resolver.participleSubject(text, cue: span(cue), sentences: Sentences(text), mentions: mentions) { _ in false }
        return found.map { text.string($0.span) }
    }

    @Test func clauseBeforeTheParticipleGivesItsSubject() throws {
        // Neither name in the opening "When" clause speaks; "she", who opens the clause before "saying", does.
        let found = try subject(
            "When Ilse Ostrova met Tomas Berg, she spoke only briefly, saying the port was ready.", cue: "saying",
            names: [("Ilse Ostrova", ostrova), ("Tomas Berg", berg)])
        #expect(found == "she")
    }

    @Test func objectOfTheClauseIsNoSubject() throws {
        let found = try subject(
            "Ilse Ostrova sent her thanks to Tomas Berg, adding that the crews were ready.", cue: "adding",
            names: [("Ilse Ostrova", ostrova), ("Tomas Berg", berg)])
        #expect(found == "Ilse Ostrova")
    }

    @Test func clauseWithoutItsOwnSubjectLeavesTheRuleAlone() throws {
        // "attacked Tomas Berg" opens with a verb: its subject is before the apposition, where the rule looked.
        let found = try subject(
            "Ilse Ostrova, the mayor, attacked Tomas Berg, saying the port was ready.", cue: "saying",
            names: [("Ilse Ostrova", ostrova), ("Tomas Berg", berg)])
        #expect(found == nil)
    }

    @Test func accordingToIsNoParticiple() throws {
        let found = try subject(
            "Ilse Ostrova won the vote, according to Tomas Berg.", cue: "according to", names: [("Ilse Ostrova", ostrova), ("Tomas Berg", berg)])
        #expect(found == nil)
    }

    @Test func datelineIsNoSubject() throws {
        // The place the story was filed from is skipped, and so is the dateline before the clause's subject.
        let found = try subject(
            "VELLMAR (AP) — Ilse Ostrova criticized the plan, saying it would cost too much.", cue: "saying",
            names: [("VELLMAR", ActorRef(name: "Vellmar", kind: "person")), ("Ilse Ostrova", ostrova)])
        #expect(found == "Ilse Ostrova")
    }

    @Test func datelineInMixedCaseWithItsAgencyIsNoSubject() throws {
        // Neither the place nor the agency in brackets speaks.
        let found = try subject(
            "Vellmar (NPA) – Mayor Ilse Ostrova took a swipe at the harbour board, saying its plans would cost too much.", cue: "saying",
            names: [
                ("Vellmar", ActorRef(name: "Vellmar", kind: "person")), ("NPA", ActorRef(name: "NPA", kind: "organisation")),
                ("Mayor Ilse Ostrova", ostrova),
            ])
        #expect(found == "Mayor Ilse Ostrova")
    }
}

/// The subject whose saying reports what a pronoun thinks or hopes.
@Suite struct SpeakerResolverSayingTests {
    @Test func pronounThatHopesAfterSaidIsTheSayer() throws {
        let resolver = try SpeakerResolver(rules: try Fixtures.rules())
        let source = "Ilse Ostrova opened the quay and said she hoped the ferries would return. She said she would stay."
        let text = UTF8Text(source)
        let ostrova = ActorRef(name: "Ilse Ostrova", kind: "person")
        let mentions = [SpeakerResolver.Mention(span: 0..<12, actor: ostrova)]
        let sentences = Sentences(text)
        func at(_ words: String, after: Int = 0) -> ByteSpan {
            let start = source.utf8.count - source.suffix(from: source.range(of: words, range: source.index(source.startIndex, offsetBy: after)..<source.endIndex)!.lowerBound).utf8.count
            return start..<start + words.utf8.count
        }
        // "she hoped" after "said": Ostrova, who said it.
        let hoped = resolver.sayingSubject(text, pronoun: at("she"), cue: at("hoped"), sentences: sentences, mentions: mentions) { _ in false }
        #expect(hoped.map { text.string($0.span) } == "Ilse Ostrova")
        // "would stay" is no private state: the pronoun keeps its own words.
        let stay = resolver.sayingSubject(text, pronoun: at("she", after: 75), cue: at("would stay"), sentences: sentences, mentions: mentions) { _ in false }
        #expect(stay == nil)
    }
}
