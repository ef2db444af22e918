import Foundation

/// One numbered schema change, read from `Migrations/NNNN_name.sql`.
public struct Migration: Sendable, Equatable {
    public let id: Int
    public let name: String
    public let sql: String
}

/// Applies numbered SQL migrations in order, each in its own transaction, and records them.
///
/// Modelled on GRDB's `DatabaseMigrator`: ids are ordered, applied ids live in the database, every
/// migration ends with a foreign key check, and a database that knows ids this build does not is
/// refused rather than written to.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(migrations: [Migration]) {
        self.migrations = migrations.sorted { $0.id < $1.id }
    }

    /// Reads every `NNNN_name.sql` file in `directory`.
    public init(directory: URL) throws(StoreError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw StoreError(
                code: .migration, message: "cannot read migrations folder '\(directory.path)'", cause: error)
        }
        var found: [Migration] = []
        for name in names where name.hasSuffix(".sql") {
            let stem = String(name.dropLast(4))
            guard let underscore = stem.firstIndex(of: "_"), let id = Int(stem[..<underscore]) else {
                throw StoreError(
                    code: .migration,
                    message: "\(directory.path)/\(name): a migration file is named NNNN_name.sql; rename it")
            }
            let url = directory.appendingPathComponent(name)
            guard let sql = try? String(contentsOf: url, encoding: .utf8) else {
                throw StoreError(code: .migration, message: "\(url.path): cannot read the migration as UTF-8 text")
            }
            if found.contains(where: { $0.id == id }) {
                throw StoreError(code: .migration, message: "\(url.path): two migrations have the id \(id)")
            }
            found.append(Migration(id: id, name: String(stem[stem.index(after: underscore)...]), sql: sql))
        }
        self.init(migrations: found)
    }

    /// The ids already applied to `db`.
    public func appliedIDs(_ db: Database) throws -> [Int] {
        try db.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                id INTEGER PRIMARY KEY, name TEXT NOT NULL,
                applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))
            """)
        return try db.rows("SELECT id FROM schema_migrations ORDER BY id") { $0.int(0) }
    }

    /// Applies every migration `db` has not seen yet.
    /// - Returns: the ids applied now.
    @discardableResult
    public func migrate(_ db: Database) throws -> [Int] {
        // The write lock is taken before reading what is applied, so two processes opening a new
        // database at once do not both apply migration 1.
        try db.execute("BEGIN IMMEDIATE")
        var applied: Set<Int>
        do {
            applied = Set(try appliedIDs(db))
            try db.execute("COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
        let known = Set(migrations.map(\.id))
        if let newest = applied.subtracting(known).max() {
            throw StoreError(
                code: .newerSchema,
                message: "database '\(db.path)' was written by a newer version of claims (schema migration \(newest) "
                    + "is unknown to this build, which knows up to \(migrations.last?.id ?? 0)); "
                    + "upgrade claims, or point --db at another file")
        }
        var done: [Int] = []
        // Foreign keys are off while a migration runs, as SQLite's own procedure for changing a table asks
        // (create, copy, drop, rename): with them on, dropping the old table would delete or orphan the rows
        // that point at it. The check before each commit still refuses a migration that breaks a reference.
        // The pragma is a no-op inside a transaction, so it is set around them.
        let pending = migrations.filter { !applied.contains($0.id) }
        if !pending.isEmpty { try db.execute("PRAGMA foreign_keys = OFF") }
        defer { if !pending.isEmpty { try? db.execute("PRAGMA foreign_keys = ON") } }
        for migration in pending {
            do {
                try db.transaction {
                    if try db.scalar("SELECT 1 FROM schema_migrations WHERE id = ?", [.int(migration.id)]) != nil {
                        return
                    }
                    try db.execute(migration.sql)
                    let violations = try db.rows("PRAGMA foreign_key_check") { $0.string(0) }
                    if let table = violations.first {
                        throw StoreError(
                            code: .migration,
                            message: "migration \(migration.id) leaves a foreign key violation in table \(table)")
                    }
                    try db.run(
                        "INSERT INTO schema_migrations(id, name) VALUES (?, ?)",
                        [.int(migration.id), .text(migration.name)])
                    done.append(migration.id)
                }
            } catch let error as StoreError {
                throw StoreError(
                    code: .migration, resultCode: error.resultCode,
                    message: "migration \(String(format: "%04d", migration.id))_\(migration.name) failed: \(error.message)",
                    sql: error.sql, cause: error)
            }
        }
        return done
    }
}
