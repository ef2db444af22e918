/// A word list as a prefix tree, written out as one PCRE2 group.
///
/// PCRE2 tries the branches of an alternation one after another, so a list of 300 cue forms costs 300
/// comparisons at every place a rule tries it. Factored by prefix ("s(?:a(?:id|ys)|tated)"), each
/// character is compared once, and a failing word costs a handful of comparisons. The group matches
/// exactly the words of the list and, where one word is a prefix of another ("Prime" and "Prime
/// Minister"), prefers the longer one, as the longest-first alternation it replaces did.
struct WordTrie {
    private final class Node {
        var children: [(unit: String, node: Node)] = []
        var isWord = false

        func child(_ unit: String) -> Node {
            if let found = children.first(where: { $0.unit == unit }) { return found.node }
            let node = Node()
            children.append((unit, node))
            return node
        }
    }

    private let root = Node()

    init(_ words: [String]) {
        let present = Set(words)
        for word in words where !word.isEmpty {
            var units = Self.units(word)
            // "Critics" and "critics" share one branch under "[Cc]", which PCRE2 compiles to a single
            // caseless character: lists that name both cases cost half the pattern space.
            if let first = word.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic {
                let lower = String(first).lowercased(), upper = String(first).uppercased()
                let twin = (String(first) == lower ? upper : lower) + word.unicodeScalars.dropFirst().map(String.init).joined()
                if present.contains(twin) {
                    if String(first) == lower { continue }
                    units[0] = "[" + upper + lower + "]"
                }
            }
            var node = root
            for unit in units { node = node.child(unit) }
            node.isWord = true
        }
    }

    /// The pattern, always one group: `(?:...)`.
    var pattern: String { "(?:" + Self.render(root) + ")" }

    /// A word as pattern units: one escaped character each, and `\s+` for a run of spaces.
    private static func units(_ word: String) -> [String] {
        var units: [String] = []
        for scalar in word.unicodeScalars {
            if scalar == " " {
                if units.last != "\\s+" { units.append("\\s+") }
            } else {
                units.append(MacroExpander.escape(String(scalar)))
            }
        }
        return units
    }

    /// The branches below `node`; an end of word with longer words below becomes an optional group,
    /// greedy, so the longer word is tried first.
    private static func render(_ node: Node) -> String {
        let branches = node.children.map { child -> String in
            // A chain of single children is written out as plain text.
            var text = child.unit
            var next = child.node
            while next.children.count == 1 && !next.isWord {
                text += next.children[0].unit
                next = next.children[0].node
            }
            if next.children.isEmpty { return text }
            let below = render(next)
            return text + "(?:" + below + (next.isWord ? ")?" : ")")
        }
        return branches.joined(separator: "|")
    }
}
