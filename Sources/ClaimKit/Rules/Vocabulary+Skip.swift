extension Vocabulary {
    /// Fragments that hold `(*SKIP)`, such as `@{word_start}`: they move PCRE2's next start position, which
    /// is only safe where a match attempt begins, so a pattern may use them only as its first item.
    var skippingFragments: Set<String> {
        Set(fragments.filter { $0.value.contains("(*SKIP") }.keys)
    }

    /// The first misplaced use of a skipping fragment in `pattern`, with the byte offset of the reference:
    /// a skipping fragment anywhere but first, or any fragment that uses one inside (where it could not be
    /// first). Nil when there is none.
    func misplacedSkip(in pattern: String) -> (name: String, offset: Int)? {
        let skipping = skippingFragments
        guard !skipping.isEmpty else { return nil }
        let bytes = Array(pattern.utf8)
        let lead = bytes.firstIndex { ![UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t")].contains($0) } ?? 0
        for (name, offset) in Self.references(in: pattern) {
            if skipping.contains(name) ? offset != lead : usesSkipping(name, skipping, seen: []) { return (name, offset) }
        }
        return nil
    }

    /// Whether fragment `name` refers, directly or through other fragments, to a skipping fragment.
    private func usesSkipping(_ name: String, _ skipping: Set<String>, seen: Set<String>) -> Bool {
        guard let body = fragments[name], !seen.contains(name) else { return false }
        return Self.references(in: body).contains { reference, _ in
            skipping.contains(reference) || usesSkipping(reference, skipping, seen: seen.union([name]))
        }
    }

    /// `@{name}` references in a pattern, with their byte offsets; `\@` is a literal at sign.
    private static func references(in pattern: String) -> [(name: String, offset: Int)] {
        let bytes = Array(pattern.utf8)
        var found: [(String, Int)] = []
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "\\") {
                i += 2
            } else if bytes[i] == UInt8(ascii: "@"), bytes[i + 1] == UInt8(ascii: "{"),
                let close = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: "}"))
            {
                let name = String(decoding: bytes[(i + 2)..<close], as: UTF8.self)
                found.append((String(name.split(separator: ":").first ?? "").trimmingCharacters(in: .whitespaces), i))
                i = close + 1
            } else {
                i += 1
            }
        }
        return found
    }
}
