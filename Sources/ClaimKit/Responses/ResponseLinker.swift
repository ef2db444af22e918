import Foundation

/// Links responses that name whom they answer, but not which claim, to that actor's claims in other
/// articles: ranked by the rare words they share with the words naming what is answered (weighed as
/// bm25 weighs terms), then the earliest article and offset.
///
/// It runs for each stored article, over its responses still without a claim and over earlier ones that
/// answer someone who speaks in it: a
/// response ingested before the claim it answers is linked when the claim arrives, so either order of
/// ingest gives the same link. A link once made is kept; re-linking every response of a busy actor on every
/// article would make ingest quadratic in the archive.
struct ResponseLinker {
    let db: Database
    /// How many of the answered actor's latest claims a response is ranked against.
    static let candidateLimit = 2000

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
        // Ranked here rather than by FTS5: a full-text query inside the ingest transaction makes FTS5
        // write its pending index first, once per response, which costs more than the whole article.
        let terms = Self.terms(words)
        if !terms.isEmpty {
            // The actor's latest claims, put back in order so that a tie goes to the earliest.
            let candidates = try db.rows(
                """
                SELECT c.id, c.content_text FROM claims c JOIN articles a ON a.id = c.article_id
                WHERE c.speaker_id = ? AND c.article_id <> ? AND c.id <> ?
                ORDER BY a.published DESC, a.key DESC, c.content_start DESC LIMIT \(Self.candidateLimit)
                """, [.int(actor), .int(excludingArticle), .int(from)]) { ($0.int(0), Self.stems($0.string(1))) }
            if let best = Self.best(terms, Array(candidates.reversed())) { return best }
        }
        return try db.scalar(
            """
            SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id
            WHERE c.speaker_id = ? AND c.article_id <> ? ORDER BY a.published, a.key, c.content_start LIMIT 1
            """, [.int(actor), .int(excludingArticle)])?.int
    }

    /// The words that name what a response answers: the twelve longest distinct words of four letters or
    /// more that are not common, as stems.
    static func terms(_ words: String) -> [String] {
        let lowered = words.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        let distinct = Set(lowered.filter { $0.count > 3 && !common.contains($0) })
        let longestFirst = distinct.sorted { a, b in a.count != b.count ? a.count > b.count : a < b }
        return Array(Set(longestFirst.prefix(12).map(stem)))
    }

    /// A word's stem, enough to match "warned" with "warning": its first five letters.
    static func stem(_ word: String) -> String { String(word.prefix(5)) }

    static func stems(_ text: String) -> Set<String> {
        Set(text.lowercased().split(whereSeparator: { !$0.isLetter }).filter { $0.count > 3 }.map { stem(String($0)) })
    }

    /// The candidate sharing the rarest terms with the response (each term weighs by how few candidates
    /// hold it, as in bm25), the earliest on a tie; nil when none shares a term.
    static func best(_ terms: [String], _ candidates: [(Int, Set<String>)]) -> Int? {
        let n = Double(candidates.count)
        var weight: [String: Double] = [:]
        for term in terms {
            let holding = Double(candidates.filter { $0.1.contains(term) }.count)
            if holding > 0 { weight[term] = log((n - holding + 0.5) / (holding + 0.5) + 1) }
        }
        guard !weight.isEmpty else { return nil }
        var best: (id: Int, score: Double)?
        for (id, stems) in candidates {
            let score = weight.reduce(0) { $0 + (stems.contains($1.key) ? $1.value : 0) }
            if score > 0, score > (best?.score ?? 0) { best = (id, score) }
        }
        return best?.id
    }
}
