import Foundation

/// The claims database: opens and migrates it, stores articles with their claims, and answers queries.
public final class ClaimStore {
    public let db: Database

    /// Opens the database at `path` and applies any migrations it lacks.
    public init(path: String, migrations: URL? = nil) throws {
        db = try Database(path: path)
        let directory = try migrations ?? ResourceLocator.migrationsDirectory()
        try Migrator(directory: directory).migrate(db)
    }

    /// What happened to one article.
    public enum Outcome: Sendable, Equatable {
        case inserted(id: Int, claims: Int)
        case replaced(id: Int, claims: Int)
        /// The same content is already stored (under `existingKey`).
        case skipped(existingKey: String)
    }

    /// A claim ready to store: byte spans resolved to an actor.
    public struct Pending {
        public var candidate: Candidate
        public var speaker: ActorRef?
        public var targets: [(ByteSpan, ActorRef)]
    }

    /// Stores one article and its claims in one transaction: all of it, or nothing.
    public func store(_ article: Article, text: UTF8Text, claims: [Pending], responses: [DetectedResponse] = []) throws -> Outcome {
        try db.transaction { () throws -> Outcome in
            let hash = article.contentHash
            if let existing = try db.scalar(
                "SELECT key FROM articles WHERE content_hash = ? AND body = ? LIMIT 1", [.text(hash), .text(article.body)])?
                .string
            {
                return .skipped(existingKey: existing)
            }
            var replaced = false
            if let old = try db.scalar("SELECT id FROM articles WHERE key = ?", [.text(article.key)])?.int {
                try db.run("DELETE FROM articles WHERE id = ?", [.int(old)])
                replaced = true
            }
            var sourceID: SQLValue = .null
            if let source = article.source {
                try db.run("INSERT INTO sources(name) VALUES (?) ON CONFLICT(name) DO NOTHING", [.text(source)])
                sourceID = try db.scalar("SELECT id FROM sources WHERE name = ?", [.text(source)]) ?? .null
            }
            try db.run(
                "INSERT INTO articles(key, title, source_id, published, body, content_hash, path) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [.text(article.key), .optional(article.title), sourceID, .optional(article.published), .text(article.body),
                 .text(hash), .text(article.path)])
            let articleID = Int(db.lastInsertRowID)
            var actorCache: [ActorRef: Int] = [:]
            var claimIDs: [Int] = []
            for claim in claims {
                claimIDs.append(try insert(claim, articleID: articleID, text: text, actorCache: &actorCache))
            }
            var answeredActors: Set<Int> = []
            for r in responses {
                let target = try r.answered.map { try actorID($0, cache: &actorCache) }
                if let target { answeredActors.insert(target) }
                try db.run(
                    "INSERT INTO responses(from_claim_id, to_claim_id, target_actor_id, relation, rule_id, evidence) VALUES (?, ?, ?, ?, ?, ?)",
                    [.int(claimIDs[r.from]), r.to.map { .int(claimIDs[$0]) } ?? .null, .optional(target), .text(r.relation),
                     .text(r.ruleID), .text([r.object ?? "", r.evidence].joined(separator: "\u{1F}"))])
            }
            // Responses anywhere that answer someone who spoke here may now find the claim they answer.
            let speakers = Set(claims.compactMap { $0.speaker }.compactMap { actorCache[$0] })
            try ResponseLinker(db: db).relink(answering: speakers.union(answeredActors))
            return replaced ? .replaced(id: articleID, claims: claims.count) : .inserted(id: articleID, claims: claims.count)
        }
    }

    @discardableResult
    func insert(_ claim: Pending, articleID: Int, text: UTF8Text, actorCache: inout [ActorRef: Int]) throws -> Int {
        let c = claim.candidate
        func cp(_ b: Int) -> SQLValue { .int(text.codePointOffset(ofByte: b)) }
        var speakerID: SQLValue = .null
        if let speaker = claim.speaker { speakerID = .int(try actorID(speaker, cache: &actorCache)) }
        let content = c.content
        let parts: SQLValue = c.parts.count > 1
            ? .text("[" + c.parts.map { "[\(text.codePointOffset(ofByte: $0.lowerBound)),\(text.codePointOffset(ofByte: $0.upperBound))]" }.joined(separator: ",") + "]")
            : .null
        let contentText = c.parts.count > 1 ? c.parts.map { text.string($0) }.joined(separator: " … ") : text.string(content)
        try db.run(
            """
            INSERT INTO claims(article_id, speaker_id, speaker_start, speaker_end, speaker_text, cue_start, cue_end, cue_text,
                content_start, content_end, content_text, content_parts, kind, stance, rule_id, rule_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [.int(articleID), speakerID,
             c.speaker.map { cp($0.lowerBound) } ?? .null, c.speaker.map { cp($0.upperBound) } ?? .null,
             c.speaker.map { .text(text.string($0)) } ?? .null,
             cp(c.cue.lowerBound), cp(c.cue.upperBound), .text(text.string(c.cue)),
             cp(content.lowerBound), cp(content.upperBound), .text(contentText), parts,
             .text(c.kind.rawValue), .text(c.stance), .text(c.ruleID), .text(c.ruleHash)])
        let claimID = Int(db.lastInsertRowID)
        for (span, target) in claim.targets {
            let id = try actorID(target, cache: &actorCache)
            try db.run(
                "INSERT OR IGNORE INTO claim_targets(claim_id, actor_id, mention_start, mention_end, mention_text) VALUES (?, ?, ?, ?, ?)",
                [.int(claimID), .int(id), cp(span.lowerBound), cp(span.upperBound), .text(text.string(span))])
        }
        return claimID
    }

    /// Finds the stored actor an `ActorRef` names, or creates it, recording aliases and role.
    public func actorID(_ actor: ActorRef, cache: inout [ActorRef: Int]) throws -> Int {
        if let id = cache[actor] { return id }
        var id: Int?
        // A full name, or a name a user or the alias file gave, wins; a bare surname takes the actor most
        // recently seen with it.
        id = try db.scalar(
            """
            SELECT a.id FROM actor_aliases l JOIN actors a ON a.id = l.actor_id
            WHERE l.alias = ? AND (a.kind = ? OR l.manual = 1) ORDER BY l.manual DESC, a.id DESC LIMIT 1
            """, [.text(actor.name), .text(actor.kind)])?.int
        if id == nil, actor.kind == "anonymous", let role = Optional(actor.name) {
            id = try db.scalar(
                "SELECT actor_id FROM actor_roles WHERE role = ? ORDER BY actor_id DESC LIMIT 1", [.text(role)])?.int
        }
        if id == nil {
            try db.run(
                "INSERT INTO actors(name, kind, gender) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                [.text(actor.name), .text(actor.kind), .optional(actor.gender)])
            id = try db.scalar("SELECT id FROM actors WHERE name = ? COLLATE NOCASE AND kind = ?", [.text(actor.name), .text(actor.kind)])?.int
            try db.run("INSERT OR IGNORE INTO actor_aliases(alias, actor_id) VALUES (?, ?)", [.text(actor.name), .optional(id)])
        }
        guard let id else { throw StoreError(code: .sqlite, message: "could not create actor '\(actor.name)'") }
        for alias in actor.aliases {
            try db.run("INSERT OR IGNORE INTO actor_aliases(alias, actor_id) VALUES (?, ?)", [.text(alias), .int(id)])
        }
        if let role = actor.role, !role.isEmpty {
            try db.run("INSERT OR IGNORE INTO actor_roles(actor_id, role) VALUES (?, ?)", [.int(id), .text(role)])
        }
        if let gender = actor.gender {
            try db.run("UPDATE actors SET gender = ? WHERE id = ? AND gender IS NULL", [.text(gender), .int(id)])
        }
        cache[actor] = id
        return id
    }
}
