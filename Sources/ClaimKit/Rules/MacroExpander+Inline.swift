extension MacroExpander {
    /// Writes each group that is called from exactly one place at that place, as `(?:body)`, and returns
    /// the definitions still called from several.
    ///
    /// Every group a pattern defines is a capture group to PCRE2, and its JIT copies the offsets of all of
    /// them at each callout: a fused family reaches its callouts hundreds of thousands of times per
    /// megabyte, so a group that need not exist is paid for at every one. A call that is the only one
    /// saves no space either. Since PCRE2 10.30 a subroutine call is not atomic, so the plain group matches
    /// exactly what the call did. A text that sets options inline (`(?i)`, `(?x:`) keeps its calls, since a
    /// called group runs with the options where it is defined, not where it is called.
    static func inlineSingleCalls(_ top: Expansion, _ definitions: [Definition]) -> (Expansion, [Definition]) {
        var bodies: [String: String] = [:]
        for definition in definitions { bodies[definition.group] = definition.body }
        var calls: [String: Int] = [:]
        for text in [top.text] + definitions.map(\.body) {
            let pinned = CueGate.setsOptions(text)
            let repeated = Self.countedRepeats(in: text)
            for call in Self.calls(in: text) where bodies[call.group] != nil {
                let copied = repeated.contains { $0.lowerBound <= call.range.lowerBound && call.range.upperBound <= $0.upperBound }
                calls[call.group, default: 0] += pinned || copied ? 2 : 1
            }
        }
        let single = Set(definitions.filter { d in
            calls[d.group] == 1 && !Self.calls(in: d.body).contains { $0.group == d.group }
        }.map(\.group))
        if single.isEmpty { return (top, definitions) }

        var resolved: [String: String] = [:]
        func substitute(_ text: String, shifts: inout [(at: Int, by: Int)]) -> String {
            let bytes = Array(text.utf8)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var copied = 0
            for call in Self.calls(in: text) where single.contains(call.group) {
                out += bytes[copied..<call.range.lowerBound]
                var unused: [(at: Int, by: Int)] = []
                let body = resolved[call.group] ?? substitute(bodies[call.group]!, shifts: &unused)
                resolved[call.group] = body
                let replacement = Array("(?:\(body))".utf8)
                out += replacement
                shifts.append((call.range.lowerBound, replacement.count - call.range.count))
                copied = call.range.upperBound
            }
            out += bytes[copied...]
            return String(decoding: out, as: UTF8.self)
        }

        var shifts: [(at: Int, by: Int)] = []
        var expansion = top
        expansion.text = substitute(top.text, shifts: &shifts)
        // Calls stand where the source had `@{...}`, between runs: a run moves by what grew before it.
        expansion.runs = top.runs.map { run in
            (run.expanded + shifts.filter { $0.at < run.expanded }.reduce(0) { $0 + $1.by }, run.source, run.length)
        }
        let kept = definitions.filter { !single.contains($0.group) }.map { d -> Definition in
            var unused: [(at: Int, by: Int)] = []
            return Definition(group: d.group, body: substitute(d.body, shifts: &unused))
        }
        return (expansion, kept)
    }

    /// The byte ranges of the items in `text` that a counted repeat (`{2}`, `{0,10}`) follows: PCRE2 compiles
    /// such an item once per repeat, so a group written in place there would be copied, where a call is not.
    static func countedRepeats(in text: String) -> [Range<Int>] {
        let bytes = Array(text.utf8)
        var ranges: [Range<Int>] = []
        var open: [Int] = []
        func counted(after end: Int) -> Bool {
            end < bytes.count && bytes[end] == UInt8(ascii: "{") && end + 1 < bytes.count
                && (bytes[end + 1] == UInt8(ascii: ",") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end + 1]))
        }
        PatternPrefix.walkParentheses(bytes) { at, opens in
            if opens {
                open.append(at)
            } else if let start = open.popLast(), counted(after: at + 1) {
                ranges.append(start..<(at + 1))
            }
            return true
        }
        return ranges
    }

    /// The `(?&name)` calls in `text`, with their byte ranges.
    static func calls(in text: String) -> [(group: String, range: Range<Int>)] {
        let bytes = Array(text.utf8)
        var found: [(group: String, range: Range<Int>)] = []
        PatternPrefix.walkParentheses(bytes) { at, opens in
            if opens, at + 3 < bytes.count, bytes[at + 1] == UInt8(ascii: "?"), bytes[at + 2] == UInt8(ascii: "&"),
                let close = bytes[(at + 3)...].firstIndex(of: UInt8(ascii: ")"))
            {
                found.append((String(decoding: bytes[(at + 3)..<close], as: UTF8.self), at..<(close + 1)))
            }
            return true
        }
        return found
    }
}
