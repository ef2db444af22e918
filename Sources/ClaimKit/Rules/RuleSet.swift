/// A known actor from the alias file: how texts name a government, an organisation or a person.
public struct ActorEntry: Sendable, Equatable {
    public var name: String
    public var kind: String
    public var aliases: [String]
}

/// A page layout: how to split a file that holds several articles, and what is boilerplate.
public struct Layout: Sendable {
    public var id: String
    public var description: String
    /// The layout applies to a file where this matches.
    public var detect: Pattern
    /// Matches the header of each article after the first; groups `title`, `source`, optional `age`.
    public var articleStart: Pattern
    /// Matches boilerplate that belongs to no article.
    public var boilerplate: Pattern?
    /// Whether the text before the first `articleStart` is an article whose first line is its title.
    public var leadArticle: Bool
}

/// Everything read from a rules folder: extraction rules, vocabularies, actors and page layouts.
public struct RuleSet: Sendable {
    public var rules: [Rule] = []
    /// Rules that find words marking a claim as a response ("rejecting concerns raised by X").
    public var responseRules: [Rule] = []
    public var vocabulary = Vocabulary()
    public var actors: [ActorEntry] = []
    public var layouts: [Layout] = []
    /// Pulls a publication date (group `published`, YYYY-MM-DD) out of an article's key.
    public var publishedFromKey: Pattern?
    /// The folders the set was read from, bundled first.
    public var directories: [String] = []

    public init() {}

    /// The rule with `id`.
    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } ?? responseRules.first { $0.id == id } }
}
