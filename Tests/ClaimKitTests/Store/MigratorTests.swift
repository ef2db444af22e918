import Foundation
import Testing

@testable import ClaimKit

/// Numbered migrations: applied once each, in order, recorded, and refused when the database is newer.
@Suite struct MigratorTests {
    func bundled() throws -> Migrator { try Migrator(directory: ResourceLocator.migrationsDirectory()) }

    func appliedIDs(_ db: Database) throws -> [Int] {
        try db.rows("SELECT id FROM schema_migrations ORDER BY id") { $0.int(0) }
    }

    @Test func freshDatabaseGetsEveryMigration() throws {
        try withScratch { scratch in
            let db = try Database(path: scratch.path("\(UUID().uuidString).sqlite"))
            let migrator = try bundled()
            #expect(!migrator.migrations.isEmpty)
            #expect(migrator.migrations.first?.id == 1)
            #expect(migrator.migrations.first?.name == "initial")
            let applied = try migrator.migrate(db)
            #expect(applied == migrator.migrations.map(\.id))
            #expect(try appliedIDs(db) == migrator.migrations.map(\.id))
            // The tables the first migration creates are there.
            let tables = try db.rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") { $0.string(0) }
            for table in ["actors", "articles", "claims", "claims_fts", "responses", "schema_migrations"] {
                #expect(tables.contains(table), "missing table \(table)")
            }
        }
    }

    @Test func secondRunAppliesNothing() throws {
        try withScratch { scratch in
            let db = try Database(path: scratch.path("\(UUID().uuidString).sqlite"))
            let migrator = try bundled()
            let first = try migrator.migrate(db)
            #expect(!first.isEmpty)
            let second = try migrator.migrate(db)
            #expect(second == [])
            #expect(try appliedIDs(db) == first)
        }
    }

    @Test func migrationsRunInIDOrderFromTheirFiles() throws {
        try withScratch { scratch in
            try scratch.write("migrations/0002_add_colour.sql", "ALTER TABLE boats ADD COLUMN colour TEXT;")
            try scratch.write("migrations/0001_boats.sql", "CREATE TABLE boats (id INTEGER PRIMARY KEY, name TEXT);")
            try scratch.write("migrations/README.md", "not a migration")
            let migrator = try Migrator(directory: scratch.url.appendingPathComponent("migrations"))
            #expect(migrator.migrations.map(\.id) == [1, 2])
            #expect(migrator.migrations.map(\.name) == ["boats", "add_colour"])
            let db = try Database(path: scratch.path("\(UUID().uuidString).sqlite"))
            #expect(try migrator.migrate(db) == [1, 2])
            try db.run("INSERT INTO boats(name, colour) VALUES (?, ?)", ["Marit", "blue"])
            #expect(try db.scalar("SELECT colour FROM boats WHERE name = ?", ["Marit"]) == .text("blue"))
        }
    }

    @Test func failingMigrationRollsBackAndSaysWhich() throws {
        try withScratch { scratch in
            try scratch.write("migrations/0001_boats.sql", "CREATE TABLE boats (id INTEGER PRIMARY KEY);")
            try scratch.write(
                "migrations/0002_broken.sql", "CREATE TABLE crews (id INTEGER PRIMARY KEY);\nALTER TABLE nowhere ADD COLUMN x;")
            let migrator = try Migrator(directory: scratch.url.appendingPathComponent("migrations"))
            let db = try Database(path: scratch.path("\(UUID().uuidString).sqlite"))
            let error = #expect(throws: StoreError.self) { try migrator.migrate(db) }
            #expect(error?.code == .migration)
            #expect(error?.message.hasPrefix("migration 0002_broken failed: no such table: nowhere") == true, "\(String(describing: error))")
            #expect(try appliedIDs(db) == [1])
            // Nothing of the broken migration is left behind.
            #expect(try db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'crews'") == .integer(0))
            #expect(try db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'boats'") == .integer(1))
        }
    }

    @Test func misnamedMigrationFileIsRefused() throws {
        try withScratch { scratch in
            try scratch.write("migrations/boats.sql", "CREATE TABLE boats (id INTEGER PRIMARY KEY);")
            let folder = scratch.url.appendingPathComponent("migrations")
            let error = #expect(throws: StoreError.self) { try Migrator(directory: folder) }
            #expect(error?.code == .migration)
            #expect(error?.message == "\(folder.path)/boats.sql: a migration file is named NNNN_name.sql; rename it")
        }
    }

    @Test func databaseFromANewerVersionIsRefused() throws {
        try withScratch { scratch in
            let path = scratch.path("\(UUID().uuidString).sqlite")
            let db = try Database(path: path)
            let migrator = try bundled()
            try migrator.migrate(db)
            try db.run("INSERT INTO schema_migrations(id, name) VALUES (?, ?)", [9999, "from_the_future"])
            let before = try db.scalar("SELECT count(*) FROM sqlite_master")
            let error = #expect(throws: StoreError.self) { try migrator.migrate(db) }
            #expect(error?.code == .newerSchema)
            #expect(error?.message.contains("newer version") == true)
            #expect(error?.message.contains("schema migration 9999") == true)
            #expect(error?.message.contains(path) == true)
            #expect(try db.scalar("SELECT count(*) FROM sqlite_master") == before)
            // Opening a store on it is refused the same way.
            let again = #expect(throws: StoreError.self) { try ClaimStore(path: path) }
            #expect(again?.code == .newerSchema)
        }
    }

    @Test func connectionHasForeignKeysOnAndWriteAheadLogging() throws {
        try withScratch { scratch in
            let db = try Database(path: scratch.path("\(UUID().uuidString).sqlite"))
            #expect(try db.scalar("PRAGMA foreign_keys") == .integer(1))
            #expect(try db.scalar("PRAGMA journal_mode")?.string == "wal")
            try bundled().migrate(db)
            // Foreign keys are enforced: a claim must belong to an article.
            #expect(throws: StoreError.self) {
                try db.run(
                    """
                    INSERT INTO claims(article_id, cue_start, cue_end, cue_text, content_start, content_end, content_text,
                        kind, rule_id, rule_hash)
                    VALUES (424242, 0, 1, 'x', 0, 1, 'x', 'direct', 'r', 'h')
                    """)
            }
        }
    }
}
