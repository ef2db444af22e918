/// Links responses that name whom they answer, but not which claim, to that actor's claims in other
/// articles: ranked by FTS5 bm25 over the words naming what is answered, then the earliest article and
/// offset.
///
/// It runs for each stored article, over its responses still without a claim and over earlier ones that
/// answer someone who speaks in it: a
/// response ingested before the claim it answers is linked when the claim arrives, so either order of
/// ingest gives the same link. A link once made is kept; re-linking every response of a busy actor on every
/// article would make ingest quadratic in the archive.
struct ResponseLinker {
    let db: Database
    static let common: Set<String> = ["that", "this", "with", "from", "have", "were", "said", "says", "their", "there", "which", "would", "about", "been", "they", "what", "will", "made", "raised", "claims", "comments"]

    /// Links the responses of article `articleID` that have no claim yet, and every earlier response
    /// without a claim that answers one of `speakers` (who just said something).
    func link(articleID: Int, answering speakers: Set<Int>) throws {
        var open = try db.rows(
            """
            SELECT r.id, r.target_actor_id, r.from_claim_id, r.evidence, c.article_id
            FROM responses r JOIN claims c ON c.id = r.from_claim_id
            WHERE c.article_id = ? AND r.to_claim_id IS NULL AND r.target_actor_id IS NOT NULL ORDER BY r.id
            """, [.int(articleID)]) { ($0.int(0), $0.int(1), $0.int(2), $0.string(3), $0.int(4)) }
        for actor in speakers.sorted() {
            open += try db.rows(
                """
                SELECT r.id, r.target_actor_id, r.from_claim_id, r.evidence, c.article_id
                FROM responses r JOIN claims c ON c.id = r.from_claim_id
                WHERE r.target_actor_id = ? AND r.to_claim_id IS NULL AND c.article_id <> ? ORDER BY r.id
                """, [.int(actor), .int(articleID)]) { ($0.int(0), $0.int(1), $0.int(2), $0.string(3), $0.int(4)) }
        }
        for (responseID, actor, fromID, evidence, fromArticle) in open {
            // Only the words naming what is answered rank the candidates: the response's own content says
            // what the responder thinks, not which claim they answer.
            guard let best = try bestClaim(of: actor, words: evidence, excludingArticle: fromArticle, from: fromID) else {
                continue
            }
            try db.run("UPDATE responses SET to_claim_id = ? WHERE id = ?", [.int(best), .int(responseID)])
        }
    }

    /// The answered actor's claim in another article that the words `words` name: first one whose cue is
    /// the act they name ("accusation" -> "accused"), then the best FTS5 match, then the earliest.
    func bestClaim(of actor: Int, words: String, excludingArticle: Int, from: Int) throws -> Int? {
        let stems = Set(words.lowercased().split(whereSeparator: { !$0.isLetter }).filter { $0.count >= 5 }.map { String($0.prefix(5)) })
        let byCue = try db.rows(
            """
            SELECT c.id, c.cue_text FROM claims c JOIN articles a ON a.id = c.article_id
            WHERE c.speaker_id = ? AND c.article_id <> ? AND c.id <> ? ORDER BY a.published, a.key, c.content_start LIMIT 200
            """, [.int(actor), .int(excludingArticle), .int(from)]) { ($0.int(0), $0.string(1)) }
        for (id, cue) in byCue {
            let cueStems = cue.lowercased().split(whereSeparator: { !$0.isLetter }).filter { $0.count >= 5 }.map { String($0.prefix(5)) }
            if cueStems.contains(where: stems.contains) { return id }
        }
        let lowered: [String] = words.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        let distinct: Set<String> = Set(lowered.filter { $0.count > 3 && !Self.common.contains($0) })
        let longestFirst: [String] = distinct.sorted { a, b in a.count != b.count ? a.count > b.count : a < b }
        let terms = Array(longestFirst.prefix(12))
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
