/// What the rules did with one text, for `claims rules explain`: kept claims with their resolved
/// speakers, and dropped candidates with the reason.
public struct ExplainReport {
    public let text: UTF8Text
    public let kept: [(Candidate, ActorRef?)]
    public let dropped: [(Candidate, DropReason)]
    public let responses: [DetectedResponse]

    public init(rules: RuleSet, text: String) throws(RuleError) {
        let analyzer = try Analyzer(rules: rules)
        let article = PageSplitter(rules: rules).makeArticle(key: "explain", text: text, path: "-", published: nil)
        var plain = article
        // A one-line text is a sentence to explain, not a headline.
        if !text.contains("\n") { plain.headline = nil }
        let analysis = try analyzer.analyze(plain)
        self.text = analysis.text
        kept = analysis.claims.map { ($0.candidate, $0.speaker) }
        dropped = analysis.extraction.dropped
        responses = analysis.responses
    }

    /// The report as text: one block per candidate, code point offsets in brackets.
    public func render() -> String {
        var lines: [String] = []
        func span(_ s: ByteSpan) -> String {
            "[\(text.codePointOffset(ofByte: s.lowerBound))-\(text.codePointOffset(ofByte: s.upperBound))] \"\(text.string(s))\""
        }
        for (c, speaker) in kept {
            lines.append("claim  rule \(c.ruleID) (priority \(c.priority), \(c.kind.rawValue), stance \(c.stance))")
            lines.append("  speaker: \(c.speaker.map(span) ?? "(from the claim before)") -> \(speaker.map { "\($0.name) (\($0.kind))" } ?? "unresolved")")
            lines.append("  cue:     \(span(c.cue))")
            for part in c.parts { lines.append("  content: \(span(part))") }
            for t in c.targets { lines.append("  target:  \(span(t))") }
        }
        for (c, reason) in dropped {
            lines.append("dropped  rule \(c.ruleID): \(reason)")
            lines.append("  cue:     \(span(c.cue))")
            lines.append("  content: \(span(c.content))")
        }
        for r in responses {
            let to = r.to.map { "claim \($0 + 1)" } ?? "no claim here"
            lines.append("response  claim \(r.from + 1) \(r.relation) \(r.answered?.name ?? "unknown") (\(to)), rule \(r.ruleID): \"\(r.evidence)\"")
        }
        lines.append("\(kept.count) claims, \(dropped.count) dropped\(responses.isEmpty ? "" : ", \(responses.count) responses")")
        return lines.joined(separator: "\n")
    }
}
