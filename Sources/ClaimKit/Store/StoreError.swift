/// An error from the storage layer: SQLite's extended result code, its message, and the SQL that failed.
///
/// Bound values never appear in the description, so an error can be logged without leaking article text.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, in the product's terms.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let name: String
        public static let sqlite = Code(name: "sqlite")
        public static let open = Code(name: "open")
        public static let migration = Code(name: "migration")
        public static let newerSchema = Code(name: "newer-schema")
        public var description: String { name }
    }

    public let code: Code
    /// SQLite's extended result code, or nil when the error did not come from SQLite.
    public let resultCode: Int32?
    public let message: String
    /// The statement that failed, when there was one.
    public let sql: String?
    public let cause: (any Error)?

    public init(code: Code, resultCode: Int32? = nil, message: String, sql: String? = nil, cause: (any Error)? = nil) {
        self.code = code
        self.resultCode = resultCode
        self.message = message
        self.sql = sql
        self.cause = cause
    }

    public var description: String {
        var text = message
        if let resultCode { text += " (SQLite code \(resultCode))" }
        if let sql { text += "\n  while executing: \(sql.split(whereSeparator: \.isNewline).joined(separator: " "))" }
        if let cause { text += "\n  caused by: \(cause)" }
        return text
    }
}
