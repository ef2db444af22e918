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
        func isWordByte(_ b: UInt8) -> Bool { Self.isLetter(b) || b == UInt8(ascii: "-") }
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
