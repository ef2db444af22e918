extension SpeakerResolver {
    /// Pronouns that can only be a clause's subject.
    static let subjectPronouns: Set<String> = ["he", "she", "they"]
    /// Words after which a name is an object or an adjunct ("in South Carolina", "to Sanders"), not a subject.
    static let prepositions: Set<String> = [
        "in", "on", "at", "to", "from", "with", "by", "for", "of", "about", "against", "like", "than", "after",
        "before", "during", "under", "over", "into", "between", "among", "toward", "towards", "via", "unlike",
        "despite", "through", "across", "behind", "near", "without", "within", "upon", "onto", "told", "asked",
    ]

    /// A candidate subject of a sentence: a name found in it or a subject pronoun.
    struct Subject {
        var span: ByteSpan
        var actor: ActorRef?
    }

    /// The subject of the sentence running from `start` to the cue at `end`: its first subject pronoun or
    /// name that no preposition governs and that owns nothing ("Obama's plan" is about the plan).
    /// The sentence alone is read, so this costs no more than the sentence is long.
    func sentenceSubject(_ text: UTF8Text, from start: Int, to end: Int, mentions: [Mention], quoted: (Int) -> Bool) -> Subject? {
        let bytes = text.bytes
        let isLetter = Self.isLetter
        var pronoun: ByteSpan?
        var i = start
        while i < end, pronoun == nil {
            guard isLetter(bytes[i]) else { i += 1; continue }
            var j = i
            while j < end, isLetter(bytes[j]) { j += 1 }
            let boundary = i == 0 || bytes[i - 1] < 0x80
            let word = String(decoding: bytes[i..<j], as: UTF8.self).lowercased()
            if boundary, Self.subjectPronouns.contains(word), !quoted(i) { pronoun = i..<j }
            i = j
        }
        /// A dateline ("WASHINGTON (AP) — ...") says where the story was filed, not who acts.
        /// A place in mixed case is one too where a news agency follows it ("Washington (AFP) — ...",
        /// "Oslo, May 3 (Reuters) - ...").
        func isDateline(_ m: Mention, _ words: String) -> Bool {
            let capitals = !words.contains(where: \.isLowercase)
            var j = m.span.upperBound
            if j < end, bytes[j] == UInt8(ascii: ",") {
                var k = j + 1
                while k < end, k - j <= 16, bytes[k] != UInt8(ascii: "("), bytes[k] != 0x0A { k += 1 }
                if k < end, bytes[k] == UInt8(ascii: "(") { j = k }
            }
            while j < end, bytes[j] == 0x20 { j += 1 }
            var agency = false
            if j < end, bytes[j] == UInt8(ascii: "(") {
                while j < end, bytes[j] != UInt8(ascii: ")") { j += 1 }
                j += 1
                while j < end, bytes[j] == 0x20 { j += 1 }
                agency = true
            }
            guard capitals || agency else { return false }
            // An em or en dash, or a hyphen.
            return j < end && (bytes[j] == UInt8(ascii: "-") || (bytes[j] == 0xE2 && j + 2 < end && bytes[j + 1] == 0x80 && (bytes[j + 2] == 0x94 || bytes[j + 2] == 0x93)))
        }
        func isSubject(_ m: Mention) -> Bool {
            guard m.span.upperBound <= end else { return false }
            let words = text.string(m.span)
            if isDateline(m, words) { return false }
            // A name in brackets ("(AFP)") is an aside.
            if m.span.lowerBound > start, bytes[m.span.lowerBound - 1] == UInt8(ascii: "(") { return false }
            if words.hasSuffix("'s") || words.hasSuffix("’s") { return false }
            if let first = words.split(separator: " ").first, Self.prepositions.contains(first.lowercased()) { return false }
            return !Self.prepositions.contains(Self.wordBefore(bytes, m.span.lowerBound, from: start).word.lowercased())
        }
        var name: Mention?
        var k = firstIndex(of: mentions, startingAt: start)
        while name == nil, k < mentions.count, mentions[k].span.lowerBound < end {
            if isSubject(mentions[k]) { name = mentions[k] }
            k += 1
        }
        if let pronoun, name.map({ pronoun.lowerBound < $0.span.lowerBound }) ?? true { return Subject(span: pronoun, actor: nil) }
        return name.map { Subject(span: $0.span, actor: $0.actor) }
    }
}

extension SpeakerResolver {
    /// Words that open a subordinate clause before the main one ("Whenever asked, they ...").
    static let subordinators: Set<String> = [
        "while", "whenever", "when", "after", "before", "although", "though", "if", "once", "since", "unless", "until", "because",
    ]

