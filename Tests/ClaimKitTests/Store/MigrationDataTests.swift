import Foundation
import Testing

@testable import ClaimKit

/// Data written under every older schema survives migrating to the newest one.
///
/// For each bundled migration k, a database is taken to migration k only, filled, then migrated with every
/// bundled migration; all the rows must still be there, with their values, and pass the foreign key check.
/// The rows are written with plain SQL as schema 1 knows them (right after migration 1), then migrations
/// 2..k run, then `filler(after:)` adds rows only a later schema can hold. When you add a migration that gives
/// data a new home, add a filler for it below; the test already runs your migration over old data.
@Suite struct MigrationDataTests {
    static func bundled() throws -> [Migration] { try Migrator(directory: ResourceLocator.migrationsDirectory()).migrations }

    /// Rows for a schema at migration `id` or later, written right after that migration is applied.
    static func filler(after id: Int) -> ((Database) throws -> Void)? {
        switch id {
        case 1: return fillSchema1
        default: return nil
        }
    }

    /// One of everything schema 1 holds, as plain SQL: a source, an article, actors with an alias and a role,
    /// two claims (one a split quotation), a target and a response.
    static func fillSchema1(_ db: Database) throws {
        let body = "Lighthouse keeper Maren Tveit said the lamp would be replaced. “It is forty years old,” Tveit said. Harbour chief Olaf Berg rejected Tveit's claim."
        try db.execute(
            """
            INSERT INTO sources(id, name) VALUES (1, 'Coast Gazette');
            INSERT INTO actors(id, name, kind, gender) VALUES (1, 'Maren Tveit', 'person', 'female'), (2, 'Olaf Berg', 'person', NULL),
                (3, 'Harbour Authority', 'organisation', NULL);
            INSERT INTO actor_aliases(alias, actor_id, manual) VALUES ('Maren Tveit', 1, 0), ('Tveit', 1, 0), ('the keeper', 1, 1),
                ('Olaf Berg', 2, 0);
            INSERT INTO actor_roles(actor_id, role) VALUES (1, 'Lighthouse keeper'), (2, 'Harbour chief');
            """)
        try db.run(
            "INSERT INTO articles(id, key, title, source_id, published, body, content_hash, path) VALUES (1, ?, ?, 1, '2024-11-02', ?, ?, ?)",
            ["coast_2024-11-02_lamp", "Old lamp to go", .text(body), "hash-of-lamp", "/corpus/coast_2024-11-02_lamp.txt"])
        try db.execute(
            """
            INSERT INTO claims(id, article_id, speaker_id, speaker_start, speaker_end, speaker_text, cue_start, cue_end, cue_text,
                content_start, content_end, content_text, content_parts, kind, stance, rule_id, rule_hash)
            VALUES
                (1, 1, 1, 0, 29, 'Lighthouse keeper Maren Tveit', 30, 34, 'said', 35, 61, 'the lamp would be replaced', NULL,
                 'indirect', 'neutral', 'speaker-cue-clause', 'h1'),
                (2, 1, 1, 88, 93, 'Tveit', 94, 98, 'said', 63, 87, '“It is forty years old,”', '[[63,87]]',
                 'direct', 'neutral', 'quote-speaker-cue', 'h2'),
                (3, 1, 2, 100, 123, 'Harbour chief Olaf Berg', 124, 132, 'rejected', 133, 146, 'Tveit''s claim', NULL,
                 'indirect', 'denial', 'speaker-denies-claim', 'h3');
            INSERT INTO claim_targets(claim_id, actor_id, mention_start, mention_end, mention_text) VALUES (3, 1, 133, 138, 'Tveit');
            INSERT INTO responses(id, from_claim_id, to_claim_id, target_actor_id, relation, rule_id, evidence)
                VALUES (1, 3, 1, 1, 'rebuts', 'refutes-possessive-claim', 'claim');
            """)
    }

