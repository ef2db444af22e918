import Foundation

/// A rule's cue group compiled on its own: a rule cannot match an article its cue does not occur in.
///
/// A rule that starts with a speaker tries that speaker at every word of an article; its cue ("responded",
/// "according to", "Says") is a short list of words that PCRE2 finds by their first letters, hundreds of
/// times faster. One scan for the cue tells whether the whole rule needs to run at all.
enum CueGate {
    /// The pattern of `source`'s `(?<cue>...)` group, or nil when the rule has none, or the group refers
    /// to other groups (its meaning would depend on them), or it does not compile alone.
    static func pattern(for source: String, vocabulary: Vocabulary) -> Pattern? {
        guard let inner = cueGroup(source), PatternPrefix.mentionedNames(inner).isEmpty,
            !setsOptions(source.replacingOccurrences(of: inner, with: ""))
        else { return nil }
        guard let expanded = try? MacroExpander(vocabulary: vocabulary).expand(required(inner)) else { return nil }
        return try? Pattern(expanded.text)
    }

    /// The cue group without the optional groups it opens with: `(?:has\s+)?(?:\p{Ll}+ly\s+)?said` looks for
    /// "said". Every match of the whole group holds a match of the rest at the same place (a look-behind
    /// there sees the same text), and a leading optional part would be tried at every position of the
    /// article, which made some gates cost as much as their rule.
    static func required(_ inner: String) -> String {
        var s = Array(inner.utf8)
        let blank: Set<UInt8> = [0x20, 0x0A, 0x09, 0x0D]
        while true {
            var i = 0
            while i < s.count, blank.contains(s[i]) { i += 1 }
            guard s[i...].starts(with: Array("(?:".utf8)) else { break }
            var depth = 0
            var close: Int?
            PatternPrefix.walkParentheses(s, from: i) { at, opens in
                depth += opens ? 1 : -1
                if depth == 0 { close = at }
                return depth > 0
            }
            guard let close, close + 1 < s.count, s[close + 1] == UInt8(ascii: "?") || s[close + 1] == UInt8(ascii: "*") else { break }
            var end = close + 2
            if end < s.count, s[end] == UInt8(ascii: "?") || s[end] == UInt8(ascii: "+") { end += 1 }
            let rest = Array(s[end...])
            guard rest.contains(where: { !blank.contains($0) }) else { break }
            s = rest
        }
        return String(decoding: s, as: UTF8.self)
    }

    /// Whether `text` may hold a match of the rule that `gate` guards.
    static func admits(_ gate: Pattern?, _ text: UTF8Text) -> Bool {
        guard let gate else { return true }
        do {
            return try gate.firstMatch(in: text) != nil
        } catch {
            // A gate that fails to run lets the rule run, which reports the trouble itself.
            return true
        }
    }

    /// Whether `source` sets options inline (`(?i)`, `(?x:`): outside the cue group they could change
    /// what the cue matches, so such a rule gets no gate.
    static func setsOptions(_ source: String) -> Bool {
        let s = Array(source.utf8)
        var i = 0
        while i + 2 < s.count {
            if s[i] == UInt8(ascii: "\\") { i += 2; continue }
            if s[i] == UInt8(ascii: "("), s[i + 1] == UInt8(ascii: "?") {
                var j = i + 2
                while j < s.count, "imnsxJU^-".utf8.contains(s[j]) { j += 1 }
                if j > i + 2, j < s.count, s[j] == UInt8(ascii: ")") || s[j] == UInt8(ascii: ":") { return true }
            }
            i += 1
        }
        return false
    }

    /// The text inside the first `(?<cue>` group of `source`.
    static func cueGroup(_ source: String) -> String? {
        let s = Array(source.utf8)
        let open = Array("(?<cue>".utf8)
        guard let start = (0..<s.count).first(where: { s[$0...].starts(with: open) && ($0 == 0 || s[$0 - 1] != UInt8(ascii: "\\")) })
        else { return nil }
        var depth = 1
        var inner: String?
        PatternPrefix.walkParentheses(s, from: start + open.count) { at, opens in
            depth += opens ? 1 : -1
            if depth > 0 { return true }
            inner = String(decoding: s[(start + open.count)..<at], as: UTF8.self)
            return false
        }
        return inner
    }
}
