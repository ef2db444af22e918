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
        guard let expanded = try? MacroExpander(vocabulary: vocabulary).expand(inner) else { return nil }
        return try? Pattern(expanded.text)
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
