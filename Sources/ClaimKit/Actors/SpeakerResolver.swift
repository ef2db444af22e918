/// Resolves each claim's speaker mention to an actor: names to canonical names, surnames to the full
/// name seen earlier, pronouns to a compatible person outside quotes and reported speech (the nearest in
/// their own sentence, else the first of the sentence before that names one), descriptions to the actor
/// who carried that role earlier in the article.
public struct SpeakerResolver: Sendable {
    let parser: NameParser
    let mentionPattern: Pattern
    let quotePattern: Pattern
    let pollPattern: Pattern

    /// A name found in running text, outside quotation marks.
    struct Mention {
        var span: ByteSpan
        var actor: ActorRef
        /// After a preposition or a verb of telling ("to Ward", "told Ward", "a supporter of Lee"): an
        /// object or an adjunct, no subject.
        var governed = false
        /// After a preposition of place ("in South Carolina"): a place, so no pronoun's antecedent.
        var locative = false
        /// After a preposition that names a place and rarely a person ("in", not "at", which is "jabbed at
        /// Lee" as often): no "he" or "she".
        var place = false
    }

    public init(rules: RuleSet) throws(RuleError) {
        parser = NameParser(vocabulary: rules.vocabulary, actors: rules.actors)
        let expander = MacroExpander(vocabulary: rules.vocabulary)
        do {
            mentionPattern = try Pattern(try expander.expand("(?:the\\s+)?@{named_person}").text)
            quotePattern = try Pattern(try expander.expand("@{quote}").text)
            pollPattern = try Pattern(Self.pollSource)
        } catch {
            throw RuleError(
                code: .unknownVocabulary,
                message: "the speaker resolver needs the fragments 'named_person' and 'quote' in the vocabulary: \(error)")
        }
    }

    /// What the resolver found for one claim.
    public struct Resolution {
        /// The actor who made the claim, nil when nobody can be found.
        public var speaker: ActorRef?
        /// Actors the claim names, with the words naming them.
        public var targets: [(ByteSpan, ActorRef)]
        /// The words in the sentence that stand for the speaker where they are not the rule's: for a claim
        /// whose rule left the speaker to the sentence ("... and suggested that ...") or took an opening
        /// word that names nobody ("Reached by phone, ...").
        public var mention: ByteSpan?
    }

    /// The resolved speaker and named targets of each claim, in the claims' order.
    public func resolve(_ text: UTF8Text, _ claims: [Candidate]) -> [Resolution] {
        resolveArticle(text, claims).claims
    }

    /// The actors an article names, for resolving more words later (the response detector's).
    public struct ArticleActors {
        let resolver: SpeakerResolver
        let mentions: [Mention]
        let people: People
        let roles: [(role: String, actor: ActorRef, at: Int)]
        let quotes: [ByteSpan]

        /// The actor that `words` at byte `position` name.
        public func resolve(_ words: String, at position: Int) -> ActorRef? {
            resolver.resolveMention(words, at: position, mentions: mentions, people: people, roles: roles) { p in
                quotes.contains { $0.lowerBound < p && p < $0.upperBound }
            }
        }

        /// Names found in running text, outside quotation marks, in order.
        public var named: [(span: ByteSpan, actor: ActorRef)] { mentions.map { ($0.span, $0.actor) } }
    }

