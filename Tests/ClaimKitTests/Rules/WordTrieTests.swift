import Testing

@testable import ClaimKit

/// Word lists written as prefix trees: the same words as an alternation, the longer of two where one is a
/// prefix of the other, and nothing else.
@Suite struct WordTrieTests {
    static let words = ["say", "says", "said", "stated", "Prime", "Prime Minister", "Prime Minister's office", "told", "tell", "U.S.", "C++", "Zoë", "Zoé"]

    @Test func factorsSharedPrefixes() {
        #expect(WordTrie(["said", "says", "stated"]).pattern == "(?:s(?:a(?:id|ys)|tated))")
        #expect(WordTrie(["say", "says"]).pattern == "(?:say(?:s)?)")
        #expect(WordTrie(["last week", "last month"]).pattern == #"(?:last\s+(?:week|month))"#)
    }

    @Test func matchesExactlyTheWordsOfTheList() throws {
        let pattern = try Pattern("^" + WordTrie(Self.words).pattern + "$")
        for word in Self.words {
            #expect(try pattern.firstMatch(in: UTF8Text(word)) != nil, "\(word)")
        }
        for other in ["sa", "sai", "saidx", "Prime Ministers", "PrimeMinister", "tel", "U.S", "UxSx", "C+", "Zoe", "stat"] {
            #expect(try pattern.firstMatch(in: UTF8Text(other)) == nil, "\(other)")
        }
        // Any run of white space stands for a space.
        #expect(try pattern.firstMatch(in: UTF8Text("Prime\n  Minister")) != nil)
    }

    @Test func prefersTheLongerWordLikeLongestFirstAlternation() throws {
        let pattern = try Pattern(WordTrie(Self.words).pattern)
        let text = UTF8Text("the Prime Minister's office says so")
        let matches = try pattern.matches(in: text)
        #expect(matches.map { text.string($0.range) } == ["Prime Minister's office", "says"])
    }

    @Test func wordsListedInBothCasesShareOneCaselessBranch() throws {
        let trie = WordTrie(["critics", "Critics", "experts", "Americans"])
        #expect(trie.pattern.contains("[Cc]ritics"))
        let pattern = try Pattern("^" + trie.pattern + "$")
        for word in ["critics", "Critics", "experts", "Americans"] {
            #expect(try pattern.firstMatch(in: UTF8Text(word)) != nil, "\(word)")
        }
        for other in ["Experts", "americans", "CRITICS", "cRitics"] {
            #expect(try pattern.firstMatch(in: UTF8Text(other)) == nil, "\(other)")
        }
    }

    @Test func macroAlternationsUseTheTrieAndKeepDuplicatesOnce() {
        #expect(MacroExpander.alternation(["said", "said", "says"]) == "(?:sa(?:id|ys))")
    }
}
