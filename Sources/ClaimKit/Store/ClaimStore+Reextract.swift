import Foundation

/// What `claims reextract` changed, rule by rule.
public struct ReextractReport: Sendable {
    /// One rule's changes: how many of each kind, and the first few as examples.
    public struct RuleChanges: Sendable {
        public var added: [ClaimChanges.Change] = []
        public var removed: [ClaimChanges.Change] = []
        public var changed: [ClaimChanges.Change] = []
        public var addedCount = 0
        public var removedCount = 0
        public var changedCount = 0
    }
    public var articles = 0
    public var unchanged = 0
    public var byRule: [String: RuleChanges] = [:]
    public var dryRun = false

    public var added: Int { byRule.values.reduce(0) { $0 + $1.addedCount } }
    public var removed: Int { byRule.values.reduce(0) { $0 + $1.removedCount } }
    public var changed: Int { byRule.values.reduce(0) { $0 + $1.changedCount } }

    /// Counts `changes` and keeps up to `examples` of each kind per rule, so that memory stays bounded
    /// however many claims a rule change touches.
    mutating func record(_ changes: ClaimChanges, examples: Int) {
        articles += 1
        unchanged += changes.unchanged
        for c in changes.added {
            byRule[c.ruleID, default: .init()].addedCount += 1
            if byRule[c.ruleID]!.added.count < examples { byRule[c.ruleID]!.added.append(c) }
        }
        for c in changes.removed {
            byRule[c.ruleID, default: .init()].removedCount += 1
            if byRule[c.ruleID]!.removed.count < examples { byRule[c.ruleID]!.removed.append(c) }
        }
        for c in changes.changed {
            byRule[c.ruleID, default: .init()].changedCount += 1
            if byRule[c.ruleID]!.changed.count < examples { byRule[c.ruleID]!.changed.append(c) }
        }
    }
}

extension ClaimStore {
    /// Runs `analyzer` over every stored article in one transaction, keeping each claim that did not
    /// change (its id, targets and responses). With `dryRun`, reports the difference and rolls back.
    /// The report counts every change and keeps `examples` of each kind per rule.
    public func reextract(
        with analyzer: Analyzer, dryRun: Bool, examples: Int = .max,
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws -> ReextractReport {
        var report = ReextractReport()
        report.dryRun = dryRun
        let splitter = PageSplitter(rules: analyzer.rules)
        try db.execute("BEGIN IMMEDIATE")
        do {
            let ids = try db.rows("SELECT id FROM articles ORDER BY id", []) { $0.int(0) }
            // Batches of articles are analysed on every core and written by this connection, as in ingest;
            // memory holds one batch.
            var start = 0
            while start < ids.count {
                let batch = Array(ids[start..<min(ids.count, start + 64)])
                start += batch.count
                var articles: [(Int, Article)] = []
                for id in batch {
                    guard let (key, body, path, published) = try db.rows(
                        "SELECT key, body, path, published FROM articles WHERE id = ?", [.int(id)],
                        { ($0.string(0), $0.string(1), $0.string(2), $0.optionalString(3)) }
                    ).first else { continue }
                    articles.append((id, splitter.makeArticle(key: key, text: body, path: path, published: published)))
                }
                let analyses = ParallelMap.map(articles, jobs: jobs) { pair in
                    Result { () throws(RuleError) -> Analyzer.Analysis in try analyzer.analyze(pair.1) }
                }
                for ((id, _), result) in zip(articles, analyses) {
                    let analysis = try result.get()
                    let changes = try writeClaims(
                        articleID: id, text: analysis.text, claims: analysis.claims, responses: analysis.responses)
                    report.record(changes, examples: examples)
                }
            }
            try db.execute(dryRun ? "ROLLBACK" : "COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
        return report
    }

    /// How many stored claims each rule produced.
    public func claimCountsByRule() throws -> [String: Int] {
        Dictionary(uniqueKeysWithValues: try db.rows("SELECT rule_id, count(*) FROM claims GROUP BY rule_id", []) { ($0.string(0), $0.int(1)) })
    }
}
