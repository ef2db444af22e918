/// Finds which claims of an article answer someone, and the claim they answer when it is in the article.
///
/// Evidence, strongest first: a response rule's words in the claim's sentence ("rejecting concerns raised by
/// X"); a quotation that contradicts an earlier one ("This is not an ultimatum" after "This is an
/// ultimatum"); a defence of something an earlier claim attacked; a denial whose sentence names whose
/// claim it denies; reported speech whose content is another actor's act of speech ("suggested that X
/// dismissed..."). A response rule's words in a sentence without a claim ("X responded to comments made
/// by Y") carry over to X's next quotations, until someone other than X or Y speaks.
public struct ResponseDetector: Sendable {
    public let rules: RuleSet
    let possessive: Pattern
    /// Each response rule's cue alone: the rule runs only on articles where its cue occurs.
    let gates: [Pattern?]
    static let negations: Set<String> = ["not", "no", "never", "n't", "nothing", "isn't", "aren't", "wasn't", "don't", "doesn't", "won't", "cannot"]
    static let defending: Set<String> = ["defend", "support", "back", "endorse", "praise"]

    public init(rules: RuleSet) throws(RuleError) {
        self.rules = rules
        gates = rules.responseRules.map { CueGate.pattern(for: $0.source, vocabulary: rules.vocabulary) }
        let expander = MacroExpander(vocabulary: rules.vocabulary)
        do {
            possessive = try Pattern(try expander.expand("(?<owner>@{cap_word}(?:\\s+@{cap_word}){0,2})['’]s\\s+(?<thing>(?:[\\p{L}‘’'\\-]+\\s+){0,3}[\\p{L}\\-]+)").text)
        } catch {
            throw RuleError(code: .unknownVocabulary, message: "the response detector needs the fragment 'cap_word': \(error)")
        }
    }

    /// One resolved claim of the article.
    public struct Claim {
        public var candidate: Candidate
        public var speaker: ActorRef?
        public var targets: [(ByteSpan, ActorRef)]
        public init(candidate: Candidate, speaker: ActorRef?, targets: [(ByteSpan, ActorRef)]) {
            self.candidate = candidate
            self.speaker = speaker
            self.targets = targets
        }
    }

    struct Context {
        var answered: ActorRef?
        var relation: String
        var object: String?
        var ruleID: String
        var evidence: String
        var to: Int?
    }

    /// The responses among `claims` (which are in text order).
    public func detect(_ text: UTF8Text, _ claims: [Claim], actors: SpeakerResolver.ArticleActors) -> [DetectedResponse] {
        guard !claims.isEmpty else { return [] }
        let sentences = Sentences(text)
        let clauses = claims.map { Self.firstClause(text.string($0.candidate.parts[0])) }
        // The words of each claim, read only when a defence looks back for what it defends.
        var contentWords: [Int: Set<String>] = [:]
        func contents(_ j: Int) -> Set<String> {
            if let known = contentWords[j] { return known }
            let words = Set(Self.words(claims[j].candidate.parts.map { text.string($0) }.joined(separator: " ")))
            contentWords[j] = words
            return words
        }
        // Found only when a denial or a response rule needs them: most articles need neither.
        var possessiveMatches: [PatternMatch]?
        func possessives() -> [PatternMatch] {
            if let possessiveMatches { return possessiveMatches }
            let all = (try? possessive.matches(in: text)) ?? []
            possessiveMatches = all
            return all
        }
        let claimSentence = claims.map { sentences.index(of: $0.candidate.cue.lowerBound) }
        var found: [Int: DetectedResponse] = [:]
        var pending: [(sentence: Int, responder: ActorRef?, context: Context)] = []

        // 1. Response rules.
        for (rule, gate) in zip(rules.responseRules, gates) where CueGate.admits(gate, text) {
            let matches = (try? rule.pattern.matches(in: text)) ?? []
            for m in matches {
                guard let cue = m["cue"] else { continue }
                let s = sentences.index(of: cue.lowerBound)
                var answered = m["answered"].flatMap { actors.resolve(text.string($0), at: $0.lowerBound) }
                let object = m["object"].map { text.string($0) }
                if answered == nil, let object { answered = owner(of: object, in: text, possessives(), actors: actors) }
                let responder = m["responder"].flatMap { actors.resolve(text.string($0), at: $0.lowerBound) }
                let context = Context(
                    answered: answered, relation: rule.relation ?? "responds", object: object, ruleID: rule.id,
                    evidence: text.string(m.range), to: nil)
                let inSentence = claims.indices.filter { i in
                    claimSentence[i] == s && (rule.insideContent || !claims[i].candidate.parts.contains { $0.contains(cue.lowerBound) })
                        && (responder == nil || claims[i].speaker?.name == responder?.name)
                }
                if let i = inSentence.first {
                    found[i] = DetectedResponse(
                        from: i, to: nil, relation: context.relation, answered: answered, object: object, ruleID: rule.id,
                        evidence: context.evidence)
                } else {
                    pending.append((s, responder, context))
                }
            }
        }

        // 2. Claim by claim, in text order.
        var contexts: [String: Context] = [:]
        var pendingIndex = 0
        pending.sort { $0.sentence < $1.sentence }
        for (i, claim) in claims.enumerated() {
            while pendingIndex < pending.count, pending[pendingIndex].sentence <= claimSentence[i] {
                let p = pending[pendingIndex]
                if let who = p.responder?.name { merge(&contexts, who, p.context) }
                pendingIndex += 1
            }
            let speaker = claim.speaker?.name
            // Someone other than a responder or the one answered speaks: that exchange is over.
            for (who, context) in contexts where who != speaker && context.answered?.name != speaker {
                contexts[who] = nil
            }
            if found[i] == nil, let r = contradiction(i, claims, text, clauses) ?? defence(i, claims, text, contents)
                ?? denial(i, claims, text, actors, sentences, possessives) ?? reportedAct(i, claims, text)
            {
                found[i] = r
            }
            if found[i] == nil, let speaker, let context = contexts[speaker], claim.candidate.kind == .direct {
                found[i] = DetectedResponse(
                    from: i, to: context.to, relation: context.relation, answered: context.answered, object: context.object,
                    ruleID: context.ruleID, evidence: context.evidence)
            }
            if let r = found[i], let speaker, r.answered?.name != speaker {
                merge(&contexts, speaker, Context(answered: r.answered, relation: r.relation, object: r.object, ruleID: r.ruleID, evidence: r.evidence, to: r.to))
            }
        }

        // 3. The answered claim, where it is in this article.
        var out: [DetectedResponse] = []
        for i in found.keys.sorted() {
            var r = found[i]!
            if r.answered?.name == claims[i].speaker?.name && r.to == nil { continue }
            if r.to == nil, let answered = r.answered {
                r.to = bestAnswered(r, i, answered, claims, text)
            }
            out.append(r)
        }
        return out
    }

