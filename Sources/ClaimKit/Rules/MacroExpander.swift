/// Expands `@{name}` references in a pattern and maps offsets in the result back to the source.
struct MacroExpander {
    let vocabulary: Vocabulary

    /// A pattern after expansion, with the map back to its source.
    struct Expansion {
        var text: String
        /// (byte offset in expanded text, byte offset in source, length that maps one to one) runs.
        var runs: [(expanded: Int, source: Int, length: Int)]

        /// The source byte offset for a byte offset in the expanded text; inside an expansion, the `@`.
        func sourceOffset(of expanded: Int) -> Int {
            var best = 0
            for run in runs where run.expanded <= expanded {
                best = run.source + min(expanded - run.expanded, run.length)
            }
            return best
        }
    }

    /// A reference to a name that is neither a list, a fragment nor a cue form.
    struct UnknownName: Error {
        let name: String
        let offset: Int
    }

    /// Expands `source`: each `@{name}` becomes a call `(?&mN)` to a group defined once, with every
    /// definition the pattern needs, in a `(?(DEFINE)...)` block at the end. Defining each fragment once
    /// keeps compiled patterns small however often a fragment is used.
    ///
    /// A fragment called from one place only is written there instead, as a plain group (see
    /// `MacroExpander+Inline.swift`).
    func expand(_ source: String) throws(UnknownName) -> Expansion {
        var state = State()
        let expansion = try rewrite(source, state: &state, top: true)
        if state.definitions.isEmpty { return expansion }
        var (inlined, kept) = Self.inlineSingleCalls(expansion, state.definitions)
        if !kept.isEmpty {
            inlined.text += "(?(DEFINE)" + kept.map { "(?<\($0.group)>\($0.body))" }.joined() + ")"
        }
        return inlined
    }

    private struct State {
        var names: [String: String] = [:]
        var definitions: [Definition] = []
        var stack: [String] = []
    }

    /// A group that a call `(?&group)` runs: one word list, cue form or fragment.
    struct Definition {
        var group: String
        var body: String
    }

    private func rewrite(_ source: String, state: inout State, top: Bool) throws(UnknownName) -> Expansion {
        let bytes = Array(source.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var runs: [(Int, Int, Int)] = []
        var i = 0
        var runStart = 0
        while i < bytes.count {
            // `\@` stays a literal at sign.
            if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count {
                out.append(bytes[i])
                out.append(bytes[i + 1])
                i += 2
                continue
            }
            guard bytes[i] == UInt8(ascii: "@"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "{"),
                let close = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: "}"))
            else {
                out.append(bytes[i])
                i += 1
                continue
            }
            runs.append((out.count - (i - runStart), runStart, i - runStart))
            let reference = String(decoding: bytes[(i + 2)..<close], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            guard let group = try define(reference, state: &state) else {
                throw UnknownName(name: reference, offset: i)
            }
            out.append(contentsOf: "(?&\(group))".utf8)
            i = close + 1
            runStart = i
        }
        runs.append((out.count - (i - runStart), runStart, i - runStart))
        return Expansion(text: String(decoding: out, as: UTF8.self), runs: runs)
    }

    /// The group name that defines `reference`, adding its definition the first time.
    private func define(_ reference: String, state: inout State) throws(UnknownName) -> String? {
        if let name = state.names[reference] { return name }
        if state.stack.contains(reference) { return nil }
        let parts = reference.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first else { return nil }
        let name = first.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { return nil }
        let filter = parts.count > 1
            ? Set(parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) : nil
        let body: String
        switch name {
        case "cue", "cue_ing", "cue_base":
            let forms: ([Cue]) -> [String] = { cues in
                switch name {
                case "cue": cues.flatMap(\.finiteForms)
                case "cue_ing": cues.map(\.ing)
                default: cues.map(\.base)
                }
            }
            guard let filter else {
                if vocabulary.cues.isEmpty { return nil }
                body = Self.alternation(forms(vocabulary.cues))
                break
            }
            let kept = vocabulary.cues.filter { filter.contains($0.stance) }
            let left = vocabulary.cues.filter { !filter.contains($0.stance) }
            if kept.isEmpty { return nil }
            if left.isEmpty {
                guard let all = try define(name, state: &state) else { return nil }
                body = "(?&\(all))"
            } else if forms(left).count < forms(kept).count {
                // Most cues kept: "any cue, but not one of the few left out" compiles to a fraction of a
                // second word tree, and PCRE2 refuses a compiled pattern past 64 KB.
                let stances = Set(left.map(\.stance)).sorted().joined(separator: ",")
                guard let all = try define(name, state: &state),
                    let excluded = try define(name + ":" + stances, state: &state)
                else { return nil }
                // A kept phrase that starts or ends where a left-out one does ("calling for" kept, "calling"
                // left out) is tried on its own first, since the look-ahead would refuse it.
                let leftForms = forms(left)
                let overlapping = forms(kept).filter { form in
                    leftForms.contains { $0.hasPrefix(form + " ") || form.hasPrefix($0 + " ") }
                }
                let first = overlapping.isEmpty ? "" : Self.alternation(overlapping) + "|"
                body = "(?:" + first + "(?!(?&\(excluded))\\b)(?&\(all)))"
            } else {
                body = Self.alternation(forms(kept))
            }
        default:
            if let words = vocabulary.lists[name] {
                body = Self.alternation(words)
            } else if let fragment = vocabulary.fragments[name] {
                state.stack.append(reference)
                defer { state.stack.removeLast() }
                guard let inner = try? rewrite(fragment, state: &state, top: false) else { return nil }
                body = "(?:" + inner.text + ")"
            } else {
                return nil
            }
        }
        let group = "m\(state.names.count + 1)"
        state.names[reference] = group
        state.definitions.append(Definition(group: group, body: body))
        return group
    }

    /// One group that matches any of `words`, the longer where one is a prefix of another ("Prime
    /// Minister" over "Prime"), factored by prefix so that PCRE2 compares each character once.
    ///
    /// Every rule and every fused family expands the same lists again, so the groups are kept by word list:
    /// building the trees again was a third of the instructions of loading the rules.
    static func alternation(_ words: [String]) -> String {
        let key = words.joined(separator: "\u{1}")
        if let known = alternations.withLock({ $0[key] }) { return known }
        let pattern = WordTrie(Array(Set(words)).sorted()).pattern
        alternations.withLock { $0[key] = pattern }
        return pattern
    }

    private static let alternations = Mutex<[String: String]>([:])

    /// Escapes a word for extended-mode PCRE2; a space matches any run of white space.
    static func escape(_ word: String) -> String {
        var out = ""
        for scalar in word.unicodeScalars {
            switch scalar {
            case " ": out += "\\s+"
            case "\\", ".", "+", "*", "?", "(", ")", "[", "]", "{", "}", "|", "^", "$", "#", "-":
                out += "\\" + String(scalar)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

import Foundation
import Synchronization
