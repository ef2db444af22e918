extension SpeakerResolver {
    /// Words that may stand before a clause's subject without being part of it.
    static let clauseOpeners: Set<String> = ["and", "but", "then", "so", "yet", "also", "still"]

    /// A participle cue after a comma ("..., arguing that ...", "... by joking that ...") shares the subject
    /// of the clause just before it: the subject pronoun or name that opens that clause ("When Lee met
    /// Ward, she spoke briefly, saying ..." is her, not Lee or Ward). Nil where the cue is no participle or
    /// the clause does not open with a subject, so the rule's own choice stands.
    func participleSubject(
        _ text: UTF8Text, cue: ByteSpan, sentences: Sentences, mentions: [Mention], quoted: (Int) -> Bool
    ) -> Subject? {
        let bytes = text.bytes
        let isLetter = Self.isLetter
        var cueEnd = cue.lowerBound
        while cueEnd < cue.upperBound, isLetter(bytes[cueEnd]) { cueEnd += 1 }
        // "According to" ends like a participle but names its source after it.
        let word = String(decoding: bytes[cue.lowerBound..<cueEnd], as: UTF8.self).lowercased()
        guard word.count > 4, word.hasSuffix("ing"), word != "according" else { return nil }
        let sentenceStart = sentences.starts[sentences.index(of: cue.lowerBound)]
        // The clause ends at the comma before the cue, or before "by".
        var end = cue.lowerBound
        while end > sentenceStart, bytes[end - 1] == 0x20 { end -= 1 }
        if end >= sentenceStart + 2, String(decoding: bytes[(end - 2)..<end], as: UTF8.self) == "by" {
            end -= 2
            while end > sentenceStart, bytes[end - 1] == 0x20 { end -= 1 }
        } else {
            guard end > sentenceStart, bytes[end - 1] == UInt8(ascii: ",") else { return nil }
            end -= 1
        }
        // It starts after the comma before that, or with the sentence.
        var start = end
        while start > sentenceStart, bytes[start - 1] != UInt8(ascii: ",") { start -= 1 }
        guard !quoted(start), let subject = sentenceSubject(text, from: start, to: end, mentions: mentions, quoted: quoted) else {
            return nil
        }
        var lead = String(decoding: bytes[start..<subject.span.lowerBound], as: UTF8.self)
        // A dateline before the subject ("Washington (AFP) — Lee ...") is no part of the clause.
        if let close = lead.firstIndex(of: ")"), lead[..<close].contains("("), lead.distance(from: lead.startIndex, to: close) < 60 {
            let rest = lead[lead.index(after: close)...].drop { $0 == " " }
            if let dash = rest.first, "—–-".contains(dash) { lead = String(rest.drop { "—–- ".contains($0) }) }
        }
        guard lead.split(separator: " ").allSatisfy({ Self.clauseOpeners.contains($0.lowercased()) }) else { return nil }
        return subject
    }
}

extension SpeakerResolver {
    /// Verbs of a private state: what someone thinks, hopes or plans is known from their saying it.
    static let privateStates: Set<String> = [
        "think", "thinks", "thought", "believe", "believes", "believed", "hope", "hopes", "hoped", "feel", "feels", "felt", "expect",
        "expects", "expected", "plan", "plans", "planned", "know", "knows", "knew", "want", "wants", "wanted", "intend", "intends",
        "intended", "fear", "fears", "feared", "worry", "worries", "worried", "wish", "wishes", "wished",
    ]
    /// Words after which a clause is what someone says.
    static let sayingWords: Set<String> = ["that", "said", "says", "say", "told", "tells", "added", "adds", "insisted", "argued", "noted"]

    /// "He told reporters that he thought ..." reports what the teller says: a pronoun that thinks or hopes
    /// right after a verb of saying is the subject who says it, and the words naming the speaker are that
    /// subject's. The subject, or nil where the claim has no such shape.
    func sayingSubject(
        _ text: UTF8Text, pronoun span: ByteSpan, cue: ByteSpan, sentences: Sentences, mentions: [Mention], quoted: (Int) -> Bool
    ) -> Subject? {
        guard Self.subjectPronouns.contains(text.string(span).lowercased()), !quoted(span.lowerBound),
            text.string(cue).lowercased().split(separator: " ").contains(where: { Self.privateStates.contains(String($0)) })
        else { return nil }
        let (start, word) = Self.wordBefore(text.bytes, span.lowerBound)
        guard Self.sayingWords.contains(word.lowercased()) else { return nil }
        let sentenceStart = sentences.starts[sentences.index(of: span.lowerBound)]
        guard let subject = sentenceSubject(text, from: sentenceStart, to: start, mentions: mentions, quoted: quoted), subject.span != span
        else { return nil }
        return subject
    }
}