    func merge(_ contexts: inout [String: Context], _ who: String, _ new: Context) {
        if let old = contexts[who], old.answered?.name == new.answered?.name, old.relation == "rebuts" {
            return
        }
        contexts[who] = new
    }

    /// The lower-cased words of `s`, with "n't" split off its verb.
    static func words(_ s: String) -> [String] {
        var out: [String] = []
        // Most text is ASCII: split its bytes directly, without Character and Unicode property lookups.
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            var word: [UInt8] = []
            func flush() {
                guard !word.isEmpty else { return }
                if word.count >= 3, word[word.count - 3] == UInt8(ascii: "n"), word[word.count - 2] == UInt8(ascii: "'"),
                    word[word.count - 1] == UInt8(ascii: "t")
                {
                    out.append(String(decoding: word.dropLast(3), as: UTF8.self))
                    out.append("n't")
                } else {
                    out.append(String(decoding: word, as: UTF8.self))
                }
                word.removeAll(keepingCapacity: true)
            }
            for b in s.utf8 {
                switch b {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(b | 0x20)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"): word.append(b)
                default: flush()
                }
            }
            flush()
            return out
        }
        for word in s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "’" }) {
            if word.hasSuffix("n't") || word.hasSuffix("n’t") {
                out.append(String(word.dropLast(3)))
                out.append("n't")
            } else {
                out.append(String(word))
            }
        }
        return out
    }

    /// The first clause of a content, as words.
    static func firstClause(_ s: String) -> [String] {
        // The first stretch between clause marks that holds a letter.
        var start = s.utf8.startIndex
        var index = start
        var hasLetter = false
        let marks: Set<Unicode.Scalar> = [",", ".", ";", ":", "—", "…"]
        for scalar in s.unicodeScalars {
            let next = s.unicodeScalars.index(after: index)
            if marks.contains(scalar) {
                if hasLetter { return words(String(s[start..<index])) }
                start = next
            } else if !hasLetter, scalar.properties.isAlphabetic {
                hasLetter = true
            }
            index = next
        }
        return words(hasLetter ? String(s[start...]) : s)
    }

    /// "This is not an ultimatum" answers an earlier "This is an ultimatum" by someone else.
    func contradiction(_ i: Int, _ claims: [Claim], _ text: UTF8Text, _ clauses: [[String]]) -> DetectedResponse? {
        let mine = clauses[i]
        let myNeg = mine.contains { Self.negations.contains($0) }
        let myCore = mine.filter { !Self.negations.contains($0) }
        guard myCore.count >= 2 else { return nil }
        for j in stride(from: i - 1, through: 0, by: -1) where claims[j].speaker?.name != claims[i].speaker?.name {
            let theirs = clauses[j]
            guard abs(theirs.count - mine.count) <= 3 else { continue }
            let theirNeg = theirs.contains { Self.negations.contains($0) }
            guard theirNeg != myNeg else { continue }
            let core = theirs.filter { !Self.negations.contains($0) }
            if core == myCore {
                return DetectedResponse(
                    from: i, to: j, relation: "rebuts", answered: claims[j].speaker, object: nil, ruleID: "contradiction",
                    evidence: text.string(claims[i].candidate.parts[0]))
            }
        }
        return nil
    }

    /// "X defended the memorandum" answers the latest claim by someone else that spoke of the memorandum.
    func defence(_ i: Int, _ claims: [Claim], _ text: UTF8Text, _ contents: (Int) -> Set<String>) -> DetectedResponse? {
        let cueWords = Self.words(text.string(claims[i].candidate.cue))
        guard cueWords.contains(where: { Self.defending.contains(rules.vocabulary.baseByForm[$0] ?? $0) }) else { return nil }
        let nouns = Self.words(text.string(claims[i].candidate.parts[0])).prefix(4).filter { $0.count >= 5 }
        guard !nouns.isEmpty else { return nil }
        for j in stride(from: i - 1, through: 0, by: -1) where claims[j].speaker?.name != claims[i].speaker?.name {
            if nouns.contains(where: contents(j).contains) {
                return DetectedResponse(
                    from: i, to: j, relation: "rebuts", answered: claims[j].speaker, object: nouns.first, ruleID: "defence",
                    evidence: text.string(claims[i].candidate.cue) + " " + (nouns.first ?? ""))
            }
        }
        return nil
    }

    /// A denial answers whoever its sentence names as owner of what it denies, or the first actor its content names.
    func denial(
        _ i: Int, _ claims: [Claim], _ text: UTF8Text, _ actors: SpeakerResolver.ArticleActors, _ sentences: Sentences,
        _ possessives: () -> [PatternMatch]
    ) -> DetectedResponse? {
        let c = claims[i]
        guard c.candidate.stance == "denial" else { return nil }
        let sentence = sentences.range(sentences.index(of: c.candidate.cue.lowerBound), count: text.count)
        let outside = possessives().first { m in
            sentence.contains(m.range.lowerBound) && !c.candidate.parts.contains { $0.overlaps(m.range) }
        }
        var answered: ActorRef?
        var object: String?
        if let outside, let owner = outside["owner"] {
            answered = actors.resolve(text.string(owner), at: owner.lowerBound)
            object = outside["thing"].map { text.string($0) }
        }
        if answered == nil { answered = c.targets.first { $0.1.name != c.speaker?.name }?.1 }
        guard let answered, answered.name != c.speaker?.name else { return nil }
        return DetectedResponse(
            from: i, to: nil, relation: "rebuts", answered: answered, object: object, ruleID: "denial",
            evidence: text.string(c.candidate.cue) + " " + text.string(c.candidate.parts[0]))
    }

    /// Reported speech whose content starts with another actor's act of speech ("that X dismissed ...").
    func reportedAct(_ i: Int, _ claims: [Claim], _ text: UTF8Text) -> DetectedResponse? {
        let c = claims[i]
        guard c.candidate.kind != .direct, let first = c.candidate.parts.first else { return nil }
        guard let (span, actor) = c.targets.first(where: { $0.0.lowerBound - first.lowerBound <= 1 && $0.0.lowerBound >= first.lowerBound }),
            actor.name != c.speaker?.name, span.upperBound < first.upperBound
        else { return nil }
        let after = Self.words(text.string(span.upperBound..<min(first.upperBound, span.upperBound + 40)))
        guard let verb = after.first, let lemma = rules.vocabulary.baseByForm[verb] else { return nil }
        return DetectedResponse(
            from: i, to: nil, relation: "responds", answered: actor, object: lemma, ruleID: "reported-act",
            evidence: text.string(span) + " " + verb)
    }

    /// The owner of a thing named earlier: "the memorandum" -> the X of "X's peace memorandum".
    func owner(of object: String, in text: UTF8Text, _ possessives: [PatternMatch], actors: SpeakerResolver.ArticleActors) -> ActorRef? {
        guard let head = Self.words(object).last else { return nil }
        for m in possessives {
            guard let thing = m["thing"], Self.words(text.string(thing)).contains(head), let owner = m["owner"] else { continue }
            if let actor = actors.resolve(text.string(owner), at: owner.lowerBound) { return actor }
        }
        return nil
    }

    /// Among the answered actor's claims in the article: the one whose cue is the act named, then the one
    /// sharing most words, then the first.
    func bestAnswered(_ r: DetectedResponse, _ i: Int, _ answered: ActorRef, _ claims: [Claim], _ text: UTF8Text) -> Int? {
        let mine = Set(Self.words((r.object ?? "") + " " + r.evidence + " " + claims[i].candidate.parts.map { text.string($0) }.joined(separator: " ")).filter { $0.count > 3 })
        var best: (score: Int, index: Int)?
        for (j, c) in claims.enumerated() where j != i && c.speaker?.name == answered.name {
            var score = 0
            let cueWords = Self.words(text.string(c.candidate.cue))
            if let lemma = r.object, cueWords.contains(where: { rules.vocabulary.baseByForm[$0] == lemma }) { score += 100 }
            score += Set(Self.words(c.candidate.parts.map { text.string($0) }.joined(separator: " "))).intersection(mine).count
            if best == nil || score > best!.score { best = (score, j) }
        }
        return best?.index
    }
}

import Foundation
