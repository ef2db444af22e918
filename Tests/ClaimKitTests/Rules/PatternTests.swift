import Testing

@testable import ClaimKit

/// The PCRE2 wrapper: compile errors, named groups, byte ranges on multibyte text, and limits.
@Suite struct PatternTests {
    @Test func compileErrorGivesMessageAndOffset() {
        let unclosed = #expect(throws: Pattern.CompileFailure.self) { try Pattern("(?<content>abc") }
        #expect(unclosed?.message == "missing closing parenthesis")
        #expect(unclosed?.offset == 14)
        let stray = #expect(throws: Pattern.CompileFailure.self) { try Pattern("ab) c") }
        #expect(stray?.message == "unmatched closing parenthesis")
        #expect(stray?.offset == 2)
    }

    @Test func namedGroupsAreNumberedInOrder() throws {
        let pattern = try Pattern(#"(?<speaker>\p{Lu}\p{L}+) \s+ (?<cue>said|told) (?:\s+ (?<content>.+))?"#)
        #expect(pattern.groupNumbers == ["speaker": 1, "cue": 2, "content": 3])
        #expect(pattern.captureCount == 3)
        let match = try #require(try pattern.firstMatch(in: UTF8Text("Wenke told")))
        #expect(match["speaker"] == 0..<5)
        #expect(match["cue"] == 6..<10)
        #expect(match["content"] == nil)
        #expect(match["no-such-group"] == nil)
    }

    /// The compiled size counts code only: each literal character is two bytes more (its opcode and
    /// itself), group names add nothing, and a pattern near the limit compiles just below it.
    @Test func compiledSizeCountsCodeAndStopsAtTheLimit() throws {
        let short = try Pattern("abc", extended: false)
        let long = try Pattern("abc" + String(repeating: "x", count: 100), extended: false)
        #expect(long.compiledSize - short.compiledSize == 200)
        #expect(try Pattern("(?<a_long_group_name>abc)", extended: false).compiledSize == (try Pattern("(abc)", extended: false)).compiledSize)
        let nearly = try Pattern(String(repeating: "x", count: Pattern.sizeLimit / 2 - 50), extended: false)
        #expect(nearly.compiledSize <= Pattern.sizeLimit)
        #expect(nearly.compiledSize > Pattern.sizeLimit - 120)
        #expect(throws: Pattern.CompileFailure.self) { try Pattern(String(repeating: "x", count: Pattern.sizeLimit / 2 + 50), extended: false) }
    }

    @Test func matchesOnMultibyteTextAreByteRangesThatSliceCorrectly() throws {
        let text = UTF8Text("Zoë said «ça va». Then 東京の人 said 🙂 fine, and Łukasz said nothing.")
        let pattern = try Pattern(#"(?<speaker>[\p{L}\p{M}]+) \s+ (?<cue>said) \s+ (?<content>[^.,]+)"#)
        let matches = try pattern.matches(in: text)
        #expect(matches.count == 3)
        #expect(matches.map { text.string($0["speaker"]!) } == ["Zoë", "東京の人", "Łukasz"])
        #expect(matches.map { text.string($0["content"]!) } == ["«ça va»", "🙂 fine", "nothing"])
        // Byte offsets, not code point offsets: "Zoë" is 4 bytes, 3 code points.
        #expect(matches[0]["speaker"] == 0..<4)
        #expect(matches[0]["cue"] == 5..<9)
        let second = try #require(matches[1]["speaker"])
        #expect(text.codePointOffset(ofByte: second.lowerBound) == 23)
        #expect(text.codePointOffset(ofByte: second.upperBound) == 27)
        #expect(second.count == 12)
    }

    @Test func firstMatchStartsAtTheGivenByte() throws {
        let text = UTF8Text("Ana said yes. Bo said no.")
        let pattern = try Pattern(#"(?<speaker>\p{Lu}\p{L}*) \s+ said"#)
        let match = try #require(try pattern.firstMatch(in: text, from: 1))
        #expect(text.string(match["speaker"]!) == "Bo")
        #expect(try pattern.firstMatch(in: text, from: 20) == nil)
    }

    @Test func extendedModeIgnoresSpacesUnlessTurnedOff() throws {
        let text = UTF8Text("ab a b")
        #expect(try Pattern("a b").matches(in: text).map(\.range) == [0..<2])
        #expect(try Pattern("a b", extended: false).matches(in: text).map(\.range) == [3..<6])
        #expect(try Pattern("AB", caseless: true).matches(in: text).map(\.range) == [0..<2])
    }

    @Test func emptyMatchesStepOverWholeCodePoints() throws {
        // An empty match must advance by one code point, never into the middle of "é" (2 bytes).
        let matches = try Pattern("x*").matches(in: UTF8Text("éé"))
        #expect(matches.map(\.range) == [0..<0, 2..<2, 4..<4])
    }

    @Test func forEachMatchResumesWhereTheBodySays() throws {
        // Resuming one byte after each start finds overlapping matches; "東" is skipped as a whole.
        let text = UTF8Text("東aaa")
        var starts: [Int] = []
        try Pattern("a+|東a").forEachMatch(text.bytes) { match in
            starts.append(match.range.lowerBound)
            return match.range.lowerBound + 1
        }
        #expect(starts == [0, 3, 4, 5])
    }

    @Test func catastrophicBacktrackingStopsAtTheMatchLimit() throws {
        let pattern = try Pattern("(a+)+$")
        var limits = Pattern.Limits()
        limits.match = 10_000
        let text = UTF8Text(String(repeating: "a", count: 32) + "b")
        let failure = #expect(throws: Pattern.MatchFailure.self) { try pattern.matches(in: text, limits: limits) }
        #expect(failure?.isLimit == true)
        #expect(failure?.message.contains("limit") == true, "\(failure?.message ?? "")")
    }

    @Test func ordinaryTextStaysWellInsideTheDefaultLimits() throws {
        let pattern = try Pattern("(a+)+$")
        let matches = try pattern.matches(in: UTF8Text(String(repeating: "a", count: 32)))
        #expect(matches.map(\.range) == [0..<32])
    }
}
