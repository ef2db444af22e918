/// A reporting verb with its forms and the stance it gives a claim.
public struct Cue: Sendable, Equatable {
    public var stance: String
    public var base: String
    public var third: String
    public var past: String
    public var ing: String
    public var participle: String
    /// Finite and perfect forms: says, said, and the participle where it differs.
    public var finiteForms: [String] { Array(Set([third, past, participle])).sorted() }
    public var allForms: [String] { Array(Set([base, third, past, ing, participle])).sorted() }
}

/// Shared word lists and pattern fragments that rules reference as `@{name}` instead of copying them.
///
/// Macros: `@{list}` for a word list, `@{fragment}` for a named sub-pattern, and for reporting verbs
/// `@{cue}` (says, said, has said), `@{cue_ing}` (saying), `@{cue_base}` (say); each takes a stance
/// filter, `@{cue:denial}` or `@{cue_ing:denial,doubt}`.
public struct Vocabulary: Sendable {
    public var cues: [Cue] = []
    /// Word lists by name.
    public var lists: [String: [String]] = [:]
    /// Pattern fragments by name, as written (they may reference other macros).
    public var fragments: [String: String] = [:]
    /// Stance by any form of a cue verb, lowercased.
    public private(set) var stanceByForm: [String: String] = [:]
    public private(set) var baseByForm: [String: String] = [:]

    public init() {}

    mutating func reindex() {
        stanceByForm = [:]
        baseByForm = [:]
        for cue in cues {
            for form in cue.allForms {
                stanceByForm[form.lowercased()] = cue.stance
                baseByForm[form.lowercased()] = cue.base
            }
        }
    }

    /// A word list, lowercased, as a set.
    public func set(_ name: String) -> Set<String> { Set((lists[name] ?? []).map { $0.lowercased() }) }

    /// The stance a cue phrase gives: the first word of it that is a known cue form.
    public func stance(ofCue text: String) -> String {
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) {
            if let stance = stanceByForm[String(word)] { return stance }
        }
        return "neutral"
    }

    /// Every macro name patterns may use.
    public var macroNames: [String] {
        ["cue", "cue_ing", "cue_base"] + lists.keys.sorted() + fragments.keys.sorted()
    }
}
