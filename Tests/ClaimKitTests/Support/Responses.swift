import Foundation
import Testing

@testable import ClaimKit

/// One detected response of an analysis, as text, for compact assertions.
struct FoundResponse: Equatable, CustomStringConvertible {
    /// The responding claim's content.
    var from: String
    /// The answered claim's content, when it is in the same article.
    var to: String?
    var relation: String
    /// Whom the response answers.
    var answered: String?
    var rule: String

    var description: String { "\(from) -> \(to ?? "nil") [\(relation)] \(answered ?? "nil") (\(rule))" }
}

/// The claims (speaker and content text) and responses of `text`, analysed as one article with the bundled rules.
func analyzeResponses(_ text: String, key: String = "test") throws -> (claims: [(speaker: String?, content: String)], responses: [FoundResponse]) {
    let rules = try Fixtures.rules()
    let article = PageSplitter(rules: rules).makeArticle(key: key, text: text, path: "-", published: nil)
    let analysis = try Analyzer(rules: rules).analyze(article)
    let contents = analysis.claims.map { analysis.text.string($0.candidate.content) }
    let claims = zip(analysis.claims, contents).map { (speaker: $0.speaker?.name, content: $1) }
    let responses = analysis.responses.map { r in
        FoundResponse(
            from: contents[r.from], to: r.to.map { contents[$0] }, relation: r.relation, answered: r.answered?.name, rule: r.ruleID)
    }
    return (claims, responses)
}

/// A stored response with its claims as content text: what must not depend on ingest order.
struct ResponseEdge: Hashable, CustomStringConvertible {
    var from: String
    var to: String?
    var relation: String
    var target: String?

    var description: String { "\(from) -> \(to ?? "nil") [\(relation)] \(target ?? "nil")" }
}

extension ClaimStore {
    /// Every stored response as content text.
    func responseEdges() throws -> Set<ResponseEdge> {
        Set(try responses().map { r in
            ResponseEdge(
                from: try claim(id: r.from).content.text, to: try r.to.map { try claim(id: $0).content.text }, relation: r.relation,
                target: r.target)
        })
    }

    /// Every edge of every thread, as content text.
    func threadEdges() throws -> Set<ResponseEdge> {
        var edges: Set<ResponseEdge> = []
        func walk(_ t: ClaimKit.ClaimThread) {
            for child in t.responses {
                edges.insert(ResponseEdge(from: child.claim.content.text, to: t.claim.content.text, relation: child.relation ?? "", target: nil))
                walk(child)
            }
        }
        for t in try threads() { walk(t) }
        return edges
    }
}

/// Writes `text` to `name` in the scratch folder and ingests it with the bundled rules; expects no problems.
@discardableResult
func ingestText(_ text: String, as name: String, into store: ClaimStore, _ scratch: Scratch) throws -> IngestReport {
    let path = try scratch.write(name, text)
    let report = try Ingestor(store: store, rules: Fixtures.rules()).ingest([path])
    #expect(report.problems == [], "\(name)")
    return report
}

/// Runs ../shared/eval/score.py on an export of `store` and returns its JSON scores.
func scoreAgainstSeedGold(_ store: ClaimStore, _ scratch: Scratch) throws -> [String: Any] {
    let export = try scratch.write("export.jsonl", try Exporter(store: store).lines().joined(separator: "\n") + "\n")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
        "python3", Fixtures.shared.appendingPathComponent("eval/score.py").path,
        "--gold", Fixtures.shared.appendingPathComponent("eval/seed-gold.jsonl").path, "--pred", export, "--json",
    ]
    let out = try scratch.write("score.out", "")
    let err = try scratch.write("score.err", "")
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
    try process.run()
    process.waitUntilExit()
    let stderr = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
    try #require(process.terminationStatus == 0, "score.py failed: \(stderr)")
    let data = try Data(contentsOf: URL(fileURLWithPath: out))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}
