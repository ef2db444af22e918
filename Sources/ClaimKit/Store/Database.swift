internal import CSQLite

/// A connection to a claims database: a thin wrapper over the SQLite C API.
///
/// Every value reaches SQL through bound parameters. The connection runs in WAL mode with foreign keys on
/// and a busy timeout, so several processes can share one database.
public final class Database {
    let handle: OpaquePointer
    /// The file this connection opened.
    public let path: String
    private var statementCache: [String: Statement] = [:]

    /// Opens (creating if needed) the database at `path`.
    /// - Parameter readOnly: open without write access; the file must exist.
    public init(path: String, readOnly: Bool = false) throws(StoreError) {
        var db: OpaquePointer?
        let flags = readOnly
            ? SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
            : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(db)
            throw StoreError(
                code: .open, resultCode: rc,
                message: "cannot open database '\(path)': \(message); check that the folder exists and is writable")
        }
        handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, 30_000)
        try execute("PRAGMA foreign_keys = ON")
        let rankRC = csqlite_register_claims_rank(db)
        guard rankRC == SQLITE_OK else {
            throw StoreError(
                code: .open, resultCode: rankRC,
                message: "cannot register the search ranking on '\(path)': this SQLite lacks FTS5; install libsqlite3-dev 3.20 or later")
        }
        if !readOnly {
            try execute("PRAGMA journal_mode = WAL")
            try execute("PRAGMA synchronous = NORMAL")
            // Index and full-text pages stay in memory across batch transactions instead of being read
            // back; 32 MiB is well inside the ingest's memory budget.
            try execute("PRAGMA cache_size = -32768")
        }
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that take no parameters.
    public func execute(_ sql: String) throws(StoreError) {
        var errmsg: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errmsg)
        if rc != SQLITE_OK {
            let message = errmsg.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(errmsg)
            throw StoreError(code: .sqlite, resultCode: sqlite3_extended_errcode(handle), message: message, sql: sql)
        }
    }

    /// Compiles `sql` once per connection and returns the cached statement, reset and unbound.
    public func cached(_ sql: String) throws(StoreError) -> Statement {
        if let statement = statementCache[sql] {
            statement.reset()
            return statement
        }
        let statement = try Statement(database: self, sql: sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs `sql` with `arguments` and returns no rows.
    public func run(_ sql: String, _ arguments: [SQLValue] = []) throws(StoreError) {
        let statement = try cached(sql)
        try statement.bind(arguments)
        while try statement.step() {}
    }

    /// Runs a query and maps each row.
    public func rows<T>(_ sql: String, _ arguments: [SQLValue] = [], _ map: (Row) throws -> T) throws -> [T] {
        let statement = try cached(sql)
        try statement.bind(arguments)
        var out: [T] = []
        while try statement.step() { out.append(try map(Row(statement: statement))) }
        return out
    }

    /// The first column of the first row, if any.
    public func scalar(_ sql: String, _ arguments: [SQLValue] = []) throws(StoreError) -> SQLValue? {
        let statement = try cached(sql)
        try statement.bind(arguments)
        guard try statement.step() else { return nil }
        let value = Row(statement: statement)[0]
        statement.reset()
        return value
    }

    /// The rowid of the last insert on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Runs `body` in an IMMEDIATE transaction: committed when it returns, rolled back when it throws.
    ///
    /// IMMEDIATE takes the write lock up front, so two writers wait on the busy timeout instead of
    /// failing with SQLITE_BUSY halfway through.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    func error(_ rc: Int32, sql: String?) -> StoreError {
        StoreError(
            code: .sqlite, resultCode: sqlite3_extended_errcode(handle),
            message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}