    /// A sentence that opens with a participle or a subordinator ("Reached by phone, Lee said ...", "Having
    /// announced it, the judge ...") has its subject after the opening clause, and the opening word names
    /// nobody. The subject found after the clause's comma, or nil where `span` is no such opening word.
    func subjectAfterOpeningClause(
        _ text: UTF8Text, _ span: ByteSpan, sentences: Sentences, mentions: [Mention], people: People, quoted: (Int) -> Bool
    ) -> Subject? {
        let words = text.string(span)
        let lower = words.lowercased()
        guard !words.contains(" "), words.first?.isUppercase ?? false, sentences.starts[sentences.index(of: span.lowerBound)] == span.lowerBound,
            Self.subordinators.contains(lower) || (lower.count >= 5 && (lower.hasSuffix("ing") || lower.hasSuffix("ed"))),
            people[words] == nil, parser.alias(words) == nil
        else { return nil }
        let sentence = sentences.index(of: span.lowerBound)
        let end = sentence + 1 < sentences.starts.count ? sentences.starts[sentence + 1] : text.count
        guard let comma = text.bytes[span.upperBound..<end].firstIndex(of: UInt8(ascii: ",")), !quoted(comma) else { return nil }
        return sentenceSubject(text, from: comma + 1, to: end, mentions: mentions, quoted: quoted)
    }
}

extension SpeakerResolver {
    /// Prepositions that attach a place or a body to the person before them ("Sen. Ann Lee of Ohio").
    static let attachments: Set<String> = ["of", "from", "in", "at"]

    /// The ASCII word that ends just before `offset` (spaces between skipped): where it starts, and the
    /// word, empty where none does.
    static func wordBefore(_ bytes: [UInt8], _ offset: Int, from floor: Int = 0) -> (start: Int, word: String) {
        var end = offset
        while end > floor, bytes[end - 1] == 0x20 { end -= 1 }
        var start = end
        while start > floor, isLetter(bytes[start - 1]) { start -= 1 }
        return (start, String(decoding: bytes[start..<end], as: UTF8.self))
    }

    /// An ASCII letter: the words these checks look for are English function words and verbs.
    static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }

    /// A speaker the rule took after "of", "from", "in" or "at" that is a place, a body or a bare single
    /// word ("Ann Lee, a nurse from Dover, said") belongs to the person that phrase describes, named
    /// just before it: that person's mention, stretched to the end of the rule's words, or nil.
    func personBeforeAttachment(
        _ text: UTF8Text, _ span: ByteSpan, speaker: ActorRef, mentions: [Mention], people: People, quoted: (Int) -> Bool
    ) -> Mention? {
        guard speaker.kind != "group", speaker.kind != "person" || (!speaker.name.contains(" ") && people[speaker.name] == nil),
            !quoted(span.lowerBound)
        else { return nil }
        let bytes = text.bytes
        let (start, word) = Self.wordBefore(bytes, span.lowerBound)
        guard Self.attachments.contains(word) else { return nil }
        // The nearest name before, joined to the phrase by an apposition or directly, within one clause.
        guard let index = lastIndex(of: mentions, endingBy: start), case let m = mentions[index], m.actor.kind == "person",
            start - m.span.upperBound <= 100
        else { return nil }
        let gap = bytes[m.span.upperBound..<start]
        guard gap.allSatisfy({ $0 == 0x20 }) || gap.first == UInt8(ascii: ",") else { return nil }
        let breaks: Set<UInt8> = [UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: "\""), UInt8(ascii: ":"), 0x0A, 0xE2]
        guard !gap.contains(where: breaks.contains), !String(decoding: gap, as: UTF8.self).contains(" and ") else { return nil }
        return Mention(span: m.span.lowerBound..<span.upperBound, actor: m.actor)
    }

    /// The index of the first mention starting at or after `position`, found by bisection.
    func firstIndex(of mentions: [Mention], startingAt position: Int) -> Int {
        var lo = 0
        var hi = mentions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if mentions[mid].span.lowerBound < position { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The index of the last mention ending at or before `position`, found by bisection.
    func lastIndex(of mentions: [Mention], endingBy position: Int) -> Int? {
        var i = firstIndex(of: mentions, startingAt: position) - 1
        while i >= 0, mentions[i].span.upperBound > position { i -= 1 }
        return i >= 0 ? i : nil
    }
}

extension SpeakerResolver {
    /// Words that join a sentence to the one before without naming anybody ("And while he said ..."): the
    /// words that may open a clause before its subject, and a few conjunctions that open a sentence.
    static let sentenceJoiners = clauseOpeners.union(["or", "while", "though", "although"])

    /// The part of a speaker span after the last sentence start inside it, without the joining words that
    /// open that sentence ("... on the matter. But Lee" is Lee); the span itself where it stays in one sentence.
    func sentenceTail(_ text: UTF8Text, _ span: ByteSpan, sentences: Sentences) -> ByteSpan {
        guard span.upperBound > span.lowerBound else { return span }
        let start = sentences.starts[sentences.index(of: span.upperBound - 1)]
        guard start > span.lowerBound, start < span.upperBound else { return span }
        let bytes = text.bytes
        var from = start
        while true {
            var j = from
            while j < span.upperBound, Self.isLetter(bytes[j]) { j += 1 }
            guard j > from, j < span.upperBound, bytes[j] == 0x20,
                Self.sentenceJoiners.contains(String(decoding: bytes[from..<j], as: UTF8.self).lowercased())
            else { break }
            while j < span.upperBound, bytes[j] == 0x20 { j += 1 }
            from = j
        }
        return from..<span.upperBound
    }
}
