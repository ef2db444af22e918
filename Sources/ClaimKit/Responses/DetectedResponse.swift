/// A claim found to answer someone, before it is stored.
public struct DetectedResponse: Sendable, Equatable {
    /// The index of the responding claim in the article's claims.
    public var from: Int
    /// The index of the answered claim in the same article, when it is there.
    public var to: Int?
    public var relation: String
    /// Whom the claim answers.
    public var answered: ActorRef?
    /// Words naming what is answered ("concerns", "the memorandum"), used to find the claim across articles.
    public var object: String?
    /// The rule, or built-in reason, that made it a response.
    public var ruleID: String
    /// The words that triggered it.
    public var evidence: String
}
