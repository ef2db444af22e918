import Dispatch
import Foundation
import Testing

@testable import ClaimKit

/// `Database.backup(to:)`: SQLite's online backup, a consistent copy even while another process writes.
@Suite struct BackupTests {
    /// A short invented article about a town's boats, numbered so each one's content differs.
    static func boatArticle(_ i: Int) -> String {
        let names = ["Agnes Rudd", "Bertil Vang", "Cilla Moen", "Dorte Pihl", "Espen Laug", "Frida Sollie"]
        let name = names[i % names.count]
        let surname = name.split(separator: " ").last!
        return """
            Boat club report \(i)

            Club secretary \(name) said the slipway would need \(i + 3) new planks before the summer.
            “We counted \(i * 7 + 2) boats on the water on Sunday,” \(surname) said.
            According to \(surname), the club had \(i + 40) paying members in year \(i).
            """
    }

    /// A store holding `count` boat articles.
    func fill(_ store: ClaimStore, _ scratch: Scratch, count: Int, from first: Int = 0) throws {
        for i in first..<(first + count) { try ingestText(Self.boatArticle(i), as: "in/boats-\(i).txt", into: store, scratch) }
    }

    /// Per-article claim counts, by key.
    func claimsPerArticle(_ db: Database) throws -> [String: Int] {
        Dictionary(uniqueKeysWithValues: try db.rows(
            "SELECT a.key, count(c.id) FROM articles a LEFT JOIN claims c ON c.article_id = a.id GROUP BY a.id"
        ) { ($0.string(0), $0.int(1)) })
    }

    @Test func copyHoldsTheSameDataAndPassesIntegrityCheck() throws {
        try withStore { store, scratch in
            try fill(store, scratch, count: 4)
            let before = try store.counts()
            #expect(before["claims"]! >= 8, "\(before)")
            let target = scratch.path("copies/boats-copy.sqlite")
            try FileManager.default.createDirectory(atPath: scratch.path("copies"), withIntermediateDirectories: true)

            let report = try store.db.backup(to: target, pagesPerStep: 2, pause: 0)
            #expect(report.destination == target)
            #expect(report.replaced == false)
            #expect(report.pages > 2)
            #expect(report.steps > 1, "copied in several steps")
            #expect(report.bytes == report.pages * report.pageSize)

            // Only the copy is left in the folder: no temporary file, no journal.
            let files = try FileManager.default.contentsOfDirectory(atPath: scratch.path("copies"))
            #expect(files == ["boats-copy.sqlite"])

            let copy = try ClaimStore(path: target)
            #expect(try copy.counts() == before)
            #expect(try copy.db.rows("PRAGMA integrity_check") { $0.string(0) } == ["ok"])
            #expect(try copy.db.rows("PRAGMA foreign_key_check") { $0.string(0) } == [])
            #expect(try Exporter(store: copy).lines() == Exporter(store: store).lines())
            #expect(try copy.search("slipway").count == 4, "the full-text index came along")
        }
    }

    @Test func anExistingFileIsRefusedUnlessOverwriting() throws {
        try withStore { store, scratch in
            try fill(store, scratch, count: 2)
            let target = try scratch.write("notes.sqlite", "my own notes, not a database\n")
            let error = #expect(throws: StoreError.self) { try store.db.backup(to: target) }
            #expect(error?.code == .backup)
            #expect(
                error?.message == "the backup file '\(target)' already exists; choose another path, or pass --force to overwrite it")
            #expect(try String(contentsOfFile: target, encoding: .utf8) == "my own notes, not a database\n", "left alone")

            // Overwriting a file that is not a database replaces it.
            let report = try store.db.backup(to: target, overwrite: true)
            #expect(report.replaced)
            #expect(try ClaimStore(path: target).counts() == store.counts())

            // Overwriting an older copy (a database with other content) replaces its content through SQLite.
            try fill(store, scratch, count: 2, from: 10)
            let again = try store.db.backup(to: target, overwrite: true)
            #expect(again.replaced)
            let copy = try ClaimStore(path: target)
            #expect(try copy.counts() == store.counts())
            #expect(try copy.db.rows("PRAGMA integrity_check") { $0.string(0) } == ["ok"])
            #expect(try claimsPerArticle(copy.db) == claimsPerArticle(store.db))
        }
    }

    @Test func errorsNameThePathAndWhatToDo() throws {
        try withStore { store, scratch in
            try fill(store, scratch, count: 1)
            let missing = scratch.path("no-such-folder/copy.sqlite")
            let noFolder = #expect(throws: StoreError.self) { try store.db.backup(to: missing) }
            #expect(
                noFolder?.message
                    == "cannot write the backup '\(missing)': the folder '\(scratch.path("no-such-folder"))' does not exist; create it first or choose another path"
            )
            let folder = #expect(throws: StoreError.self) { try store.db.backup(to: scratch.url.path, overwrite: true) }
            #expect(folder?.message.hasPrefix("cannot write the backup '\(scratch.url.path)': it is a folder; give a file path") == true)
            let itself = #expect(throws: StoreError.self) { try store.db.backup(to: store.db.path, overwrite: true) }
            #expect(itself?.message == "cannot back up '\(store.db.path)' onto itself; give another path for the copy")
            #expect(try store.db.rows("PRAGMA integrity_check") { $0.string(0) } == ["ok"])
        }
    }

    /// Another connection (as another process would) commits articles while the backup copies page by page:
    /// the copy is one consistent snapshot, with every article whole.
    @Test func backupWhileAnotherConnectionIngests() throws {
        try withStore { store, scratch in
            try fill(store, scratch, count: 30)
            let path = store.db.path
            for i in 100..<130 { try scratch.write("later/boats-\(i).txt", Self.boatArticle(i)) }
            let later = scratch.path("later")
            let writerDone = DispatchSemaphore(value: 0)
            let failure = Locked<String?>(nil)
            DispatchQueue.global().async {
                defer { writerDone.signal() }
                do {
                    let writer = try Ingestor(store: try ClaimStore(path: path), rules: Fixtures.rules())
                    let files = try FileManager.default.contentsOfDirectory(atPath: later).sorted()
                    // One commit per article, so commits land between the backup's steps.
                    for file in files {
                        let report = writer.ingest(["\(later)/\(file)"])
                        if !report.ok { failure.set(report.problems.joined(separator: "\n")) }
                    }
                } catch {
                    failure.set("\(error)")
                }
            }
            var copies: [String] = []
            for round in 0..<4 {
                let target = scratch.path("copy-\(round).sqlite")
                try store.db.backup(to: target, pagesPerStep: 1, pause: 0.001, maxRestarts: 2)
                copies.append(target)
            }
            writerDone.wait()
            #expect(failure.get() == nil)
            let finalCounts = try claimsPerArticle(store.db)
            #expect(finalCounts.count == 60)
            for target in copies {
                let copy = try Database(path: target)
                #expect(try copy.rows("PRAGMA integrity_check") { $0.string(0) } == ["ok"], "\(target)")
                let counts = try claimsPerArticle(copy)
                #expect(counts.count >= 30)
                for (key, n) in counts { #expect(finalCounts[key] == n, "\(target): article \(key) is not whole") }
            }
        }
    }
}

/// A value shared between threads behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func get() -> Value { lock.withLock { value } }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
}
