/// A span of an article: code point offsets, end exclusive, and the words there.
public struct TextSpan: Sendable, Equatable, Codable {
    public var start: Int
    public var end: Int
    public var text: String
}

/// A claim as stored, with its article and resolved speaker.
public struct StoredClaim: Sendable, Equatable {
    public var id: Int
    public var articleID: Int
    public var articleKey: String
    public var articleTitle: String?
    public var published: String?
    public var speakerID: Int?
    public var speakerName: String?
    public var speakerMention: TextSpan?
    public var cue: TextSpan
    public var content: TextSpan
    /// Code point ranges of a split quote's pieces.
    public var parts: [[Int]]?
    public var kind: String
    public var stance: String
    public var ruleID: String
    public var ruleHash: String
    public var targets: [String]
}

/// An actor with how many claims it made.
public struct ActorSummary: Sendable, Equatable {
    public var id: Int
    public var name: String
    public var kind: String
    public var claims: Int
    public var aliases: [String]
    public var roles: [String]
}