    /// Speakers and targets of each claim, and the article's actors.
    public func resolveArticle(_ text: UTF8Text, _ claims: [Candidate]) -> (claims: [Resolution], actors: ArticleActors) {
        let quotes = ((try? quotePattern.matches(in: text)) ?? []).map(\.range)
        func quoted(_ position: Int) -> Bool { quotes.contains { $0.lowerBound < position && position < $0.upperBound } }
        var people: People = [:]  // surname -> the persons with it, in order of first full mention
        var mentions: [Mention] = []
        // A lone surname is a person mention where a rule took it as the one who speaks ("Calloway said"),
        // so that a pronoun after it can refer back to it.
        let speakerStarts = Set(claims.compactMap { $0.speaker?.lowerBound })
        for match in (try? mentionPattern.matches(in: text)) ?? [] where !quoted(match.range.lowerBound) {
            let words = text.string(match.range)
            guard case .named(let actor)? = parser.parse(words) else { continue }
            let named = canonical(actor, people: people, at: match.range.lowerBound)
            if named.kind == "person" {
                let tokens = named.name.split(separator: " ").count
                guard tokens >= 2 || named.role != nil || people[named.name] != nil || speakerStarts.contains(match.range.lowerBound)
                else { continue }
                if tokens >= 2, let surname = named.surname,
                    !(people[surname] ?? []).contains(where: { $0.actor.name == named.name })
                {
                    people[surname, default: []].append((match.range.lowerBound, named))
                }
            }
            let first = words.split(separator: " ").first.map { $0.lowercased() } ?? ""
            let before = Self.prepositions.contains(first) ? first : Self.wordBefore(text.bytes, match.range.lowerBound).word.lowercased()
            mentions.append(
                Mention(
                    span: match.range, actor: named, governed: Self.objectMarkers.contains(before), locative: Self.locatives.contains(before),
                    place: Self.places.contains(before) && !Self.possessive(text, match.range)))
        }
        // What the claims report: a pronoun speaker looks past names inside it ("Lee says Ward's plan
        // failed. She says ..." is Lee speaking again), as it does past quotations.
        let contents = claims.flatMap(\.parts)
        func reported(_ position: Int) -> Bool {
            quoted(position) || contents.contains { $0.lowerBound <= position && position < $0.upperBound }
        }
        let polls = claims.isEmpty ? [] : ((try? pollPattern.matches(in: text)) ?? []).compactMap { $0["np"] ?? $0["np2"] }
        var results: [Resolution] = []
        var previous: (actor: ActorRef, sentence: Int, mention: ByteSpan?)?
        // Genders learned from pronouns: once "she" has meant Novak, "he" does not.
        var learned: [String: String] = [:]
        let sentences = Sentences(text)
        var roleHolders: [(role: String, actor: ActorRef, at: Int)] = []
        for m in mentions { if let role = m.actor.role { roleHolders.append((role.lowercased(), m.actor, m.span.lowerBound)) } }
        for var claim in claims {
            var speaker: ActorRef?
            let ruleSpeaker = claim.speaker
            // A speaker the rule let run across a full stop is the words after it.
            claim.speaker = claim.speaker.map { sentenceTail(text, $0, sentences: sentences) }
            var mention = claim.speaker
            if let span = claim.speaker,
                let subject = subjectAfterOpeningClause(text, span, sentences: sentences, mentions: mentions, people: people, quoted: quoted)
            {
                speaker = subject.actor ?? resolveMention(
                    text.string(subject.span), at: subject.span.lowerBound, mentions: mentions, people: people,
                    roles: roleHolders, genders: learned, sentences: sentences, reported: reported)
                mention = subject.span
            } else if let span = claim.speaker, quoted(span.lowerBound), ["i", "we"].contains(text.string(span).lowercased()) {
                // "I" or "we" inside a quotation is the quoted speaker talking: the quotation is the claim,
                // and what it reports in the first person is no claim of anybody named here.
                speaker = nil
            } else if let span = claim.speaker,
                let subject = participleSubject(text, cue: claim.cue, sentences: sentences, mentions: mentions, quoted: quoted),
                subject.span != span
            {
                speaker = subject.actor ?? resolveMention(
                    text.string(subject.span), at: subject.span.lowerBound, mentions: mentions, people: people,
                    roles: roleHolders, genders: learned, sentences: sentences, reported: reported)
                mention = subject.span
            } else if let span = claim.speaker {
                speaker = resolveMention(
                    text.string(span), at: span.lowerBound, mentions: mentions, people: people, roles: roleHolders,
                    genders: learned, sentences: sentences, reported: reported)
                if ["who", "which"].contains(text.string(span).lowercased()),
                    let phrase = relativeAntecedent(text, pronoun: span, mentions: mentions),
                    let antecedent = resolveMention(
                        text.string(phrase.lowerBound..<span.lowerBound).trimmingCharacters(in: NameParser.trimmed), at: phrase.lowerBound,
                        mentions: mentions, people: people, roles: roleHolders, genders: learned, sentences: sentences, reported: reported)
                {
                    speaker = antecedent
                    mention = phrase
                } else if let s = speaker, let head = personBeforeAttachment(text, span, speaker: s, mentions: mentions, people: people, quoted: quoted) {
                    speaker = head.actor
                    mention = head.span
                } else if let s = speaker,
                    let teller = sayingSubject(text, pronoun: span, cue: claim.cue, sentences: sentences, mentions: mentions, quoted: quoted),
                    (teller.actor ?? resolveMention(
                        text.string(teller.span), at: teller.span.lowerBound, mentions: mentions, people: people, roles: roleHolders,
                        genders: learned, sentences: sentences, reported: reported))?.name == s.name
                {
                    mention = teller.span
                } else if let poll = pollSpeaking(text, speaker: span, polls: polls, sentences: sentences),
                    case .description(let words)? = parser.parse(text.string(poll))
                {
                    speaker = ActorRef(name: Self.normalise(words), kind: "anonymous")
                    mention = poll
                }
            } else {
                // "... and suggested that ...": the subject of this sentence, which is the speaker of the
                // claim before when that claim is in the same sentence, else its first subject pronoun or
                // name that is neither governed by a preposition nor a possessive.
                let sentence = sentences.index(of: claim.cue.lowerBound)
                if let previous, previous.sentence == sentence {
                    speaker = previous.actor
                    mention = previous.mention
                } else {
                    let start = sentences.starts[sentence]
                    if let subject = sentenceSubject(text, from: start, to: claim.cue.lowerBound, mentions: mentions, quoted: quoted) {
                        speaker = subject.actor ?? resolveMention(
                            text.string(subject.span), at: subject.span.lowerBound, mentions: mentions, people: people,
                            roles: roleHolders, genders: learned, sentences: sentences, reported: reported)
                        mention = subject.span
                    } else {
                        let k = firstIndex(of: mentions, startingAt: start)
                        // A name after a preposition or a verb of telling is an object or an adjunct
                        // ("interviews with Fields", "vented about Sanders"), not who did the saying.
                        let first = mentions[k...].prefix { $0.span.lowerBound < claim.cue.lowerBound }
                            .first { $0.span.upperBound <= claim.cue.lowerBound && !$0.governed && !$0.locative }
                        speaker = first?.actor
                        mention = first?.span
                    }
                }
            }
            if let s = speaker, let span = mention, s.kind == "person", learned[s.name] == nil {
                switch text.string(span).lowercased() {
                case "he": learned[s.name] = "male"
                case "she": learned[s.name] = "female"
                default: if let g = s.gender { learned[s.name] = g }
                }
            }
            if let s = speaker {
                previous = (s, sentences.index(of: claim.cue.lowerBound), mention)
                if let role = s.role { roleHolders.append((role.lowercased(), s, claim.speaker?.lowerBound ?? 0)) }
            }
            var targets: [(ByteSpan, ActorRef)] = []
            for span in claim.targets {
                if case .named(let a)? = parser.parse(text.string(span)) {
                    targets.append((span, canonical(a, people: people, at: span.lowerBound)))
                }
            }
            for m in mentions where claim.parts.contains(where: { $0.contains(m.span.lowerBound) }) {
                if m.actor != speaker, !targets.contains(where: { $0.1.name == m.actor.name }) { targets.append((m.span, m.actor)) }
            }
            results.append(Resolution(speaker: speaker, targets: targets, mention: mention == ruleSpeaker ? nil : mention))
        }
        // What the pronouns taught is the person's gender everywhere in the article, so that the store can
        // tell this "Clinton" from another one of another article.
        for i in results.indices {
            if let s = results[i].speaker, s.gender == nil, let gender = learned[s.name] { results[i].speaker?.gender = gender }
        }
        return (results, ArticleActors(resolver: self, mentions: mentions, people: people, roles: roleHolders, quotes: quotes))
    }

