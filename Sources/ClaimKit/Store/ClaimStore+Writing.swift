import Foundation

/// The stored form of one claim: every column a re-extraction compares.
struct ClaimRow: Equatable {
    var speakerID: Int?
    var speakerStart: Int?
    var speakerEnd: Int?
    var speakerText: String?
    var cueStart: Int
    var cueEnd: Int
    var cueText: String
    var contentStart: Int
    var contentEnd: Int
    var contentText: String
    var parts: String?
    var kind: String
    var stance: String
    var ruleID: String
    var ruleHash: String

    /// Where the claim stands: the same cue and content spans are the same claim.
    var identity: [Int] { [cueStart, cueEnd, contentStart, contentEnd] }

    var values: [SQLValue] {
        [.optional(speakerID), .optional(speakerStart), .optional(speakerEnd), .optional(speakerText), .int(cueStart),
         .int(cueEnd), .text(cueText), .int(contentStart), .int(contentEnd), .text(contentText), .optional(parts),
         .text(kind), .text(stance), .text(ruleID), .text(ruleHash)]
    }

    static let columns = """
        speaker_id, speaker_start, speaker_end, speaker_text, cue_start, cue_end, cue_text, content_start, content_end,
        content_text, content_parts, kind, stance, rule_id, rule_hash
        """

    init(_ row: Row, offset: Int = 0) {
        speakerID = row.optionalInt(offset)
        speakerStart = row.optionalInt(offset + 1)
        speakerEnd = row.optionalInt(offset + 2)
        speakerText = row.optionalString(offset + 3)
        cueStart = row.int(offset + 4)
        cueEnd = row.int(offset + 5)
        cueText = row.string(offset + 6)
        contentStart = row.int(offset + 7)
        contentEnd = row.int(offset + 8)
        contentText = row.string(offset + 9)
        parts = row.optionalString(offset + 10)
        kind = row.string(offset + 11)
        stance = row.string(offset + 12)
        ruleID = row.string(offset + 13)
        ruleHash = row.string(offset + 14)
    }

    init(_ c: Candidate, speakerID: Int?, text: UTF8Text) {
        func cp(_ b: Int) -> Int { text.codePointOffset(ofByte: b) }
        self.speakerID = speakerID
        speakerStart = c.speaker.map { cp($0.lowerBound) }
        speakerEnd = c.speaker.map { cp($0.upperBound) }
        speakerText = c.speaker.map { text.string($0) }
        cueStart = cp(c.cue.lowerBound)
        cueEnd = cp(c.cue.upperBound)
        cueText = text.string(c.cue)
        contentStart = cp(c.content.lowerBound)
        contentEnd = cp(c.content.upperBound)
        contentText = text.string(c.content)
        parts = c.parts.count > 1 ? "[" + c.parts.map { "[\(cp($0.lowerBound)),\(cp($0.upperBound))]" }.joined(separator: ",") + "]" : nil
        kind = c.kind.rawValue
        stance = c.stance
        ruleID = c.ruleID
        ruleHash = c.ruleHash
    }
}

/// What writing an article's claims changed.
public struct ClaimChanges: Sendable {
    public struct Change: Sendable {
        public var ruleID: String
        public var claimID: Int
        public var text: String
    }
    public var added: [Change] = []
    public var removed: [Change] = []
    public var changed: [Change] = []
    public var unchanged = 0
}

