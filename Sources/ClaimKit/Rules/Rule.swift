/// The kind of speech a rule finds.
public enum ClaimKind: String, Sendable, CaseIterable, Codable {
    /// A quotation in quote marks.
    case direct
    /// Reported speech: a that-clause, "according to".
    case indirect
    /// Reported speech holding a quoted fragment.
    case mixed
}

/// One example a rule carries: a text it must match, and what each group must capture.
public struct RuleExample: Sendable {
    public var text: String
    /// Expected captures by group name (`speaker`, `cue`, `content`, `target`).
    public var expected: [String: String]
    public var location: SourceLocation?
}

/// An extraction rule: a PCRE2 pattern with named groups that finds one form of attribution.
public struct Rule: Sendable {
    public var id: String
    public var description: String
    public var kind: ClaimKind
    /// Higher wins where two candidates cover the same words.
    public var priority: Int
    /// Overrides the stance the cue word would give.
    public var stance: String?
    /// The pattern as written, with `@{name}` references.
    public var source: String
    /// The pattern after vocabulary expansion, as compiled.
    public var expanded: String
    public var pattern: Pattern
    public var examples: [RuleExample]
    public var counterexamples: [RuleExample]
    /// The file the rule came from.
    public var file: String
    public var location: SourceLocation?
    /// A short hash of the rule's text, stored with every claim it produces.
    public var hash: String
    /// For a response rule: rebuts, supports or responds.
    public var relation: String?
    /// For a response rule: its words may stand inside the claim's own content, where they state the
    /// speaker's purpose ("the move is meant to counter claims by X"); otherwise they are someone else's act.
    public var insideContent = false
}
