/// Runs every rule over an article's text and keeps one claim per stretch of text.
///
/// Priority: where candidates overlap (their contents share bytes, or one's cue falls in the other's
/// content), the higher `priority` wins; on a tie, the candidate that starts first, then the longer one.
public struct Extractor: Sendable {
    public let rules: RuleSet
    public var limits = Pattern.Limits()
    /// When set, collects the time each rule takes (for `claims bench --profile-rules`).
    public var timer: StageClock.Named?
    /// Rules alone and families of rules that share a beginning, in the order they run.
    let plan: [RuleFamily.Step]
    /// Whether families run fused and rules are skipped where their cue is missing; off, every rule runs
    /// alone over every text (the tests compare the two).
    var fuses = true
    /// For each rule, its cue alone: the rule runs only on texts where the cue occurs.
    let gates: [Pattern?]

    public init(rules: RuleSet) {
        self.rules = rules
        plan = RuleFamily.plan(rules.rules, vocabulary: rules.vocabulary)
        gates = rules.rules.map { CueGate.pattern(for: $0.source, vocabulary: rules.vocabulary) }
    }

    /// Extracts claims from `text`, skipping any whose cue lies in `headline` and that names no speaker.
    /// - Throws: `RuleError` with code `.matchLimit` naming the rule that ran past its limits.
    public func extract(_ text: UTF8Text, headline: ByteSpan? = nil) throws(RuleError) -> Extraction {
        var found = [[Candidate]](repeating: [], count: rules.rules.count)
        for step in plan {
            switch step {
            case .family(let family) where fuses:
                let started = timer == nil ? 0 : DispatchTime.now().uptimeNanoseconds
                defer { timer?.add(family.members.map { rules.rules[$0].id }.joined(separator: " + "), started) }
                do {
                    try run(family, text, into: &found)
                } catch {
                    // At one start the fused pass does the work of every member, so it can run past the
                    // limits where no member alone would: then the members run alone, each within its own
                    // limits, and one that still runs away throws with its id.
                    for i in family.members { found[i] = try run(i, text) }
                }
            case .family(let family):
                for i in family.members { found[i] = try run(i, text) }
            case .single(let i) where fuses && !admits(i, text):
                continue
            case .single(let i):
                found[i] = try run(i, text)
            }
        }
        return select(Array(found.joined()), headline: headline, text: text)
    }

    /// Whether rule `index`'s cue occurs in `text`; the profile counts the look as the rule's own time.
    func admits(_ index: Int, _ text: UTF8Text) -> Bool {
        let started = timer == nil ? 0 : DispatchTime.now().uptimeNanoseconds
        defer { timer?.add(rules.rules[index].id, started) }
        return CueGate.admits(gates[index], text)
    }

    /// The candidates of rule `index` run alone.
    func run(_ index: Int, _ text: UTF8Text) throws(RuleError) -> [Candidate] {
        let rule = rules.rules[index]
        let started = timer == nil ? 0 : DispatchTime.now().uptimeNanoseconds
        defer { timer?.add(rule.id, started) }
        var candidates: [Candidate] = []
        do {
            // The next search starts inside this match's content, so a later attribution whose
            // speaker stands in that content is still found; selection settles the overlap.
            try rule.pattern.forEachMatch(text.bytes, limits: limits) { match -> Int? in
                guard let candidate = candidate(rule, match, text) else { return nil }
                candidates.append(candidate)
                return Self.resume(after: candidate)
            }
        } catch {
            throw RuleError(
                code: error.isLimit ? .matchLimit : .match,
                message: "rule '\(rule.id)' stopped: \(error.message); the pattern backtracks too much on this text, "
                    + "simplify it or anchor it on a quote mark or cue word",
                ruleID: rule.id)
        }
        return candidates
    }

    /// Runs a family's fused pattern, keeping for each member the matches it would find alone: from each
    /// start where it matches, its first match, and the next only from where it would search again.
    func run(_ family: RuleFamily, _ text: UTF8Text, into found: inout [[Candidate]]) throws(Pattern.MatchFailure) {
        var next = [Int](repeating: 0, count: family.members.count)
        let bytes = text.bytes
        var results = [[Candidate]](repeating: [], count: family.members.count)
        var checkpointStart = -1
        // Checkpoints reached from this start: few, so a list beats hashing.
        var reached: [Int] = []
        try family.pattern.scanCallouts(bytes, limits: limits) { hit in
            if hit.number > family.members.count {
                if hit.start != checkpointStart {
                    checkpointStart = hit.start
                    reached.removeAll(keepingCapacity: true)
                }
                let key = hit.number << 40 | hit.end
                if reached.contains(key) { return false }
                reached.append(key)
                return true
            }
            let k = hit.number - 1
            guard k >= 0, k < next.count, hit.start >= next[k] else { return false }
            let rule = rules.rules[family.members[k]]
            let match = PatternMatch(ranges: hit.ranges, names: family.groups[k])
            var resume = hit.end
            if let candidate = candidate(rule, match, text) {
                results[k].append(candidate)
                resume = Self.resume(after: candidate)
            }
            resume = max(resume, hit.start + 1)
            while resume < bytes.count && bytes[resume] & 0xC0 == 0x80 { resume += 1 }
            next[k] = resume
            return false
        }
        for (k, i) in family.members.enumerated() { found[i] = results[k] }
    }

