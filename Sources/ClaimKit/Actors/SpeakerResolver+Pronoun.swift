extension SpeakerResolver {
    /// The person "he" or "she" at `position` stands for: in the pronoun's own sentence the nearest name
    /// that is no object ("Lee told Ward she would stay" is Lee); in a sentence before, its first name, the
    /// subject ("Lee met Ward on Monday. She said ..." is Lee), passing over places ("In Ohio, Lee said ...").
    ///
    /// `outside` and `earlier` are the mentions before the pronoun, nearest first for `earlier`; `genders`
    /// holds what earlier pronouns taught.
    func personalAntecedent(
        _ pronoun: String, before position: Int, outside: [Mention], earlier: [Mention],
        genders: [String: String], sentences: Sentences?
    ) -> ActorRef? {
        let unwanted = pronoun == "he" ? "female" : "male"
        func fits(_ actor: ActorRef) -> Bool {
            actor.kind == "person" && actor.gender != unwanted && genders[actor.name] != unwanted
        }
        func person(_ m: Mention) -> ActorRef? { m.place || !fits(m.actor) ? nil : m.actor }
        guard let sentences else { return earlier.lazy.compactMap(person).first }
        let here = sentences.index(of: position)
        if let own = outside.last(where: { person($0) != nil && !$0.governed && sentences.index(of: $0.span.lowerBound) == here }) {
            return person(own)
        }
        if let nearest = outside.last(where: { person($0) != nil && sentences.index(of: $0.span.lowerBound) < here }) {
            let there = sentences.index(of: nearest.span.lowerBound)
            let inThere = outside.filter { person($0) != nil && sentences.index(of: $0.span.lowerBound) == there }
            return person(inThere.first { !$0.locative } ?? inThere.first ?? nearest)
        }
        return outside.last(where: { person($0) != nil }).flatMap(person) ?? earlier.lazy.compactMap(person).first
    }

    /// Prepositions of place that rarely stand before a person ("at" does: "jabbed at Lee").
    static let places: Set<String> = locatives.subtracting(["at", "around"])

    /// Whether the name at `span` is a possessive ("in Lee's view" is no place).
    static func possessive(_ text: UTF8Text, _ span: ByteSpan) -> Bool {
        let words = text.string(span)
        if words.hasSuffix("'s") || words.hasSuffix("’s") { return true }
        let after = text.bytes[span.upperBound..<min(text.bytes.count, span.upperBound + 4)]
        return after.starts(with: Array("'s".utf8)) || after.starts(with: Array("’s".utf8))
    }
}
