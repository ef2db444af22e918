import Foundation
import Testing

@testable import ClaimKit

/// The main queries use indexes, not table scans: what keeps `list --actor` and `thread` fast on a million
/// claims (the benchmark measures the times; this pins the plans).
@Suite struct QueryPlanTests {
    func plan(_ db: Database, _ sql: String, _ arguments: [SQLValue]) throws -> [String] {
        try db.rows("EXPLAIN QUERY PLAN " + sql, arguments) { $0.string(3) }
    }

    @Test func claimsByActorUseTheSpeakerIndex() throws {
        try withStore { store, _ in
            let steps = try plan(
                store.db,
                "SELECT \(ClaimStore.claimColumns) \(ClaimStore.claimFrom) WHERE c.speaker_id = ? AND (? IS NULL OR a.published >= ?) ORDER BY a.published, a.id, c.content_start LIMIT ?",
                [1, nil, nil, 50])
            #expect(steps.contains { $0.contains("USING INDEX claims_speaker") }, "\(steps)")
            #expect(!steps.contains { $0.hasPrefix("SCAN c") }, "\(steps)")
        }
    }

    @Test func aliasLookupUsesItsKey() throws {
        try withStore { store, _ in
            let steps = try plan(store.db, "SELECT actor_id FROM actor_aliases WHERE alias = ?", ["Zelensky"])
            #expect(steps.contains { $0.contains("USING PRIMARY KEY") || $0.contains("USING COVERING INDEX") }, "\(steps)")
        }
    }

    @Test func threadChildrenUseTheResponsesIndex() throws {
        try withStore { store, _ in
            let steps = try plan(
                store.db,
                """
                SELECT r.from_claim_id, r.relation FROM responses r JOIN claims c ON c.id = r.from_claim_id
                JOIN articles a ON a.id = c.article_id WHERE r.to_claim_id = ?
                ORDER BY a.published, a.key, c.content_start
                """, [1])
            #expect(steps.contains { $0.contains("USING INDEX responses_to") }, "\(steps)")
        }
    }

    @Test func searchGoesThroughTheFullTextIndex() throws {
        try withStore { store, _ in
            let steps = try plan(
                store.db,
                "SELECT rowid AS id, claims_rank(claims_fts) AS rank FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
                ["port", 1000])
            #expect(steps.contains { $0.contains("VIRTUAL TABLE INDEX") }, "\(steps)")
        }
    }
}