    /// Where a rule searches again after a candidate: inside its content, so that an attribution whose
    /// speaker stands in that content is still found.
    static func resume(after candidate: Candidate) -> Int {
        min(candidate.content.lowerBound, candidate.cue.upperBound) + 1
    }

    func candidate(_ rule: Rule, _ match: PatternMatch, _ text: UTF8Text) -> Candidate? {
        guard let cue = match["cue"], var content = match["content"] else { return nil }
        var parts = [content]
        for extra in ["content2", "content3"] {
            if let more = match[extra], !more.isEmpty { parts.append(more) }
        }
        parts.sort { $0.lowerBound < $1.lowerBound }
        content = parts[0]
        var kind = rule.kind
        if kind == .indirect && Self.containsQuoteMark(text, content.lowerBound..<parts.last!.upperBound) { kind = .mixed }
        let stance = rule.stance ?? rules.vocabulary.stance(ofCue: text.string(cue))
        var targets: [ByteSpan] = []
        if let target = match["target"], !target.isEmpty { targets.append(target) }
        return Candidate(
            ruleID: rule.id, ruleHash: rule.hash, priority: rule.priority, kind: kind, stance: stance,
            speaker: match["speaker"].flatMap { $0.isEmpty ? nil : $0 }, cue: cue, parts: parts, targets: targets)
    }

    func select(_ candidates: [Candidate], headline: ByteSpan?, text: UTF8Text) -> Extraction {
        let ordered = candidates.sorted { a, b in
            if a.priority != b.priority { return a.priority > b.priority }
            if a.content.lowerBound != b.content.lowerBound { return a.content.lowerBound < b.content.lowerBound }
            return a.content.count > b.content.count
        }
        var kept: [Candidate] = []
        var dropped: [(Candidate, DropReason)] = []
        for candidate in ordered {
            // A headline claim stays when it names its speaker ("Mayor Says ...", "Poll: ..."); one
            // without a speaker of its own has no sentence before it to take one from.
            if let headline, headline.contains(candidate.cue.lowerBound), candidate.speaker == nil {
                dropped.append((candidate, .headline))
                continue
            }
            if !Self.hasLetters(text, candidate.content) {
                dropped.append((candidate, .empty))
                continue
            }
            if let winner = kept.first(where: { Self.conflict($0, candidate) }) {
                dropped.append((candidate, .overlap(winner: winner.ruleID)))
                continue
            }
            kept.append(candidate)
        }
        kept.sort { $0.content.lowerBound < $1.content.lowerBound }
        return Extraction(claims: kept, dropped: dropped)
    }

    static func conflict(_ a: Candidate, _ b: Candidate) -> Bool {
        let aSpans = a.parts + [a.cue]
        let bSpans = b.parts + [b.cue]
        for x in aSpans { for y in bSpans where x.overlaps(y) { return true } }
        return false
    }

    static func hasLetters(_ text: UTF8Text, _ span: ByteSpan) -> Bool {
        text.string(span).contains { $0.isLetter || $0.isNumber }
    }

    static let quoteMarks: Set<UInt32> = [0x22, 0x201C, 0x201D, 0xAB, 0xBB, 0x2018, 0x2019, 0x27]

    /// Whether a span holds a quotation mark (an apostrophe inside a word does not count).
    static func containsQuoteMark(_ text: UTF8Text, _ span: ByteSpan) -> Bool {
        let scalars = Array(text.string(span).unicodeScalars)
        for (i, s) in scalars.enumerated() where quoteMarks.contains(s.value) {
            if s.value == 0x27 || s.value == 0x2019 {
                let before = i > 0 && scalars[i - 1].properties.isAlphabetic
                let after = i + 1 < scalars.count && scalars[i + 1].properties.isAlphabetic
                if before && after { continue }
            }
            return true
        }
        return false
    }
}

import Dispatch
