import ClaimKit
import Foundation
import Testing

/// `claims backup PATH`: a checked copy of the database; an existing file needs --force.
@Suite struct BackupCommandTests {
    @Test func backupCopiesTheDatabaseAndRefusesToOverwrite() throws {
        try withWorkspace { ws in
            let ingest = try ws.claims(["ingest"], [try ws.write("quay.txt", CLI.quayArticle)])
            #expect(ingest.status == 0, "\(ingest)")

            let first = try ws.claims(["backup"], ["copy.sqlite"])
            #expect(first.status == 0, "\(first)")
            #expect(first.stderr == "")
            let line = try #require(first.stdoutLines.first)
            #expect(first.stdoutLines.count == 1)
            #expect(line.hasPrefix("backed up \(ws.db) to copy.sqlite: 1 articles, 2 claims, "), "\(line)")
            #expect(line.hasSuffix("; integrity ok"), "\(line)")
            #expect(line.contains(" pages, "), "\(line)")

            // The copy answers the same queries and is intact.
            let original = try ws.claims(["export"])
            let copied = try ws.run(["export", "--db", ws.path("copy.sqlite")])
            #expect(copied.status == 0, "\(copied)")
            #expect(copied.stdout == original.stdout)
            let copy = try Database(path: ws.path("copy.sqlite"))
            #expect(try copy.rows("PRAGMA integrity_check") { $0.string(0) } == ["ok"])

            // A second backup to the same path is refused and leaves the file alone.
            let size = try FileManager.default.attributesOfItem(atPath: ws.path("copy.sqlite"))[.size] as? Int
            let again = try ws.claims(["backup"], ["copy.sqlite"])
            #expect(again.status == 1, "\(again)")
            #expect(again.stdout == "")
            #expect(
                again.stderr
                    == "error: the backup file 'copy.sqlite' already exists; choose another path, or pass --force to overwrite it\n")
            #expect(try FileManager.default.attributesOfItem(atPath: ws.path("copy.sqlite"))[.size] as? Int == size)

            // --force overwrites it with the current content.
            _ = try ws.claims(["ingest"], ["-"], stdin: "Ferry captain Lars Eide said the crossing would take an hour longer.\n")
            let forced = try ws.claims(["backup"], ["--force", "copy.sqlite"])
            #expect(forced.status == 0, "\(forced)")
            #expect(forced.stdout.hasPrefix("backed up \(ws.db) to copy.sqlite (overwritten): 2 articles, 3 claims, "), "\(forced)")
            let refreshed = try ws.run(["export", "--db", ws.path("copy.sqlite")])
            #expect(refreshed.stdout == (try ws.claims(["export"])).stdout)
        }
    }

    @Test func errorsNameThePathAndWhatToDo() throws {
        try withWorkspace { ws in
            let noSource = try ws.run(["backup", "--db", "absent.sqlite", "copy.sqlite"])
            #expect(noSource.status == 1, "\(noSource)")
            #expect(
                noSource.stderr
                    == "error: no database at 'absent.sqlite' to back up; check --db or $CLAIMS_DB (nothing was copied)\n")
            #expect(!FileManager.default.fileExists(atPath: ws.path("copy.sqlite")))
            #expect(!FileManager.default.fileExists(atPath: ws.path("absent.sqlite")), "backup creates no database")

            try ws.write("notes.sqlite", "shopping list, not a database\n")
            let junk = try ws.run(["backup", "--db", "notes.sqlite", "copy.sqlite"])
            #expect(junk.status == 1, "\(junk)")
            #expect(
                junk.stderr
                    == "error: cannot back up 'notes.sqlite': file is not a database; check that --db names a claims database (nothing was copied)\n")
            #expect(!FileManager.default.fileExists(atPath: ws.path("copy.sqlite")))

            _ = try ws.claims(["ingest"], [try ws.write("quay.txt", CLI.quayArticle)])
            let noFolder = try ws.claims(["backup"], ["nowhere/copy.sqlite"])
            #expect(noFolder.status == 1)
            #expect(
                noFolder.stderr
                    == "error: cannot write the backup 'nowhere/copy.sqlite': the folder '\(ws.path("nowhere"))' does not exist; create it first or choose another path\n"
            )
            let itself = try ws.claims(["backup"], ["--force", ws.db])
            #expect(itself.status == 1)
            #expect(itself.stderr == "error: cannot back up '\(ws.db)' onto itself; give another path for the copy\n")

            let usage = try ws.claims(["backup"])
            #expect(usage.status == 64, "\(usage)")
            #expect(usage.stderr.contains("Usage: claims backup"))
        }
    }
}
