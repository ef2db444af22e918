extension SpeakerResolver {
    /// The source a quotation's attribution is credited to: in "'...,' Lee said at the rally, according to a
    /// transcript", the transcript reports Lee's words, and it is the source. The words after "according
    /// to", or nil where the attribution is not followed by one (only adjuncts may come between).
    func reportingSource(_ text: UTF8Text, claim: Candidate, speaker span: ByteSpan, sentences: Sentences) -> ByteSpan? {
        // Only for words quoted before their attribution: after a clause the source belongs to the clause.
        guard let first = claim.parts.first, first.upperBound <= claim.cue.lowerBound else { return nil }
        let bytes = text.bytes
        let sentence = sentences.index(of: claim.cue.lowerBound)
        let end = sentence + 1 < sentences.starts.count ? sentences.starts[sentence + 1] : text.count
        let start = max(claim.cue.upperBound, span.upperBound)
        let stops: Set<UInt8> = [UInt8(ascii: "\""), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ":"), 0x0A, 0xE2]
        // ", according to" within a few words of the attribution, nothing quoted between.
        let marker = Array(", according to ".utf8)
        var i = start
        var found: Int?
        while i + marker.count <= end, i - start <= 60, !stops.contains(bytes[i]) {
            if bytes[i] == marker[0], Array(bytes[i..<i + marker.count]) == marker { found = i + marker.count; break }
            i += 1
        }
        guard var from = found else { return nil }
        while from < end, bytes[from] == 0x20 { from += 1 }
        var to = from
        func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
        // A full stop inside a name ("U.S.A") is passed; one before anything but a letter ends the source.
        while to < end, !stops.contains(bytes[to]) || (bytes[to] == UInt8(ascii: ".") && to + 1 < end && isLetter(bytes[to + 1])),
            bytes[to] != UInt8(ascii: ",")
        {
            // An apostrophe (E2 80 99) is part of a name ("Farley’s account"), other quotes end it.
            if bytes[to] == 0xE2, !(to + 2 < end && bytes[to + 1] == 0x80 && bytes[to + 2] == 0x99) { break }
            to += bytes[to] == 0xE2 ? 3 : 1
        }
        while to > from, bytes[to - 1] == 0x20 { to -= 1 }
        return to > from ? from..<to : nil
    }
}

extension SpeakerResolver {
    /// Words that open a noun phrase.
    static let phraseOpeners: Set<String> = [
        "the", "a", "an", "some", "many", "most", "several", "other", "these", "those", "all", "few", "both", "two", "three", "his", "her",
        "their", "its", "our",
    ]

    /// The noun phrase a relative pronoun stands for when it is no name: "some far-right commentators who
    /// have suggested ..." is the commentators speaking, not whoever was named last. The phrase with the
    /// pronoun, or nil where a name or nothing nominal comes just before it.
    func relativeAntecedent(_ text: UTF8Text, pronoun span: ByteSpan, mentions: [Mention]) -> ByteSpan? {
        let bytes = text.bytes
        func isWordByte(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "-") }
        var end = span.lowerBound
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        if end > 0, bytes[end - 1] == UInt8(ascii: ",") { end -= 1 }
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        // A name just before is the antecedent already found.
        if let i = lastIndex(of: mentions, endingBy: end), mentions[i].span.upperBound == end { return nil }
        var words: [Range<Int>] = []
        var i = end
        while words.count < 6 {
            var j = i
            while j > 0, isWordByte(bytes[j - 1]) { j -= 1 }
            guard j < i else { break }
            words.append(j..<i)
            let word = String(decoding: bytes[j..<i], as: UTF8.self)
            if Self.phraseOpeners.contains(word.lowercased()) || Self.prepositions.contains(word.lowercased()) { break }
            guard j > 0, bytes[j - 1] == 0x20 else { break }
            i = j - 1
        }
        guard let head = words.first else { return nil }
        let headWord = String(decoding: bytes[head], as: UTF8.self)
        // Only a common noun: a capitalised word before "who" is a name the mentions missed.
        guard headWord.first?.isLowercase ?? false, !Self.phraseOpeners.contains(headWord), !Self.prepositions.contains(headWord),
            !["and", "or", "but", "nor", "then"].contains(headWord)
        else { return nil }
        let last = words.last!
        let opener = String(decoding: bytes[last], as: UTF8.self).lowercased()
        let start = Self.phraseOpeners.contains(opener) ? last.lowerBound : (Self.prepositions.contains(opener) && words.count > 1 ? words[words.count - 2].lowerBound : head.lowerBound)
        return start..<span.upperBound
    }
}
