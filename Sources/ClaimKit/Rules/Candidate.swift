/// A claim found by one rule in one article, with byte spans, before speakers are resolved.
public struct Candidate: Sendable {
    public var ruleID: String
    public var ruleHash: String
    public var priority: Int
    public var kind: ClaimKind
    public var stance: String
    /// Words naming the speaker; nil when the rule leaves the speaker to the sentence before.
    public var speaker: ByteSpan?
    public var cue: ByteSpan
    /// One span, or several for a quote split by its attribution.
    public var parts: [ByteSpan]
    public var targets: [ByteSpan]

    /// From the start of the first part to the end of the last.
    public var content: ByteSpan { parts.first!.lowerBound..<parts.last!.upperBound }
}

/// Why the engine set a candidate aside.
public enum DropReason: Sendable, Equatable, CustomStringConvertible {
    /// Another candidate with higher priority, or equal priority and earlier or longer, covers the same words.
    case overlap(winner: String)
    /// The cue stands in the article's headline.
    case headline
    /// The content has no letters.
    case empty
    /// No speaker could be found for it.
    case noSpeaker

    public var description: String {
        switch self {
        case .overlap(let winner): return "overlaps a claim of rule '\(winner)', which wins by priority"
        case .headline: return "in the headline"
        case .empty: return "content has no letters"
        case .noSpeaker: return "no speaker: the words naming one resolve to nobody"
        }
    }
}

/// What the engine found in one text: the claims it keeps and the candidates it dropped.
public struct Extraction: Sendable {
    public var claims: [Candidate]
    public var dropped: [(Candidate, DropReason)]
}
