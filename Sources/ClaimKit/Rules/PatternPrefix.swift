/// Where a rule pattern, as written, may be cut in two so that several rules can share the first part.
///
/// A cut point lies outside every group, character class, `@{name}` reference and escape, and is not
/// followed by a quantifier, so that `prefix + "(?:" + rest + ")"` means what the whole pattern meant.
/// A `#` comment runs to the end of its line (patterns compile in extended mode) and holds no cut point.
/// Patterns with constructs this does not follow (a top-level `|`, `\Q`, `(?#...)`, verbs, branch reset
/// groups, a `#` where options are set inline) have no cut points.
enum PatternPrefix {
    /// Offsets (in UTF-8 bytes) where `source` may be cut, in increasing order; empty when it may not be.
    static func cutPoints(_ source: String) -> [Int] {
        let s = Array(source.utf8)
        var cuts: [Int] = []
        var depth = 0
        var i = 0
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
        func nextIsQuantifier(_ from: Int) -> Bool {
            var j = from
            while j < s.count && isSpace(s[j]) { j += 1 }
            guard j < s.count else { return false }
            return s[j] == UInt8(ascii: "?") || s[j] == UInt8(ascii: "*") || s[j] == UInt8(ascii: "+") || s[j] == UInt8(ascii: "{")
        }
        if s.starts(with: Array("(*".utf8)) { return [] }
        // Inline options could turn extended mode off, and a `#` with it into a literal.
        let comments = !CueGate.setsOptions(source)
        while i < s.count {
            let b = s[i]
            switch b {
            case UInt8(ascii: "\\"):
                guard i + 1 < s.count else { return [] }
                let letter = s[i + 1]
                if letter == UInt8(ascii: "Q") { return [] }
                i += 2
                // \p{Lu}, \x{263A}, \g{name}, \k<name>, \cX: the escape runs on.
                if i < s.count, s[i] == UInt8(ascii: "{") {
                    guard let close = s[i...].firstIndex(of: UInt8(ascii: "}")) else { return [] }
                    i = close + 1
                } else if letter == UInt8(ascii: "k") || letter == UInt8(ascii: "g"), i < s.count,
                    s[i] == UInt8(ascii: "<") || s[i] == UInt8(ascii: "'")
                {
                    let closer = s[i] == UInt8(ascii: "<") ? UInt8(ascii: ">") : UInt8(ascii: "'")
                    guard let close = s[(i + 1)...].firstIndex(of: closer) else { return [] }
                    i = close + 1
                } else if letter == UInt8(ascii: "c") {
                    i += 1
                }
                while i < s.count && s[i] & 0xC0 == 0x80 { i += 1 }
            case UInt8(ascii: "{") where depth == 0:
                // A quantifier's braces, or a literal brace: either way no cut inside.
                guard let close = s[i...].firstIndex(of: UInt8(ascii: "}")) else { return [] }
                i = close + 1
            case UInt8(ascii: "["):
                guard let end = classEnd(s, from: i) else { return [] }
                i = end
            case UInt8(ascii: "@") where i + 1 < s.count && s[i + 1] == UInt8(ascii: "{"):
                guard let close = s[(i + 2)...].firstIndex(of: UInt8(ascii: "}")) else { return [] }
                i = close + 1
            case UInt8(ascii: "("):
                if s[(i + 1)...].starts(with: Array("?|".utf8)) || s[(i + 1)...].starts(with: Array("?#".utf8)) { return [] }
                depth += 1
                i += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth < 0 { return [] }
                i += 1
            case UInt8(ascii: "|") where depth == 0:
                return []
            case UInt8(ascii: "#"):
                guard comments else { return [] }
                // Past the newline too: a cut right after the comment's text would fall inside it.
                i = s[i...].firstIndex(of: 0x0A).map { $0 + 1 } ?? s.count
            default:
                i += 1
                while i < s.count && s[i] & 0xC0 == 0x80 { i += 1 }
            }
            if depth == 0 && i < s.count && !nextIsQuantifier(i) && !isSpace(s[i - 1]) {
                cuts.append(i)
            }
        }
        return depth == 0 ? cuts : []
    }

    /// Calls `visit` at each `(` (`opens` true) and `)` of `s` from `start` that is syntax, not an escaped
    /// character or a member of a class; `visit` returns false to stop the walk.
    static func walkParentheses(_ s: [UInt8], from start: Int = 0, _ visit: (_ at: Int, _ opens: Bool) -> Bool) {
        var i = start
        while i < s.count {
            switch s[i] {
            case UInt8(ascii: "\\"):
                i += 2
            case UInt8(ascii: "["):
                guard let end = classEnd(s, from: i) else { return }
                i = end
            case UInt8(ascii: "("), UInt8(ascii: ")"):
                if !visit(i, s[i] == UInt8(ascii: "(")) { return }
                i += 1
            default:
                i += 1
            }
        }
    }

