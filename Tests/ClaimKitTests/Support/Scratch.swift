import Foundation

@testable import ClaimKit

/// A fresh folder under the temporary directory, named by a UUID, removed when the test is done.
struct Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("claimkit-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A path inside the folder.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes UTF-8 text to `name` (creating folders on the way) and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }

    /// Writes raw bytes to `name` (creating folders on the way) and returns its path.
    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file.path
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Runs `body` with a scratch folder and removes it afterwards, whether `body` throws or not.
func withScratch<T>(_ body: (Scratch) throws -> T) throws -> T {
    let scratch = try Scratch()
    defer { scratch.remove() }
    return try body(scratch)
}

/// Runs `body` with a store on a fresh temporary database file (UUID-named), removed afterwards.
func withStore<T>(_ body: (ClaimStore, Scratch) throws -> T) throws -> T {
    try withScratch { scratch in
        let store = try ClaimStore(path: scratch.path("\(UUID().uuidString).sqlite"))
        return try body(store, scratch)
    }
}

enum Fixtures {
    /// The bundled rules, loaded once for the whole test run.
    private static let loaded: Result<RuleSet, any Error> = Result { try RuleSet.load(userDirectory: nil) }

    static func rules() throws -> RuleSet { try loaded.get() }

    /// The package root: Tests/ClaimKitTests/Support/Scratch.swift -> four levels up.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The shared folder next to the package: corpus and scorer.
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
}

extension ClaimStore {
    /// The number of rows in `table`, for before/after comparisons.
    func count(_ table: String) throws -> Int {
        try db.scalar("SELECT count(*) FROM \(table)")?.int ?? -1
    }

    /// Row counts of every table that ingest writes.
    func counts() throws -> [String: Int] {
        var out: [String: Int] = [:]
        for table in ["articles", "sources", "actors", "actor_aliases", "actor_roles", "claims", "claim_targets", "responses"] {
            out[table] = try count(table)
        }
        return out
    }
}

/// One claim of an analysis, as text, for compact assertions.
struct Found: Equatable, CustomStringConvertible {
    var speaker: String?
    var mention: String?
    var cue: String
    var parts: [String]
    var kind: ClaimKind
    var role: String? = nil

    var description: String {
        "\(speaker ?? "nil") [\(mention ?? "-")] \(cue): \(parts.joined(separator: " | ")) (\(kind.rawValue))"
    }
}

/// Analyzes `text` as one article (its first line a headline when it reads like one) with the bundled rules.
func analyze(_ text: String, key: String = "test") throws -> [Found] {
    let rules = try Fixtures.rules()
    let article = PageSplitter(rules: rules).makeArticle(key: key, text: text, path: "-", published: nil)
    let analysis = try Analyzer(rules: rules).analyze(article)
    return analysis.claims.map { pending in
        let c = pending.candidate
        return Found(
            speaker: pending.speaker?.name, mention: c.speaker.map { analysis.text.string($0) },
            cue: analysis.text.string(c.cue), parts: c.parts.map { analysis.text.string($0) }, kind: c.kind,
            role: pending.speaker?.role)
    }
}
