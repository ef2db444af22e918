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
        #expect(expanded.contains("(?!(?&"), "\(expanded)")
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
        #expect(!expanded.contains("(?!(?&"))
        #expect(try matches("@{cue:denial}", "she denied it"))
        #expect(try !matches("@{cue:denial}", "she said it"))
    }
}
