import ArgumentParser
import ClaimKit
import Foundation

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the database to PATH with SQLite's online backup; safe while an ingest runs.",
        discussion: """
            The copy is one consistent snapshot, taken a few pages at a time so a running ingest is not held up. \
            It is written under a temporary name and renamed into place when complete. An existing PATH is \
            refused unless you pass --force. The copy is checked (PRAGMA quick_check) and its contents counted.
            """)

    @OptionGroup var options: StoreOptions

    @Flag(help: "Overwrite PATH if it already exists.") var force = false

    @Argument(help: ArgumentHelp("The file to write the copy to.", valueName: "path")) var path: String

    func run() throws {
        try guarded {
            let source = options.databasePath
            guard FileManager.default.fileExists(atPath: source) else {
                throw ClaimsError(
                    code: .input,
                    message: "no database at '\(source)' to back up; check --db or $CLAIMS_DB (nothing was copied)")
            }
            let database: Database
            do {
                database = try Database(path: source)
                _ = try database.scalar("SELECT count(*) FROM sqlite_master")
            } catch let error as StoreError {
                throw ClaimsError(
                    code: .input,
                    message: "cannot back up '\(source)': \(error.message); check that --db names a claims database (nothing was copied)")
            }
            let report = try database.backup(to: path, overwrite: force)
            let copy = try Database(path: path)
            let check = try copy.rows("PRAGMA quick_check") { $0.string(0) }
            let tables = Set(try copy.rows("SELECT name FROM sqlite_master WHERE type = 'table'") { $0.string(0) })
            var contents: [String] = []
            for (table, noun) in [("articles", "articles"), ("claims", "claims"), ("actors", "actors"), ("responses", "responses")]
            where tables.contains(table) {
                contents.append("\(try copy.scalar("SELECT count(*) FROM \(table)")?.int ?? 0) \(noun)")
            }
            let replaced = report.replaced ? " (overwritten)" : ""
            let size = ByteCountFormatter.string(fromByteCount: Int64(report.bytes), countStyle: .file)
            let what = contents.isEmpty ? "" : contents.joined(separator: ", ") + "; "
            let integrity = check == ["ok"] ? "integrity ok" : "integrity check FAILED: \(check.prefix(3).joined(separator: "; "))"
            print("backed up \(source) to \(path)\(replaced): \(what)\(report.pages) pages, \(size); \(integrity)")
            if check != ["ok"] {
                throw ClaimsError(
                    code: .input, message: "the copy at '\(path)' does not pass PRAGMA quick_check; keep the original and try again")
            }
        }
    }
}
