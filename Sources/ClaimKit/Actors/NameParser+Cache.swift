import Foundation

extension NameParser {
    /// A bounded, thread-safe memo of parsed mentions, shared by the threads that analyse articles.
    final class ParseCache: @unchecked Sendable {
        private var entries: [String: Parsed?] = [:]
        private let lock = NSLock()
        /// Past this many wordings the memo starts over, so memory stays bounded however large the archive.
        static let capacity = 50_000

        subscript(mention: String) -> Parsed?? {
            get { lock.withLock { entries[mention] } }
            set {
                guard let newValue else { return }
                lock.withLock {
                    if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
                    entries[mention] = newValue
                }
            }
        }
    }
}
