/// Links responses that name whom they answer, but not which claim, to that actor's claims in other
/// articles: ranked by FTS5 bm25 over the response's words, then the earliest article and offset.
///
/// It re-runs for every actor an ingest touched, over all their responses, so the links depend on what
/// is stored, not on the order it arrived in.
struct ResponseLinker {
    let db: Database
    static let common: Set<String> = ["that", "this", "with", "from", "have", "were", "said", "says", "their", "there", "which", "would", "about", "been", "they", "what", "will", "made", "raised", "claims", "comments"]

    /// Re-links every cross-article response answering one of `actors`.
    func relink(answering actors: Set<Int>) throws {
        for actor in actors.sorted() {
            let open = try db.rows(
                """
                SELECT r.id, r.from_claim_id, r.evidence, c.content_text, c.article_id
                FROM responses r JOIN claims c ON c.id = r.from_claim_id
                LEFT JOIN claims t ON t.id = r.to_claim_id
                WHERE r.target_actor_id = ? AND (r.to_claim_id IS NULL OR t.article_id <> c.article_id)
                """, [.int(actor)]) { ($0.int(0), $0.int(1), $0.string(2), $0.string(3), $0.int(4)) }
            for (responseID, fromID, evidence, _, articleID) in open {
                // The words naming what is answered rank the candidates; the whole content would make
                // every query match most of the archive.
                let best = try bestClaim(of: actor, words: evidence, excludingArticle: articleID, from: fromID)
                try db.run("UPDATE responses SET to_claim_id = ? WHERE id = ?", [.optional(best), .int(responseID)])
            }
        }
    }

    func bestClaim(of actor: Int, words: String, excludingArticle: Int, from: Int) throws -> Int? {
        let terms = Array(Set(words.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count > 3 && !Self.common.contains($0) }).sorted().prefix(8))
        if !terms.isEmpty {
            let query = terms.map { "\"\($0)\"" }.joined(separator: " OR ")
            let ranked = try db.rows(
                """
                SELECT c.id FROM claims_fts f JOIN claims c ON c.id = f.rowid JOIN articles a ON a.id = c.article_id
                WHERE claims_fts MATCH ? AND c.speaker_id = ? AND c.article_id <> ? AND c.id <> ?
                ORDER BY bm25(claims_fts), a.published, a.key, c.content_start LIMIT 1
                """, [.text(query), .int(actor), .int(excludingArticle), .int(from)]) { $0.int(0) }
            if let id = ranked.first { return id }
        }
        return try db.scalar(
            """
            SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id
            WHERE c.speaker_id = ? AND c.article_id <> ? ORDER BY a.published, a.key, c.content_start LIMIT 1
            """, [.int(actor), .int(excludingArticle)])?.int
    }
}
