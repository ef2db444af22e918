import Foundation

extension ClaimStore {
    static let claimColumns = """
        c.id, c.article_id, a.key, a.title, a.published, c.speaker_id, s.name,
        c.speaker_start, c.speaker_end, c.speaker_text, c.cue_start, c.cue_end, c.cue_text,
        c.content_start, c.content_end, c.content_text, c.content_parts, c.kind, c.stance, c.rule_id, c.rule_hash,
        (SELECT group_concat(t.name, char(31)) FROM claim_targets ct JOIN actors t ON t.id = ct.actor_id WHERE ct.claim_id = c.id)
        """
    static let claimFrom = "FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN actors s ON s.id = c.speaker_id"

    static func claim(_ row: Row) -> StoredClaim {
        var mention: TextSpan?
        if let start = row.optionalInt(7), let end = row.optionalInt(8) {
            mention = TextSpan(start: start, end: end, text: row.string(9))
        }
        var parts: [[Int]]?
        if let json = row.optionalString(16), let data = json.data(using: .utf8) {
            parts = try? JSONDecoder().decode([[Int]].self, from: data)
        }
        return StoredClaim(
            id: row.int(0), articleID: row.int(1), articleKey: row.string(2), articleTitle: row.optionalString(3),
            published: row.optionalString(4), speakerID: row.optionalInt(5), speakerName: row.optionalString(6),
            speakerMention: mention, cue: TextSpan(start: row.int(10), end: row.int(11), text: row.string(12)),
            content: TextSpan(start: row.int(13), end: row.int(14), text: row.string(15)), parts: parts,
            kind: row.string(17), stance: row.string(18), ruleID: row.string(19), ruleHash: row.string(20),
            targets: row.optionalString(21).map { $0.components(separatedBy: "\u{1F}") } ?? [])
    }

    /// The ids of actors a user's name for them matches: any alias or name, any case.
    public func actorIDs(matching name: String) throws -> [Int] {
        let ids = try db.rows(
            """
            SELECT actor_id FROM actor_aliases WHERE alias = ?
            UNION SELECT id FROM actors WHERE name = ? COLLATE NOCASE
            """, [.text(name), .text(name)]) { $0.int(0) }
        return Array(Set(ids)).sorted()
    }

    /// Claims by an actor (any alias, any case), oldest article first; `since` is YYYY-MM-DD.
    public func claims(byActor name: String, since: String? = nil, limit: Int = 10_000) throws -> [StoredClaim] {
        let ids = try actorIDs(matching: name)
        guard !ids.isEmpty else {
            throw ClaimsError.noActor(name)
        }
        var out: [StoredClaim] = []
        for id in ids {
            out += try db.rows(
                """
                SELECT \(Self.claimColumns) \(Self.claimFrom)
                WHERE c.speaker_id = ? AND (? IS NULL OR a.published >= ?)
                ORDER BY a.published, a.id, c.content_start LIMIT ?
                """, [.int(id), .optional(since), .optional(since), .int(limit)], Self.claim)
        }
        return out.sorted { ($0.published ?? "", $0.articleID, $0.content.start) < ($1.published ?? "", $1.articleID, $1.content.start) }
    }

    /// One claim by id.
    public func claim(id: Int) throws -> StoredClaim {
        let rows = try db.rows("SELECT \(Self.claimColumns) \(Self.claimFrom) WHERE c.id = ?", [.int(id)], Self.claim)
        guard let claim = rows.first else {
            throw ClaimsError(code: .notFound, message: "no claim has id \(id); `claims list --actor NAME` shows claim ids")
        }
        return claim
    }

    /// Every claim, in article and text order.
    public func allClaims() throws -> [StoredClaim] {
        try db.rows("SELECT \(Self.claimColumns) \(Self.claimFrom) ORDER BY c.article_id, c.content_start", [], Self.claim)
    }

    /// How many of the newest matches a search ranks: ranking every match of a common word in a large
    /// archive takes hundreds of milliseconds, the newest thousand about a millisecond.
    static let rankedWindow = 1_000

    /// Full-text search over claim content (FTS5 syntax): the best matches among the newest
    /// `rankedWindow` claims that match, ranked by `claims_rank` (BM25 term frequency and length, without
    /// the inverse document frequency whose count scans a common word's whole posting list).
    public func search(_ query: String, limit: Int = 50) throws -> [StoredClaim] {
        do {
            return try db.rows(
                """
                SELECT \(Self.claimColumns) FROM (
                    SELECT id, rank FROM (
                        SELECT rowid AS id, claims_rank(claims_fts) AS rank FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rowid DESC LIMIT ?
                    ) ORDER BY rank LIMIT ?
                ) f JOIN claims c ON c.id = f.id
                JOIN articles a ON a.id = c.article_id LEFT JOIN actors s ON s.id = c.speaker_id
                ORDER BY f.rank
                """, [.text(query), .int(Self.rankedWindow), .int(limit)], Self.claim)
        } catch let error as StoreError where error.resultCode.map({ $0 & 0xFF == 1 }) ?? false {
            throw ClaimsError(
                code: .query,
                message: "search query '\(query)' is not valid FTS5 syntax (\(error.message)); put phrases in double quotes, e.g. '\"peace talks\"'",
                cause: error)
        }
    }

    /// Every actor with its claim count, most claims first.
    public func actors() throws -> [ActorSummary] {
        try db.rows(
            """
            SELECT a.id, a.name, a.kind, (SELECT count(*) FROM claims c WHERE c.speaker_id = a.id) AS n,
                (SELECT group_concat(alias, char(31)) FROM actor_aliases WHERE actor_id = a.id AND alias <> a.name),
                (SELECT group_concat(role, char(31)) FROM actor_roles WHERE actor_id = a.id)
            FROM actors a ORDER BY n DESC, a.name
            """, []) { row in
            ActorSummary(
                id: row.int(0), name: row.string(1), kind: row.string(2), claims: row.int(3),
                aliases: row.optionalString(4).map { $0.components(separatedBy: "\u{1F}") } ?? [],
                roles: row.optionalString(5).map { $0.components(separatedBy: "\u{1F}") } ?? [])
        }
    }

    /// Articles for the export: id, key, title, source, published.
    public func articles() throws -> [(id: Int, key: String, title: String?, source: String?, published: String?)] {
        try db.rows(
            "SELECT a.id, a.key, a.title, s.name, a.published FROM articles a LEFT JOIN sources s ON s.id = a.source_id ORDER BY a.id",
            []) { ($0.int(0), $0.string(1), $0.optionalString(2), $0.optionalString(3), $0.optionalString(4)) }
    }

    /// Responses for the export.
    public func responses() throws -> [(id: Int, from: Int, to: Int?, relation: String, target: String?)] {
        try db.rows(
            "SELECT r.id, r.from_claim_id, r.to_claim_id, r.relation, t.name FROM responses r LEFT JOIN actors t ON t.id = r.target_actor_id ORDER BY r.id",
            []) { ($0.int(0), $0.int(1), $0.optionalInt(2), $0.string(3), $0.optionalString(4)) }
    }
}
