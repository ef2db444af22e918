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
            try storeInTransaction(article, text: text, claims: claims, responses: responses)
        }
    }

    /// Stores many analysed articles in one transaction; an article that fails leaves no trace, and the
    /// others are kept.
    ///
    /// The batch is first written without savepoints: FTS5 writes its pending index to disk at every
    /// savepoint, which costs more than storing the article. Should any article fail, that transaction
    /// is rolled back and the batch written again with a savepoint per article, in the same order, so
    /// the result is the same as if every article had had its own savepoint all along.
    public func store(batch: [(Article, Analyzer.Analysis)]) throws -> [Result<Outcome, any Error>] {
        do {
            return try db.transaction {
                try batch.map { (article, analysis) -> Result<Outcome, any Error> in
                    .success(
                        try storeInTransaction(
                            article, text: analysis.text, claims: analysis.claims, responses: analysis.responses))
                }
            }
        } catch {
            return try storeOneByOne(batch)
        }
    }

    /// The slow path of `store(batch:)`: a savepoint per article.
    func storeOneByOne(_ batch: [(Article, Analyzer.Analysis)]) throws -> [Result<Outcome, any Error>] {
        try db.transaction {
            var results: [Result<Outcome, any Error>] = []
            for (article, analysis) in batch {
                do {
                    try db.execute("SAVEPOINT article")
                    let outcome = try storeInTransaction(
                        article, text: analysis.text, claims: analysis.claims, responses: analysis.responses)
                    try db.execute("RELEASE article")
                    results.append(.success(outcome))
                } catch {
                    try? db.execute("ROLLBACK TO article")
                    try? db.execute("RELEASE article")
                    results.append(.failure(error))
                }
            }
            return results
        }
    }

    func storeInTransaction(_ article: Article, text: UTF8Text, claims: [Pending], responses: [DetectedResponse]) throws -> Outcome {
        do {
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
            _ = try writeClaims(articleID: articleID, text: text, claims: claims, responses: responses)
            return replaced ? .replaced(id: articleID, claims: claims.count) : .inserted(id: articleID, claims: claims.count)
        }
    }

    /// How many stored actors sharing a name are weighed against each other.
    static let candidateLimit = 8
    /// Claims counted for each of them: enough to tell a public figure from a passing namesake.
    static let prominenceCap = 500

    /// Of several actors sharing a name (newest first), the one that name most likely means: one seen with
    /// the same role ("President Obama" is the Obama seen as president, not the first lady), then the one
    /// with the most claims (a bare "Obama" in the news is rarely the namesake quoted once), then the newest.
    func likeliest(_ ids: [Int], role: String?) throws -> Int {
        var best: (id: Int, key: (Int, Int))?
        for id in ids {
            let sameRole = try role.map {
                try db.scalar("SELECT 1 FROM actor_roles WHERE actor_id = ? AND role = ?", [.int(id), .text($0)]) != nil
            } ?? false
            let claims = try db.scalar(
                "SELECT count(*) FROM (SELECT 1 FROM claims WHERE speaker_id = ? LIMIT \(Self.prominenceCap))", [.int(id)])?.int ?? 0
            let key = (sameRole ? 1 : 0, claims)
            if best == nil || key > best!.key { best = (id, key) }
        }
        return best?.id ?? ids[0]
    }

    /// Finds the stored actor an `ActorRef` names, or creates it, recording aliases and role.
    public func actorID(_ actor: ActorRef, cache: inout [ActorRef: Int]) throws -> Int {
        if let id = cache[actor] { return id }
        var id: Int?
        // A full name, or a name a user or the alias file gave, wins. A name that several stored actors
        // share (a bare surname) goes to one whose gender does not contradict this one's ("Clinton ... she"
        // is not the male Clinton of another article); among those, see `likeliest`.
        let surnameGender: SQLValue = actor.kind == "person" && !actor.name.contains(" ") ? .optional(actor.gender) : .null
        let candidates = try db.rows(
            """
            SELECT a.id, l.manual FROM actor_aliases l JOIN actors a ON a.id = l.actor_id
            WHERE l.alias = ? AND (a.kind = ? OR l.manual = 1)
              AND (l.manual = 1 OR ?3 IS NULL OR a.gender IS NULL OR a.gender = ?3)
            ORDER BY l.manual DESC, a.id DESC LIMIT \(Self.candidateLimit)
            """, [.text(actor.name), .text(actor.kind), surnameGender]) { (id: $0.int(0), manual: $0.int(1) == 1) }
        if let first = candidates.first {
            id = first.manual || candidates.count == 1 ? first.id : try likeliest(candidates.map(\.id), role: actor.role)
        }
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
