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
