import Testing

@testable import ClaimKit

/// A stance-filtered cue reference matches exactly the kept cues, however it is written out.
@Suite struct MacroExpanderTests {
    static func cue(_ stance: String, _ base: String, _ third: String, _ past: String, _ ing: String) -> Cue {
        Cue(stance: stance, base: base, third: third, past: past, ing: ing, participle: past)
    }

    /// Many neutral cues and two left out, one of which starts a kept phrase ("call" is left out,
    /// "call for" kept), so that the filter is written as "any cue but the few left out".
    static var vocabulary: Vocabulary {
        var vocabulary = Vocabulary()
        vocabulary.cues = [
            cue("neutral", "say", "says", "said", "saying"), cue("neutral", "add", "adds", "added", "adding"),
            cue("neutral", "note", "notes", "noted", "noting"), cue("neutral", "state", "states", "stated", "stating"),
            cue("proposal", "call for", "calls for", "called for", "calling for"),
            cue("label", "call", "calls", "called", "calling"), cue("denial", "deny", "denies", "denied", "denying"),
        ]
        return vocabulary
    }

    func matches(_ reference: String, _ text: String) throws -> Bool {
        let expanded = try MacroExpander(vocabulary: Self.vocabulary).expand(#"\b"# + reference + #"\b"#).text
        return try Pattern(expanded).firstMatch(in: UTF8Text(text)) != nil
    }

    @Test func aFilterWithFewLeftOutIsWrittenAsAllButThose() throws {
        let expanded = try MacroExpander(vocabulary: Self.vocabulary).expand("@{cue_ing:neutral,proposal}").text
        #expect(expanded.contains("(?!(?:"), "\(expanded)")
    }

    @Test func theFilterKeepsExactlyTheKeptCues() throws {
        for kept in ["she said", "he added", "noting", "calling for cuts", "they called for cuts"] {
            let reference = kept.hasSuffix("ing") || kept.contains("ing ") ? "@{cue_ing:neutral,proposal}" : "@{cue:neutral,proposal}"
            #expect(try matches(reference, kept), "\(kept)")
        }
        for left in ["she denied it", "he called it a sham", "denying", "calling it a sham"] {
            let reference = left.contains("ing") ? "@{cue_ing:neutral,proposal}" : "@{cue:neutral,proposal}"
            #expect(try !matches(reference, left), "\(left)")
        }
    }

    @Test func aSmallFilterIsItsOwnList() throws {
        let expanded = try MacroExpander(vocabulary: Self.vocabulary).expand("@{cue:denial}").text
        #expect(!expanded.contains("(?!"))
        #expect(try matches("@{cue:denial}", "she denied it"))
        #expect(try !matches("@{cue:denial}", "she said it"))
    }

    /// A vocabulary of fragments: `clock` is called from one place, `digit` from two.
    static var fragments: Vocabulary {
        var vocabulary = Vocabulary()
        vocabulary.lists["unit"] = ["hours", "minutes"]
        vocabulary.fragments["digit"] = "[0-9]"
        vocabulary.fragments["clock"] = "@{digit}{1,2}:@{digit}{2}"
        return vocabulary
    }

    @Test func aFragmentCalledOnceIsWrittenInPlaceAndOneCalledTwiceIsDefinedOnce() throws {
        let expanded = try MacroExpander(vocabulary: Self.fragments).expand(#"at\s@{clock}\s@{unit}"#).text
        // `clock` and `unit` are called once each and written in place; `digit` stays one definition.
        #expect(expanded.components(separatedBy: "(?&").count - 1 == 2, "\(expanded)")
        #expect(expanded.components(separatedBy: "(?<m").count - 1 == 1, "\(expanded)")
        #expect(expanded.hasPrefix(#"at\s(?:(?:(?&"#), "\(expanded)")
        let pattern = try Pattern(expanded)
        #expect(try pattern.firstMatch(in: UTF8Text("back at 9:45 hours")) != nil)
        #expect(try pattern.firstMatch(in: UTF8Text("back at 9:4 hours")) == nil)
    }

    @Test func offsetsAfterAnInlinedFragmentStillPointIntoTheSource() throws {
        let source = #"at\s@{clock}\s@{unit}x"#
        let expansion = try MacroExpander(vocabulary: Self.fragments).expand(source)
        let expandedX = try #require(expansion.text.utf8.firstIndex(of: UInt8(ascii: "x")))
        let offset = expansion.text.utf8.distance(from: expansion.text.utf8.startIndex, to: expandedX)
        #expect(expansion.sourceOffset(of: offset) == source.utf8.count - 1)
    }

    @Test func aCallUnderInlineOptionsStaysACall() throws {
        // A called group keeps the options where it is defined: written in place under `(?i:` it would
        // match "HOURS" too.
        let expanded = try MacroExpander(vocabulary: Self.fragments).expand(#"(?i:at\s@{unit})"#).text
        #expect(expanded.contains("(?&"), "\(expanded)")
        #expect(try Pattern(expanded).firstMatch(in: UTF8Text("AT HOURS")) == nil)
        #expect(try Pattern(expanded).firstMatch(in: UTF8Text("AT hours")) != nil)
    }

    @Test func aCallUnderACountedRepeatStaysACall() throws {
        // PCRE2 compiles `(?:...){1,3}` as three copies of the group; a call is copied, not its group.
        for source in [#"@{unit}{1,3}"#, #"(?:\s@{unit}){1,3}"#] {
            let expanded = try MacroExpander(vocabulary: Self.fragments).expand(source).text
            #expect(expanded.contains("(?&"), "\(expanded)")
        }
        #expect(!(try MacroExpander(vocabulary: Self.fragments).expand(#"(?:\s@{unit})+"#).text.contains("(?&")))
    }
}
