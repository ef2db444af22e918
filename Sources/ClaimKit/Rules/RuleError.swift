/// Where in a file something went wrong: 1-based line and column (columns count characters).
public struct SourceLocation: Sendable, Equatable {
    public var path: String
    public var line: Int
    public var column: Int
    /// The whole line, for the caret display.
    public var lineText: String

    public init(path: String, line: Int, column: Int, lineText: String) {
        self.path = path
        self.line = line
        self.column = column
        self.lineText = lineText
    }
}

/// An error in the rules layer: a rule file that cannot be read, a pattern that does not compile, an
/// example that fails, or a pattern that ran past its limits on some text.
///
/// With a location it prints like a compiler (as Yams does): `path:line:col: error: message`, the line,
/// and a caret under the column.
public struct RuleError: Error, CustomStringConvertible, Sendable {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let name: String
        public static let io = Code(name: "io")
        public static let yaml = Code(name: "yaml")
        public static let schema = Code(name: "schema")
        public static let duplicateID = Code(name: "duplicate-id")
        public static let missingGroup = Code(name: "missing-group")
        public static let compile = Code(name: "compile")
        public static let unknownVocabulary = Code(name: "unknown-vocabulary")
        public static let example = Code(name: "example")
        public static let matchLimit = Code(name: "match-limit")
        public static let match = Code(name: "match")
        public var description: String { name }
    }

    public let code: Code
    public let message: String
    public let location: SourceLocation?
    /// The rule this error is about, where there is one.
    public let ruleID: String?
    public let cause: (any Error)?

    public init(
        code: Code, message: String, location: SourceLocation? = nil, ruleID: String? = nil, cause: (any Error)? = nil
    ) {
        self.code = code
        self.message = message
        self.location = location
        self.ruleID = ruleID
        self.cause = cause
    }

    public var description: String {
        guard let location else { return "error: \(message)" }
        let caretPad = String(
            location.lineText.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " })
        return "\(location.path):\(location.line):\(location.column): error: \(message)\n\(location.lineText)\n\(caretPad)^"
    }
}

/// Several rule errors at once, so a rule author sees them all in one run.
public struct RuleErrors: Error, CustomStringConvertible, Sendable {
    public let errors: [RuleError]
    public init(_ errors: [RuleError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