extension ClaimStore {
    /// Writes an article's claims and responses over what is stored for it: a claim at the same cue and
    /// content spans keeps its id, its targets and its responses; others are added or removed.
    func writeClaims(articleID: Int, text: UTF8Text, claims: [Pending], responses: [DetectedResponse]) throws -> ClaimChanges {
        var changes = ClaimChanges()
        var cache: [ActorRef: Int] = [:]
        let stored = try db.rows(
            "SELECT id, \(ClaimRow.columns) FROM claims WHERE article_id = ? ORDER BY id", [.int(articleID)]
        ) { ($0.int(0), ClaimRow($0, offset: 1)) }
        var byIdentity: [[Int]: (Int, ClaimRow)] = [:]
        for (id, row) in stored { byIdentity[row.identity] = (id, row) }
        var ids: [Int] = []
        for claim in claims {
            let speakerID = try claim.speaker.map { try actorID($0, cache: &cache) }
            let row = ClaimRow(claim.candidate, speakerID: speakerID, text: text)
            let id: Int
            if let (existing, old) = byIdentity.removeValue(forKey: row.identity) {
                ids.append(existing)
                if old == row {
                    changes.unchanged += 1
                    continue
                }
                id = existing
                try db.run(
                    "UPDATE claims SET (\(ClaimRow.columns)) = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?",
                    row.values + [.int(id)])
                changes.changed.append(.init(ruleID: row.ruleID, claimID: id, text: row.contentText))
                try db.run("DELETE FROM claim_targets WHERE claim_id = ?", [.int(id)])
            } else {
                try db.run(
                    "INSERT INTO claims(article_id, \(ClaimRow.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [.int(articleID)] + row.values)
                id = Int(db.lastInsertRowID)
                // No trigger does this (migration 3): a trigger would flush the index at every claim.
                try db.run("INSERT INTO claims_fts(rowid, content_text) VALUES (?, ?)", [.int(id), .text(row.contentText)])
                ids.append(id)
                changes.added.append(.init(ruleID: row.ruleID, claimID: id, text: row.contentText))
            }
            for (span, target) in claim.targets {
                let actor = try actorID(target, cache: &cache)
                try db.run(
                    "INSERT OR IGNORE INTO claim_targets(claim_id, actor_id, mention_start, mention_end, mention_text) VALUES (?, ?, ?, ?, ?)",
                    [.int(id), .int(actor), .int(text.codePointOffset(ofByte: span.lowerBound)),
                     .int(text.codePointOffset(ofByte: span.upperBound)), .text(text.string(span))])
            }
        }
        for (_, (id, row)) in byIdentity.sorted(by: { $0.value.0 < $1.value.0 }) {
            try db.run("DELETE FROM claims WHERE id = ?", [.int(id)])
            changes.removed.append(.init(ruleID: row.ruleID, claimID: id, text: row.contentText))
        }
        try writeResponses(articleID: articleID, claimIDs: ids, responses: responses, cache: &cache)
        // Responses from here that name someone but no claim look for one now; responses stored earlier
        // that answer someone who speaks here may find their claim among these.
        let speakers = Set(claims.compactMap { $0.speaker }.compactMap { cache[$0] })
        try ResponseLinker(db: db).link(articleID: articleID, answering: speakers)
        return changes
    }

    /// Replaces the article's detected responses, keeping the rows that are detected again.
    func writeResponses(articleID: Int, claimIDs: [Int], responses: [DetectedResponse], cache: inout [ActorRef: Int]) throws {
        let old = try db.rows(
            """
            SELECT r.id, r.from_claim_id, r.relation, r.target_actor_id, r.rule_id FROM responses r
            JOIN claims c ON c.id = r.from_claim_id WHERE c.article_id = ?
            """, [.int(articleID)]) { ($0.int(0), "\($0.int(1))|\($0.string(2))|\($0.optionalInt(3) ?? 0)|\($0.string(4))") }
        var keep: Set<Int> = []
        for r in responses {
            let target = try r.answered.map { try actorID($0, cache: &cache) }
            let key = "\(claimIDs[r.from])|\(r.relation)|\(target ?? 0)|\(r.ruleID)"
            let to: SQLValue = r.to.map { .int(claimIDs[$0]) } ?? .null
            if let existing = old.first(where: { $0.1 == key && !keep.contains($0.0) }) {
                keep.insert(existing.0)
                if r.to != nil { try db.run("UPDATE responses SET to_claim_id = ? WHERE id = ?", [to, .int(existing.0)]) }
                continue
            }
            try db.run(
                "INSERT INTO responses(from_claim_id, to_claim_id, target_actor_id, relation, rule_id, evidence) VALUES (?, ?, ?, ?, ?, ?)",
                [.int(claimIDs[r.from]), to, .optional(target), .text(r.relation), .text(r.ruleID),
                 .text([r.object ?? "", r.evidence].joined(separator: "\u{1F}"))])
        }
        for (id, _) in old where !keep.contains(id) {
            try db.run("DELETE FROM responses WHERE id = ?", [.int(id)])
        }
    }
}