    /// Checks that the schema-1 rows are all still there, with their values.
    static func checkSchema1Data(_ db: Database) throws {
        for (table, count) in [
            ("sources", 1), ("articles", 1), ("actors", 3), ("actor_aliases", 4), ("actor_roles", 2), ("claims", 3),
            ("claim_targets", 1), ("responses", 1),
        ] {
            #expect(try db.scalar("SELECT count(*) FROM \(table)")?.int == count, "\(table)")
        }
        #expect(try db.scalar("SELECT key FROM articles WHERE id = 1")?.string == "coast_2024-11-02_lamp")
        #expect(try db.scalar("SELECT published FROM articles WHERE id = 1")?.string == "2024-11-02")
        #expect(try db.scalar("SELECT s.name FROM articles a JOIN sources s ON s.id = a.source_id")?.string == "Coast Gazette")
        #expect(try db.scalar("SELECT actor_id FROM actor_aliases WHERE alias = 'THE KEEPER' AND manual = 1")?.int == 1)
        #expect(try db.scalar("SELECT content_text FROM claims WHERE id = 2")?.string == "“It is forty years old,”")
        #expect(try db.scalar("SELECT content_parts FROM claims WHERE id = 2")?.string == "[[63,87]]")
        #expect(try db.scalar("SELECT stance FROM claims WHERE id = 3")?.string == "denial")
        #expect(try db.scalar("SELECT to_claim_id FROM responses WHERE from_claim_id = 3")?.int == 1)
        // The offsets still slice the body (substr counts characters, 1-based).
        for column in ["content", "cue", "speaker"] {
            #expect(try db.scalar(
                """
                SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id
                WHERE substr(a.body, c.\(column)_start + 1, c.\(column)_end - c.\(column)_start) = c.\(column)_text
                """)?.int == 3, "\(column) offsets")
        }
        // The full-text index covers the old claims.
        #expect(try db.rows("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'lamp' ORDER BY rowid") { $0.int(0) } == [1])
    }

    static func assertHealthy(_ db: Database, _ label: String) throws {
        #expect(try db.rows("PRAGMA foreign_key_check") { "\($0.string(0)) row \($0.int(1))" } == [], "\(label)")
        #expect(try db.rows("PRAGMA integrity_check") { $0.string(0) } == ["ok"], "\(label)")
        try db.execute("INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)")
    }

    @Test func dataFromEverySchemaSurvivesMigratingToTheNewest() throws {
        let all = try Self.bundled()
        try #require(all.first?.id == 1)
        for k in 1...all.count {
            try withScratch { scratch in
                let label = "database at migration \(all[k - 1].id) of \(all.last!.id)"
                let path = scratch.path("at-\(k).sqlite")
                do {
                    let db = try Database(path: path)
                    // Apply 1..k, filling each schema right after its migration when a filler is registered.
                    for step in 1...k {
                        try Migrator(migrations: Array(all.prefix(step))).migrate(db)
                        try Self.filler(after: all[step - 1].id)?(db)
                    }
                    #expect(try db.rows("SELECT id FROM schema_migrations ORDER BY id") { $0.int(0) } == all.prefix(k).map(\.id))
                    try Self.assertHealthy(db, label)
                }
                // Now as a user would: open it with this build, which applies whatever is missing.
                let store = try ClaimStore(path: path)
                #expect(try store.db.rows("SELECT id FROM schema_migrations ORDER BY id") { $0.int(0) } == all.map(\.id), "\(label)")
                try Self.assertHealthy(store.db, label)
                try Self.checkSchema1Data(store.db)
                // The product reads the old rows through its own queries too.
                let keeper = try store.claims(byActor: "the keeper")
                #expect(keeper.map(\.content.text) == ["the lamp would be replaced", "“It is forty years old,”"], "\(label)")
                #expect(try store.search("forty").map(\.id) == [2])
                let export = try Exporter(store: store).lines()
                #expect(export.count == 1 + 3 + 1, "\(label): \(export)")
                // And it can write to it.
                try ingestText(
                    "Lamp arrives\n\nEngineer Siv Rokke said the new lamp arrived by boat on Friday.\n", as: "in/lamp.txt", into: store, scratch)
                #expect(try store.count("articles") == 2)
                try Self.assertHealthy(store.db, label)
            }
        }
    }

    /// A migration's schema is the same whether a database reached it in steps or all at once.
    @Test func steppedAndFreshSchemasAgree() throws {
        let all = try Self.bundled()
        func schema(_ db: Database) throws -> [String] {
            try db.rows("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name") {
                "\($0.string(0)) \($0.string(1)) \($0.string(2)) \($0.string(3))"
            }
        }
        try withScratch { scratch in
            let fresh = try Database(path: scratch.path("fresh.sqlite"))
            try Migrator(migrations: all).migrate(fresh)
            let stepped = try Database(path: scratch.path("stepped.sqlite"))
            for k in 1...all.count { try Migrator(migrations: Array(all.prefix(k))).migrate(stepped) }
            #expect(try schema(stepped) == schema(fresh))
        }
    }

    /// SQLite's documented way to change a table — create the new one, copy, drop the old, rename — run as a
    /// migration must keep the rows of the tables that point at it: the Migrator turns foreign keys off
    /// around migrations, so `DROP TABLE claims` does not cascade, and checks them before each commit.
    @Test func aTableRebuildMigrationKeepsTheRowsThatPointAtIt() throws {
        let rebuild = Migration(
            id: 9_000, name: "rebuild_claims_with_confidence",
            sql: """
                CREATE TABLE claims_new (
                    id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                    speaker_id INTEGER REFERENCES actors(id), speaker_start INTEGER, speaker_end INTEGER, speaker_text TEXT,
                    cue_start INTEGER NOT NULL, cue_end INTEGER NOT NULL, cue_text TEXT NOT NULL,
                    content_start INTEGER NOT NULL, content_end INTEGER NOT NULL, content_text TEXT NOT NULL, content_parts TEXT,
                    kind TEXT NOT NULL, stance TEXT NOT NULL DEFAULT 'neutral', rule_id TEXT NOT NULL, rule_hash TEXT NOT NULL,
                    confidence REAL);
                INSERT INTO claims_new SELECT *, NULL FROM claims;
                DROP TABLE claims;
                ALTER TABLE claims_new RENAME TO claims;
                """)
        try withScratch { scratch in
            let db = try Database(path: scratch.path("rebuild.sqlite"))
            let all = try Self.bundled()
            try Migrator(migrations: Array(all.prefix(1))).migrate(db)
            try Self.fillSchema1(db)
            try Migrator(migrations: all + [rebuild]).migrate(db)
            #expect(try db.scalar("SELECT count(*) FROM claims")?.int == 3)
            #expect(try db.rows("PRAGMA foreign_key_check") { $0.string(0) } == [])
            let targets = try db.scalar("SELECT count(*) FROM claim_targets")?.int
            let responses = try db.scalar("SELECT count(*) FROM responses")?.int
            #expect(targets == 1)
            #expect(responses == 1)
            #expect(try db.scalar("PRAGMA foreign_keys")?.int == 1)
        }
    }
}
