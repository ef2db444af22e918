/// A claim and the responses to it, as a tree.
public struct ClaimThread: Sendable {
    public var claim: StoredClaim
    /// How this claim answers its parent; nil at the root.
    public var relation: String?
    public var responses: [ClaimThread]

    /// Claims in the tree, the root included.
    public var size: Int { 1 + responses.reduce(0) { $0 + $1.size } }
}

extension ClaimStore {
    /// The thread rooted at claim `id`: its responses and theirs, oldest first.
    public func thread(id: Int) throws -> ClaimThread {
        var seen: Set<Int> = []
        return try thread(id: id, relation: nil, seen: &seen)
    }

    func thread(id: Int, relation: String?, seen: inout Set<Int>) throws -> ClaimThread {
        seen.insert(id)
        let claim = try self.claim(id: id)
        let children = try db.rows(
            """
            SELECT r.from_claim_id, r.relation FROM responses r JOIN claims c ON c.id = r.from_claim_id
            JOIN articles a ON a.id = c.article_id WHERE r.to_claim_id = ?
            ORDER BY a.published, a.key, c.content_start
            """, [.int(id)]) { ($0.int(0), $0.string(1)) }
        var responses: [ClaimThread] = []
        for (child, rel) in children where !seen.contains(child) {
            responses.append(try thread(id: child, relation: rel, seen: &seen))
        }
        return ClaimThread(claim: claim, relation: relation, responses: responses)
    }

    /// What claim `id` answers, if it is a response: the answered claim's id (nil when only an actor is
    /// known), the relation and the actor.
    public func answers(of id: Int) throws -> [(to: Int?, relation: String, target: String?)] {
        try db.rows(
            "SELECT r.to_claim_id, r.relation, t.name FROM responses r LEFT JOIN actors t ON t.id = r.target_actor_id WHERE r.from_claim_id = ?",
            [.int(id)]) { ($0.optionalInt(0), $0.string(1), $0.optionalString(2)) }
    }

    /// Every thread whose root is answered but answers no claim itself, largest first; with `actor`, only
    /// threads where that actor speaks.
    public func threads(actor: String? = nil) throws -> [ClaimThread] {
        let roots = try db.rows(
            """
            SELECT DISTINCT r.to_claim_id FROM responses r WHERE r.to_claim_id IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM responses p WHERE p.from_claim_id = r.to_claim_id AND p.to_claim_id IS NOT NULL)
            """, []) { $0.int(0) }
        var threads = try roots.map { try thread(id: $0) }
        if let actor {
            let ids = Set(try actorIDs(matching: actor))
            guard !ids.isEmpty else {
                throw ClaimsError.noActor(actor)
            }
            func involves(_ t: ClaimThread) -> Bool { t.claim.speakerID.map(ids.contains) ?? false || t.responses.contains(where: involves) }
            threads = threads.filter(involves)
        }
        return threads.sorted { $0.size != $1.size ? $0.size > $1.size : $0.claim.id < $1.claim.id }
    }
}
