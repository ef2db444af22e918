/// Rules whose patterns begin with the same words, matched together in one pass.
///
/// Most rules start the same way: a speaker, an optional aside, then the cue. Run one after another,
/// each rule tries the speaker at every word of the article again. Fused, the shared beginning is tried
/// once per position and each rule's own rest after it:
///
///     prefix (?: (?>rest₁)(?C1)(*FAIL) | (?>rest₂)(?C2)(*FAIL) | … )
///
/// The pattern never matches; a callout reports where a rule's rest succeeded, then fails so that the
/// other rules, and other ways through the prefix, are still tried. The atomic group keeps each rule to
/// the first way its rest matches, which is the match the rule alone would return at that start, so
/// the claims found are those of running the rules one by one (a test holds the two to the same result).
struct RuleFamily: Sendable {
    /// Indexes of the member rules in the rule set, in rule-set order.
    let members: [Int]
    let pattern: Pattern
    /// For each member, its own group names and their numbers in the fused pattern.
    let groups: [[String: Int]]

    /// A prefix shorter than this shares too little work to be worth a fused pattern.
    static let minimumPrefix = 12

    /// Fuses `rules[members]` behind their shared prefix; nil when they share none or do not compile.
    init?(_ rules: [Rule], members: [Int], vocabulary: Vocabulary) {
        guard members.count > 1, members.count < 255 else { return nil }
        let sources = members.map { rules[$0].source }
        let cut = PatternPrefix.sharedCut(sources)
        guard cut >= Self.minimumPrefix else { return nil }
        let prefix = String(decoding: Array(sources[0].utf8)[..<cut], as: UTF8.self)
        let prefixNames = Set(PatternPrefix.definedNames(prefix))
        var branches: [String] = []
        var renamed: [[String: String]] = []
        for (k, source) in sources.enumerated() {
            let rest = String(decoding: Array(source.utf8)[cut...], as: UTF8.self)
            let names = Set(PatternPrefix.definedNames(rest))
            guard names.isDisjoint(with: prefixNames) else { return nil }
            let rename = { (name: String) in "f\(k)_\(name)" }
            renamed.append(Dictionary(uniqueKeysWithValues: names.map { ($0, rename($0)) }))
            branches.append("(?>" + PatternPrefix.renaming(rest, names, rename) + "\n)(?C\(k + 1))")
        }
        let fused = prefix + "\n(?:" + branches.joined(separator: "\n|") + "\n)(*FAIL)"
        guard let expanded = try? MacroExpander(vocabulary: vocabulary).expand(fused),
            let pattern = try? Pattern(expanded.text)
        else { return nil }
        self.members = members
        self.pattern = pattern
        groups = renamed.map { names in
            var numbers: [String: Int] = [:]
            for name in prefixNames { numbers[name] = pattern.groupNumbers[name] }
            for (name, fusedName) in names { numbers[name] = pattern.groupNumbers[fusedName] }
            return numbers
        }
    }

    /// How to run `rules`: each step is one rule alone or a family. Rules join the first earlier rule
    /// they share a prefix with; a family's prefix is what all its members share.
    static func plan(_ rules: [Rule], vocabulary: Vocabulary) -> [Step] {
        var groups: [[Int]] = []
        for i in rules.indices {
            if let g = groups.firstIndex(where: { group in
                PatternPrefix.sharedCut((group + [i]).map { rules[$0].source }) >= minimumPrefix
            }) {
                groups[g].append(i)
            } else {
                groups.append([i])
            }
        }
        var steps: [Step] = []
        for group in groups {
            if group.count > 1, let family = RuleFamily(rules, members: group, vocabulary: vocabulary) {
                steps.append(.family(family))
            } else {
                steps += group.map { .single($0) }
            }
        }
        return steps
    }

    /// One step of matching a rule set.
    enum Step: Sendable {
        case single(Int)
        case family(RuleFamily)
    }
}
