/// The extraction path for one article: match rules, keep one claim per stretch, resolve speakers.
public struct Analyzer: Sendable {
    public let rules: RuleSet
    public let extractor: Extractor
    public let resolver: SpeakerResolver

    public init(rules: RuleSet) throws(RuleError) {
        self.rules = rules
        extractor = Extractor(rules: rules)
        resolver = try SpeakerResolver(rules: rules)
    }

    /// Claims of `article`, ready to store.
    public func analyze(_ article: Article) throws(RuleError) -> (text: UTF8Text, claims: [ClaimStore.Pending], extraction: Extraction) {
        let text = UTF8Text(article.body)
        let extraction = try extractor.extract(text, headline: article.headline)
        let resolved = resolver.resolve(text, extraction.claims)
        let pending = zip(extraction.claims, resolved).map { ClaimStore.Pending(candidate: $0, speaker: $1.speaker, targets: $1.targets) }
        return (text, pending, extraction)
    }
}
