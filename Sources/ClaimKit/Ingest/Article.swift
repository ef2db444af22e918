/// One article ready for extraction: its key, metadata and body text.
public struct Article: Sendable {
    /// The file stem, with `#N` when one file holds several articles.
    public var key: String
    public var title: String?
    public var source: String?
    /// YYYY-MM-DD where known.
    public var published: String?
    /// The article's text; claim offsets point into it.
    public var body: String
    /// Where the article came from ("-" for standard input).
    public var path: String
    /// The headline's byte range in `body`: cues there make no claims.
    public var headline: ByteSpan?

    public init(
        key: String, title: String?, source: String?, published: String?, body: String, path: String,
        headline: ByteSpan?
    ) {
        self.key = key
        self.title = title
        self.source = source
        self.published = published
        self.body = body
        self.path = path
        self.headline = headline
    }

    /// A hash of the body that tells re-ingested content apart from new content.
    public var contentHash: String { ContentHash.hex(of: body) }
}
