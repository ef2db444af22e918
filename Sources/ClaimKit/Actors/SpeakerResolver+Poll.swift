extension SpeakerResolver {
    /// A poll, survey or analysis named as a source: "according to a Gallup poll released Monday", "In a
    /// survey of 800 voters", "A Bloomberg poll in June showed". Group `np` is the poll's words.
    static let pollSource = #"""
        (?x) (?:\b(?i:according\s+to|in)\s+ (?<np>(?:[Aa]n?|[Tt]he)\s+ (?:[^,.;:\n"“”]{0,80}?\s)? (?i:poll|survey|analysis|study)\b
             (?:\s+(?:released|conducted|published|taken|of|by|for|from|in|on)\b[^,.;:\n"“”]{0,60})? )
        | (?<np2>\b(?:[Aa]n?|[Tt]he)\s+ (?:[^,.;:\n"“”]{0,80}?\s)? (?i:poll|survey|analysis|study|results)\b [^,.;:\n"“”]{0,60}?)
          \s+(?:showed|shows|found|finds|finding|(?:is|are)\s+showing|showing)\b)
        """#

    /// Words for a share of the people asked: "51 percent of respondents", "about half", "nearly three in four",
    /// "majorities of Americans".
    static func isShare(_ words: String) -> Bool {
        let lower = words.lowercased()
        if lower.contains("percent") || lower.contains("%") { return true }
        let tokens = lower.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        if tokens.contains(where: { ["half", "majority", "majorities", "plurality"].contains($0) }) { return true }
        // "three in four", "4 in 10".
        if let i = tokens.firstIndex(of: "in"), i > 0, i + 1 < tokens.count {
            let numbers: Set<Substring> = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
            let isNumber = { (t: Substring) in numbers.contains(t) || t.allSatisfy(\.isNumber) }
            return isNumber(tokens[i - 1]) && isNumber(tokens[i + 1])
        }
        return false
    }

    /// The poll named in the sentence of a claim whose speaker is a share of the people it asked: the
    /// people answered, the poll reports it. Nil where the speaker is no share or no poll is named there.
    func pollSpeaking(_ text: UTF8Text, speaker span: ByteSpan, polls: [ByteSpan], sentences: Sentences) -> ByteSpan? {
        guard !polls.isEmpty, Self.isShare(text.string(span)) else { return nil }
        let sentence = sentences.index(of: span.lowerBound)
        return polls.first { sentences.index(of: $0.lowerBound) == sentence && !$0.overlaps(span) }
    }
}
