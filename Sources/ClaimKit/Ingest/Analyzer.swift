/// The extraction path for one article: match rules, keep one claim per stretch, resolve speakers.
public struct Analyzer: Sendable {
    public let rules: RuleSet
    public var extractor: Extractor
    public let resolver: SpeakerResolver
    public let responder: ResponseDetector

    public init(rules: RuleSet) throws(RuleError) {
        self.rules = rules
        extractor = Extractor(rules: rules)
        resolver = try SpeakerResolver(rules: rules)
        responder = try ResponseDetector(rules: rules)
    }

    /// Everything extraction found in one article.
    public struct Analysis {
        public var text: UTF8Text
        public var claims: [ClaimStore.Pending]
        public var responses: [DetectedResponse]
        public var extraction: Extraction
    }

    /// Claims of `article`, ready to store.
    public func analyze(_ article: Article, clock: StageClock? = nil) throws(RuleError) -> Analysis {
        let clock = clock ?? StageClock()
        let text = UTF8Text(article.body)
        var extraction: Extraction
        do {
            extraction = try clock.time(.matching) { try extractor.extract(text, headline: article.headline) }
        } catch let error as RuleError {
            throw error
        } catch {
            throw RuleError(code: .match, message: "\(error)")
        }
        var (resolved, actors) = clock.time(.resolution) { resolver.resolveArticle(text, extraction.claims) }
        // A claim nobody can be found to have made must not hide one it overlapped: select again without
        // the speakerless ones, and resolve the claims that brings back.
        let kept = zip(extraction.claims, resolved).filter { $0.1.speaker != nil }.map(\.0)
        let lost = extraction.dropped.filter { $0.1.isOverlap }.map(\.0)
        if kept.count < extraction.claims.count, !lost.isEmpty {
            var again = extractor.select(kept + lost, headline: article.headline, text: text)
            if again.claims.count > kept.count {
                again.dropped += extraction.dropped.filter { !$0.1.isOverlap }
                again.dropped += zip(extraction.claims, resolved).filter { $0.1.speaker == nil }.map { ($0.0, .noSpeaker) }
                extraction = again
                (resolved, actors) = clock.time(.resolution) { resolver.resolveArticle(text, extraction.claims) }
            }
        }
        var pending: [ClaimStore.Pending] = []
        for (found, r) in zip(extraction.claims, resolved) {
            // A claim nobody can be found to have made is no claim.
            guard r.speaker != nil else {
                extraction.dropped.append((found, DropReason.noSpeaker))
                continue
            }
            // The stored mention is the words in the sentence that name the speaker, also where the rule
            // left the speaker to the sentence or took words that name nobody.
            var candidate = found
            if let mention = r.mention { candidate.speaker = mention }
            pending.append(ClaimStore.Pending(candidate: candidate, speaker: r.speaker, targets: r.targets))
        }
        extraction.claims = pending.map(\.candidate)
        let responses = clock.time(.linking) {
            responder.detect(
                text, pending.map { ResponseDetector.Claim(candidate: $0.candidate, speaker: $0.speaker, targets: $0.targets) },
                actors: actors)
        }
        return Analysis(text: text, claims: pending, responses: responses, extraction: extraction)
    }
}

extension DropReason {
    var isOverlap: Bool {
        if case .overlap = self { return true }
        return false
    }
}
