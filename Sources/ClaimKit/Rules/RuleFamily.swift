/// Rules whose patterns begin with the same words, matched together in one pass.
///
/// Most rules start the same way: a speaker, an optional aside, then the cue. Run one after another,
/// each rule tries the speaker at every word of the article again. Fused, a family's patterns form a
/// prefix tree: what members share is tried once per position, and each rule's own rest after it:
///
///     shared (?: (?>rest₁)(?C1) | more shared (?: (?>rest₂)(?C2) | (?>rest₃)(?C3) ) ) (*FAIL)
///
/// The pattern never matches; a callout reports where a rule's rest succeeded, then fails so that the
/// other rules, and other ways through the shared parts, are still tried. The atomic group keeps each
/// rule to the first way its rest matches, which is the match the rule alone would return at that start,
/// so the claims found are those of running the rules one by one (a test holds the two to the same
/// result).
///
/// A shared part that can end at one place in several ways (a speaker's words parsed as title and name
/// or as name alone) reaches a checkpoint callout, numbered above the members; the second way to reach it
/// at the same place, from the same start, is cut off, since everything after it would repeat.
struct RuleFamily: Sendable {
    /// Indexes of the member rules in the rule set, in rule-set order.
    let members: [Int]
    let pattern: Pattern
    /// For each member, its own group names and their numbers in the fused pattern.
    let groups: [[String: Int]]

    /// A prefix shorter than this shares too little work to be worth a fused pattern.
    static let minimumPrefix = 12

    /// A node of the prefix tree: one member's rest, or members sharing the source up to `end`.
    private indirect enum Node {
        case leaf(Int)
        case shared(end: Int, children: [Node])
    }

    /// Why rules that begin alike cannot run together.
    struct Problem: Error {
        let message: String
        /// The fused pattern is past what PCRE2 compiles as one (64 KB here): halves of the family may fit.
        var tooLarge = false
    }

    /// Fuses `rules[members]` behind their shared prefix; nil when they cannot run together.
    init?(_ rules: [Rule], members: [Int], vocabulary: Vocabulary) {
        guard case .success(let family) = Self.fuse(rules, members: members, vocabulary: vocabulary) else { return nil }
        self = family
    }

    private init(members: [Int], pattern: Pattern, groups: [[String: Int]]) {
        self.members = members
        self.pattern = pattern
        self.groups = groups
    }

    /// Fuses `rules[members]` behind their shared prefix, or says why they cannot be: they share too
    /// little, a shared part names a group only some members define, or the fused pattern does not
    /// compile (PCRE2 here refuses a compiled pattern past 64 KB).
    static func fuse(_ rules: [Rule], members: [Int], vocabulary: Vocabulary) -> Result<RuleFamily, Problem> {
        guard members.count > 1, members.count < 200 else {
            return .failure(Problem(message: "a family holds 2 to 199 rules, not \(members.count)"))
        }
        let sources = members.map { Array(rules[$0].source.utf8) }
        let strings = members.map { rules[$0].source }
        let cut = PatternPrefix.sharedCut(strings)
        guard cut >= Self.minimumPrefix else {
            return .failure(Problem(message: "they share \(cut) characters, fewer than \(minimumPrefix)"))
        }
        let root = Node.shared(end: cut, children: Self.tree(Array(members.indices), from: cut, strings))

        var names = [[String: String]](repeating: [:], count: members.count)
        var segment = 0
        var checkpoint = 255
        let allDefined = Set(strings.flatMap { PatternPrefix.definedNames($0) })
        // Each part's own groups get names of their own; a part may refer to groups of the parts before it.
        func render(_ node: Node, from: Int, inherited: [String: String]) -> String? {
            segment += 1
            let mine: [Int]
            let end: Int
            switch node {
            case .leaf(let k): mine = [k]; end = sources[k].count
            case .shared(let e, _): mine = Self.leaves(node); end = e
            }
            let text = String(decoding: sources[mine[0]][from..<end], as: UTF8.self)
            var scope = inherited
            for name in PatternPrefix.definedNames(text) { scope[name] = "f\(segment)_\(name)" }
            for name in PatternPrefix.mentionedNames(text) where allDefined.contains(name) && scope[name] == nil {
                return nil
            }
            let renamed = PatternPrefix.renaming(text, scope)
            switch node {
            case .leaf(let k):
                names[k] = scope
                return "(?>" + renamed + "\n)(?C\(k + 1))"
            case .shared(let e, let children):
                var branches: [String] = []
                for child in children {
                    guard let branch = render(child, from: e, inherited: scope) else { return nil }
                    branches.append(branch)
                }
                // What follows a shared part depends only on where it ended, unless a rest refers back to a
                // group of the shared part: then a second way to the same end can be skipped.
                let rests = Self.leaves(node).map { String(decoding: sources[$0][e...], as: UTF8.self) }
                let independent = rests.allSatisfy { PatternPrefix.mentionedNames($0).isDisjoint(with: scope.keys) }
                var mark = ""
                if independent && checkpoint > members.count + 1 {
                    mark = "(?C\(checkpoint))"
                    checkpoint -= 1
                }
                return renamed + mark + "\n(?:" + branches.joined(separator: "\n|") + "\n)"
            }
        }
        guard let body = render(root, from: 0, inherited: [:]) else {
            return .failure(Problem(message: "a shared part refers to a group that only some of them define"))
        }
        let pattern: Pattern
        do {
            pattern = try Pattern(try MacroExpander(vocabulary: vocabulary).expand(body + "(*FAIL)").text)
        } catch let error as Pattern.CompileFailure {
            return .failure(Problem(message: "together they do not compile: \(error.message)", tooLarge: true))
        } catch {
            return .failure(Problem(message: "together they do not expand: \(error)"))
        }
        return .success(
            RuleFamily(
                members: members, pattern: pattern,
                groups: names.map { scope in scope.compactMapValues { pattern.groupNumbers[$0] } }))
    }

