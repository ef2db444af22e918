internal import CSQLite
import Foundation

extension StoreError.Code {
    /// A backup could not be made: the destination exists, its folder is missing, or SQLite failed.
    public static let backup = StoreError.Code(name: "backup")
}

/// What one online backup copied.
public struct BackupReport: Sendable, Equatable {
    /// The database that was copied.
    public let source: String
    /// The file the copy was written to.
    public let destination: String
    /// Pages copied, and the size of one page in bytes.
    public let pages: Int
    public let pageSize: Int
    /// Calls to `sqlite3_backup_step`.
    public let steps: Int
    /// How often another connection wrote to the source mid-copy, so that the copy started again.
    public let restarts: Int
    /// True when an existing file at `destination` was overwritten.
    public let replaced: Bool

    /// The size of the copy in bytes.
    public var bytes: Int { pages * pageSize }
}

extension Database {
    /// Copies this database to `destination` through SQLite's online backup API.
    ///
    /// The copy is taken `pagesPerStep` pages at a time with a `pause` in between, so a writer in another
    /// process (an ingest) is never held up for long. If such a writer commits mid-copy, SQLite starts the
    /// copy again; after `maxRestarts` restarts the rest is copied in one step, which in WAL mode still does
    /// not block writers. The result is always one consistent snapshot of the source.
    ///
    /// A new file is written under a temporary name in the same folder and renamed into place when complete,
    /// so a crash never leaves half a copy at `destination`. With `overwrite`, an existing database at
    /// `destination` is replaced through the backup API itself (SQLite locks and journals it); any other
    /// existing file is replaced by the renamed copy.
    ///
    /// - Throws: `StoreError` with code `.backup` naming the path and what to do.
    @discardableResult
    public func backup(
        to destination: String, overwrite: Bool = false, pagesPerStep: Int = 256, pause: TimeInterval = 0.002,
        maxRestarts: Int = 3
    ) throws(StoreError) -> BackupReport {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: destination).standardizedFileURL
        let folder = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StoreError(
                code: .backup,
                message: "cannot write the backup '\(destination)': the folder '\(folder.path)' does not exist; create it first or choose another path")
        }
        let exists = fm.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue {
            throw StoreError(
                code: .backup,
                message: "cannot write the backup '\(destination)': it is a folder; give a file path such as '\(target.appendingPathComponent("claims-backup.sqlite").path)'")
        }
        if Self.sameFile(target.path, path) {
            throw StoreError(
                code: .backup,
                message: "cannot back up '\(path)' onto itself; give another path for the copy")
        }
        if exists && !overwrite {
            throw StoreError(
                code: .backup,
                message: "the backup file '\(destination)' already exists; choose another path, or pass --force to overwrite it")
        }
        if exists, let report = try backupOverExistingDatabase(
            target.path, shown: destination, pagesPerStep: pagesPerStep, pause: pause, maxRestarts: maxRestarts)
        {
            return report
        }

        // A fresh copy: written under a temporary name, renamed into place only when it is complete.
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).backup-\(UUID().uuidString)").path
        func removeTemporary() {
            for suffix in ["", "-journal", "-wal", "-shm"] { try? fm.removeItem(atPath: temporary + suffix) }
        }
        var report: BackupReport
        do {
            let copy = try Self.openDestination(temporary, shown: destination, create: true)
            defer { sqlite3_close_v2(copy) }
            report = try copyPages(
                into: copy, destination: destination, pagesPerStep: pagesPerStep, pause: pause, maxRestarts: maxRestarts,
                replaced: exists)
        } catch {
            removeTemporary()
            throw error
        }
        if exists {
            // --force over a file that is not a database: a leftover log of it must not be replayed onto the copy.
            for suffix in ["-journal", "-wal", "-shm"] { try? fm.removeItem(atPath: target.path + suffix) }
            if rename(temporary, target.path) != 0 {
                let reason = String(cString: strerror(errno))
                removeTemporary()
                throw StoreError(
                    code: .backup, message: "cannot replace '\(destination)' with the backup: \(reason); check the folder's permissions")
            }
        } else if link(temporary, target.path) == 0 {
            // link() refuses to overwrite, so a file that appeared meanwhile is not clobbered.
            removeTemporary()
        } else if errno == EEXIST {
            removeTemporary()
            throw StoreError(
                code: .backup,
                message: "the backup file '\(destination)' appeared while the copy was made; choose another path, or pass --force to overwrite it")
        } else if rename(temporary, target.path) != 0 {
            // Some file systems have no hard links; rename is the fallback.
            let reason = String(cString: strerror(errno))
            removeTemporary()
            throw StoreError(code: .backup, message: "cannot move the backup into place at '\(destination)': \(reason)")
        }
        return report
    }

    /// Backs up into an existing SQLite database at `path` (with `--force`), or returns nil when the file
    /// there is not a database.
    private func backupOverExistingDatabase(
        _ path: String, shown: String, pagesPerStep: Int, pause: TimeInterval, maxRestarts: Int
    ) throws(StoreError) -> BackupReport? {
        let copy = try Self.openDestination(path, shown: shown, create: false)
        defer { sqlite3_close_v2(copy) }
        // A file that is not a database fails here with SQLITE_NOTADB; it is then replaced by rename instead.
        let rc = sqlite3_exec(copy, "SELECT count(*) FROM sqlite_master", nil, nil, nil)
        if rc & 0xFF == SQLITE_NOTADB { return nil }
        if rc != SQLITE_OK {
            throw StoreError(
                code: .backup, resultCode: sqlite3_extended_errcode(copy),
                message: "cannot overwrite '\(shown)': \(String(cString: sqlite3_errmsg(copy))); choose another path")
        }
        return try copyPages(
            into: copy, destination: shown, pagesPerStep: pagesPerStep, pause: pause, maxRestarts: maxRestarts,
            replaced: true)
    }

    private static func openDestination(_ path: String, shown: String, create: Bool) throws(StoreError) -> OpaquePointer {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0)
        let rc = sqlite3_open_v2(path, &handle, flags, nil)
        guard rc == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            throw StoreError(
                code: .backup, resultCode: rc,
                message: "cannot write the backup '\(shown)': \(message); check that the folder is writable")
        }
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, 30_000)
        return handle
    }

    /// Runs the backup from this connection into `copy`, step by step.
    private func copyPages(
        into copy: OpaquePointer, destination: String, pagesPerStep: Int, pause: TimeInterval, maxRestarts: Int,
        replaced: Bool
    ) throws(StoreError) -> BackupReport {
        guard let backup = sqlite3_backup_init(copy, "main", handle, "main") else {
            throw StoreError(
                code: .backup, resultCode: sqlite3_extended_errcode(copy),
                message: "cannot start the backup to '\(destination)': \(String(cString: sqlite3_errmsg(copy)))")
        }
        var steps = 0
        var restarts = 0
        var lastRemaining: Int32 = -1
        var rc: Int32 = SQLITE_OK
        var pages = Int32(max(1, pagesPerStep))
        while true {
            rc = sqlite3_backup_step(backup, pages)
            steps += 1
            if rc == SQLITE_DONE { break }
            let primary = rc & 0xFF
            guard rc == SQLITE_OK || primary == SQLITE_BUSY || primary == SQLITE_LOCKED else { break }
            let remaining = sqlite3_backup_remaining(backup)
            if rc == SQLITE_OK && lastRemaining >= 0 && remaining >= lastRemaining {
                // Another connection wrote to the source, so SQLite started over.
                restarts += 1
                if restarts >= maxRestarts { pages = -1 }
            }
            lastRemaining = remaining
            if pause > 0 { usleep(useconds_t(pause * 1_000_000)) }
        }
        let pageCount = Int(sqlite3_backup_pagecount(backup))
        let finish = sqlite3_backup_finish(backup)
        if rc != SQLITE_DONE || finish != SQLITE_OK {
            let code = rc != SQLITE_DONE ? rc : finish
            let message = String(cString: sqlite3_errstr(code))
            let hint = code & 0xFF == SQLITE_FULL
                ? "free some disk space or choose another place for the copy"
                : code & 0xFF == SQLITE_READONLY
                    ? "check that '\(destination)' is writable (an existing database with another page size cannot be overwritten; remove it first)"
                    : "check the destination and try again"
            throw StoreError(
                code: .backup, resultCode: code,
                message: "backup of '\(path)' to '\(destination)' failed: \(message); \(hint)")
        }
        let pageSize = (try? scalar("PRAGMA page_size"))?.int ?? 4096
        return BackupReport(
            source: path, destination: destination, pages: pageCount, pageSize: pageSize, steps: steps,
            restarts: restarts, replaced: replaced)
    }

    /// Whether two paths name the same file (through links too).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat()
        var sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }
}