    /// A surname alone becomes the full name seen earlier in the article.
    /// Persons by surname, each with where its full name first appears.
    typealias People = [String: [(at: Int, actor: ActorRef)]]

    /// A surname alone becomes the full name seen with it: of two people sharing it, the one named most
    /// recently before `position` whose gender does not contradict the mention's ("Mrs. Clinton").
    func canonical(_ actor: ActorRef, people: People, at position: Int = Int.max) -> ActorRef {
        guard actor.kind == "person", !actor.name.contains(" "), let all = people[actor.name], !all.isEmpty else { return actor }
        let compatible = all.filter { actor.gender == nil || $0.actor.gender == nil || $0.actor.gender == actor.gender }
        guard let pick = compatible.last(where: { $0.at <= position }) ?? compatible.first else { return actor }
        var full = pick.actor
        if let role = actor.role { full.role = role }
        if full.gender == nil { full.gender = actor.gender }
        return full
    }

    func resolveMention(
        _ words: String, at position: Int, mentions: [Mention], people: People,
        roles: [(role: String, actor: ActorRef, at: Int)], genders: [String: String] = [:], sentences: Sentences? = nil,
        reported: (Int) -> Bool
    ) -> ActorRef? {
        switch parser.parse(words) {
        case .pronoun(let p)?:
            let before = mentions.filter { $0.span.upperBound <= position }
            let outside = before.filter { !reported($0.span.lowerBound) }
            // Names inside reported words are the last resort: the antecedent of a speaking pronoun is
            // nearly always someone who spoke or acted, not someone spoken about.
            let relative = p == "who" || p == "whom" || p == "which"
            let earlier = relative ? Array(before.reversed()) : Array(outside.reversed()) + before.reversed()
            switch p {
            case "he", "she":
                return personalAntecedent(p, before: position, outside: outside, earlier: earlier, genders: genders, sentences: sentences)
            case "they", "it":
                let free = earlier.filter { !$0.locative }
                return free.first { $0.actor.kind != "person" }?.actor ?? free.first?.actor
                    ?? earlier.first { $0.actor.kind != "person" }?.actor ?? earlier.first?.actor
            case "who", "whom", "which":
                // A relative pronoun stands for the name just before it ("Ann Lee, who said ...").
                return earlier.first?.actor
            default:
                return earlier.first { $0.actor.kind == "person" }?.actor
            }
        case .named(let actor)?:
            return canonical(actor, people: people, at: position)
        case .group(let members)?:
            let resolved = members.map { canonical($0, people: people, at: position) }
            return ActorRef(name: resolved.map(\.name).joined(separator: " and "), kind: "group", aliases: [])
        case .description(let description)?:
            let key = Self.normalise(description)
            // "The Republican" is someone named before; "a senior Republican" is somebody new.
            let first = description.split(separator: " ").first.map { $0.lowercased() } ?? ""
            if !Self.indefinites.contains(first),
                let holder = roles.filter({ $0.at < position && Self.roleMatches(key, Self.normalise($0.role)) }).last
            {
                return holder.actor
            }
            // "Both" alone is all determiner: the words stay the name.
            return ActorRef(name: key.isEmpty ? description.lowercased() : key, kind: "anonymous", role: nil)
        case nil:
            return nil
        }
    }