    /// Members (indexes into `sources`) that share the source up to `from`, as subtrees: those that share
    /// a further cut point go under one node.
    private static func tree(_ members: [Int], from: Int, _ sources: [String]) -> [Node] {
        var clusters: [[Int]] = []
        for m in members {
            if let c = clusters.firstIndex(where: { PatternPrefix.sharedCut(($0 + [m]).map { sources[$0] }) > from }) {
                clusters[c].append(m)
            } else {
                clusters.append([m])
            }
        }
        return clusters.map { cluster in
            guard cluster.count > 1 else { return .leaf(cluster[0]) }
            let end = PatternPrefix.sharedCut(cluster.map { sources[$0] })
            return .shared(end: end, children: tree(cluster, from: end, sources))
        }
    }

    private static func leaves(_ node: Node) -> [Int] {
        switch node {
        case .leaf(let k): return [k]
        case .shared(_, let children): return children.flatMap(leaves)
        }
    }

    /// How to run `rules`: each step is one rule alone or a family. A rule joins the family whose members
    /// it shares the longest prefix with.
    static func plan(_ rules: [Rule], vocabulary: Vocabulary) -> [Step] {
        var steps: [Step] = []
        for group in groups(rules) {
            for part in parts(rules, group, vocabulary: vocabulary) {
                if case .success(let family) = part.fused {
                    steps.append(.family(family))
                } else {
                    steps += part.members.map { .single($0) }
                }
            }
        }
        return steps
    }

    /// A group fused as one family, or, when that pattern is too large for PCRE2, as its halves in rule
    /// order (each halved again if need be): two passes over the speaker still beat one per rule.
    static func parts(_ rules: [Rule], _ group: [Int], vocabulary: Vocabulary) -> [(members: [Int], fused: Result<RuleFamily, Problem>)] {
        guard group.count > 1 else { return [(group, .failure(Problem(message: "a rule alone")))] }
        let whole = fuse(rules, members: group, vocabulary: vocabulary)
        if case .failure(let problem) = whole, problem.tooLarge, group.count >= 4 {
            let half = group.count / 2
            return parts(rules, Array(group[..<half]), vocabulary: vocabulary)
                + parts(rules, Array(group[half...]), vocabulary: vocabulary)
        }
        return [(group, whole)]
    }

    /// Rules (indexes) grouped by the longest prefix they share, in rule order.
    static func groups(_ rules: [Rule]) -> [[Int]] {
        var groups: [[Int]] = []
        for i in rules.indices {
            let shares = groups.indices.map { g in PatternPrefix.sharedCut((groups[g] + [i]).map { rules[$0].source }) }
            if let best = shares.indices.max(by: { shares[$0] < shares[$1] }), shares[best] >= minimumPrefix {
                groups[best].append(i)
            } else {
                groups.append([i])
            }
        }
        return groups
    }

    /// One step of matching a rule set.
    enum Step: Sendable {
        case single(Int)
        case family(RuleFamily)
    }
}

/// Rules that begin alike, and whether they run together.
public struct RuleFamilyNote: Sendable {
    public var ruleIDs: [String]
    /// Why they run one by one, when they do.
    public var problem: String?
    /// Which part of a family too large for one pattern this is (1 of 1 when it is whole).
    public var part = 1
    public var parts = 1
    /// Bytes of the fused pattern's compiled code, when it compiled: how close it is to `Pattern.sizeLimit`.
    public var compiledSize: Int?
}

extension RuleSet {
    /// The families the extractor forms: rules that begin alike, with why a family runs rule by rule.
    public func families() -> [RuleFamilyNote] {
        RuleFamily.groups(rules).filter { $0.count > 1 }.flatMap { group in
            let parts = RuleFamily.parts(rules, group, vocabulary: vocabulary).filter { $0.members.count > 1 }
            return parts.enumerated().map { i, part in
                var note = RuleFamilyNote(ruleIDs: part.members.map { rules[$0].id }, part: i + 1, parts: parts.count)
                switch part.fused {
                case .failure(let problem): note.problem = problem.message
                case .success(let family): note.compiledSize = family.pattern.compiledSize
                }
                return note
            }
        }
    }
}