    /// The offset just past the `]` that closes the class opened at `start`.
    private static func classEnd(_ s: [UInt8], from start: Int) -> Int? {
        var i = start + 1
        if i < s.count && s[i] == UInt8(ascii: "^") { i += 1 }
        // A `]` first in a class is a literal.
        if i < s.count && s[i] == UInt8(ascii: "]") { i += 1 }
        while i < s.count {
            switch s[i] {
            case UInt8(ascii: "\\"): i += 2
            case UInt8(ascii: "[") where i + 1 < s.count && s[i + 1] == UInt8(ascii: ":"):
                guard let close = (i + 2 < s.count ? s[(i + 2)...].firstIndex(of: UInt8(ascii: "]")) : nil) else { return nil }
                i = close + 1
            case UInt8(ascii: "]"): return i + 1
            default: i += 1
            }
        }
        return nil
    }

    /// The longest prefix all `sources` share that is a cut point of each, in bytes; 0 when none.
    static func sharedCut(_ sources: [String]) -> Int {
        guard let first = sources.first else { return 0 }
        let arrays = sources.map { Array($0.utf8) }
        var common = arrays[0].count
        for a in arrays.dropFirst() {
            var n = 0
            while n < min(common, a.count) && a[n] == arrays[0][n] { n += 1 }
            common = n
        }
        var allowed = Set(cutPoints(first).filter { $0 <= common })
        for source in sources.dropFirst() { allowed.formIntersection(cutPoints(source)) }
        return allowed.max() ?? 0
    }

    /// The names of the groups `source` defines: `(?<name>`, `(?'name'`, `(?P<name>`.
    static func definedNames(_ source: String) -> [String] {
        var names: [String] = []
        let s = Array(source.utf8)
        var i = 0
        while i + 3 < s.count {
            if s[i] == UInt8(ascii: "\\") { i += 2; continue }
            if s[i] == UInt8(ascii: "("), s[i + 1] == UInt8(ascii: "?") {
                var j = i + 2
                if s[j] == UInt8(ascii: "P") { j += 1 }
                if j < s.count, s[j] == UInt8(ascii: "<") || s[j] == UInt8(ascii: "'") {
                    var k = j + 1
                    while k < s.count, isWordByte(s[k]) { k += 1 }
                    if k > j + 1, k < s.count, s[k] == UInt8(ascii: ">") || s[k] == UInt8(ascii: "'"), !isDigit(s[j + 1]) {
                        names.append(String(decoding: s[(j + 1)..<k], as: UTF8.self))
                    }
                }
            }
            i += 1
        }
        return names
    }

    /// Every form that names a group: definition, back reference, subroutine call, condition.
    private static let openers = ["(?<", "(?'", "(?P<", "(?P=", "(?P>", "(?&", "\\k<", "\\k'", "\\k{", "\\g{", "(?(<", "(?('", "(?("]
        .map { Array($0.utf8) }.sorted { $0.count > $1.count }

    /// Walks `source`, calling `name` with the byte range of every group name written in one of the
    /// `openers` forms, and `other` with every other run of bytes (an escape stays one run).
    private static func walkNames(_ s: [UInt8], name: (Range<Int>) -> Void, other: (Range<Int>) -> Void) {
        var i = 0
        while i < s.count {
            if let opener = openers.first(where: { s[i...].starts(with: $0) }) {
                let start = i + opener.count
                var k = start
                while k < s.count, isWordByte(s[k]) { k += 1 }
                other(i..<start)
                if k > start, !isDigit(s[start]) { name(start..<k) }
                else if k > start { other(start..<k) }
                i = k
                continue
            }
            let step = s[i] == UInt8(ascii: "\\") && i + 1 < s.count ? 2 : 1
            other(i..<(i + step))
            i += step
        }
    }

    /// `source` with every definition of and reference to a group in `names` renamed to its value there.
    static func renaming(_ source: String, _ names: [String: String]) -> String {
        guard !names.isEmpty else { return source }
        let s = Array(source.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(s.count + 64)
        walkNames(s, name: { range in
            let name = String(decoding: s[range], as: UTF8.self)
            out += names[name].map { Array($0.utf8) } ?? Array(s[range])
        }, other: { out += s[$0] })
        return String(decoding: out, as: UTF8.self)
    }

    /// The group names `source` refers to or defines, in any of the forms `renaming` rewrites.
    static func mentionedNames(_ source: String) -> Set<String> {
        let s = Array(source.utf8)
        var names: Set<String> = []
        walkNames(s, name: { names.insert(String(decoding: s[$0], as: UTF8.self)) }, other: { _ in })
        return names
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