    /// Words after which a name is an object or an adjunct, no subject that a pronoun in its sentence takes
    /// up ("told Ward she ...", "a supporter of Lee, she ..."); "by" is left out, as it names the agent
    /// ("comments made by Lee, where he urged ...").
    static let objectMarkers: Set<String> = prepositions.subtracting(["by"])

    /// Determiners that bring in somebody not named before.
    static let indefinites: Set<String> = ["a", "an", "one", "another", "some", "several", "many", "two", "three"]

    /// Prepositions of place: the names after them are where things happen.
    static let locatives: Set<String> = ["in", "at", "across", "near", "throughout", "inside", "outside", "around", "within"]

    /// Words that join clauses, which a speaker phrase caught at its edge ("that a video recording").
    static let conjunctions: Set<String> = ["that", "and", "but", "where", "when", "while", "whereas", "because", "if", "as", "so", "or"]

    /// Lower case, without determiners: "The Lithuanian prime minister" -> "lithuanian prime minister".
    static func normalise(_ text: String) -> String {
        var words = text.lowercased().split(separator: " ").map(String.init)
        while words.count > 1, let first = words.first, NameParser.determiners.contains(first) || conjunctions.contains(first) {
            words.removeFirst()
        }
        return words.joined(separator: " ")
    }

    /// A description matches a role when every word of it is in the role ("ukrainian leader" in
    /// "ukrainian leader"), or it names the same head noun with the same affiliation.
    static func roleMatches(_ description: String, _ role: String) -> Bool {
        let d = description.split(separator: " ")
        let r = Set(role.split(separator: " "))
        guard !d.isEmpty else { return false }
        return d.allSatisfy { r.contains($0) }
    }
}

import Foundation
