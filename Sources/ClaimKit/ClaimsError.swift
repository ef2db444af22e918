/// An error from the library's own logic: inputs, resources, queries. Storage and rules have their own.
public struct ClaimsError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let name: String
        public static let resources = Code(name: "resources")
        public static let input = Code(name: "input")
        public static let notFound = Code(name: "not-found")
        public static let query = Code(name: "query")
        public static let usage = Code(name: "usage")
        /// No stored actor goes by `name`.
    static func noActor(_ name: String) -> ClaimsError {
        ClaimsError(code: .notFound, message: "no actor is called '\(name)'; `claims actors` lists them all")
    }

    public var description: String { name }
    }

    public let code: Code
    public let message: String
    public let cause: (any Error)?

    public init(code: Code, message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// No stored actor goes by `name`.
    static func noActor(_ name: String) -> ClaimsError {
        ClaimsError(code: .notFound, message: "no actor is called '\(name)'; `claims actors` lists them all")
    }

    public var description: String {
        guard let cause else { return message }
        return "\(message)\n  caused by: \(cause)"
    }
}
