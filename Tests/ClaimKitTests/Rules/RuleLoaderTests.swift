import Foundation
import Testing

@testable import ClaimKit

/// Rule file diagnostics: each pins the whole text, `path:line:col: error: message`, the line and a
/// caret under the culprit.
@Suite struct RuleLoaderTests {
    /// The text a located error prints: position, message, the line, and a caret under the column.
    func located(_ path: String, _ line: Int, _ column: Int, _ message: String, _ lineText: String) -> String {
        "\(path):\(line):\(column): error: \(message)\n\(lineText)\n" + String(repeating: " ", count: column - 1) + "^"
    }

    /// Loads a folder holding one file `rules.yaml` with `yaml`; returns the errors' text and the file path.
    func errors(_ yaml: String) throws -> (text: String, path: String, errors: [RuleError]) {
        try withScratch { scratch in
            let path = try scratch.write("rules.yaml", yaml)
            do {
                let set = try RuleLoader().load(directories: [scratch.url])
                Issue.record("expected the rules to be refused, loaded \(set.rules.count) rules")
                return ("", path, [])
            } catch let error as RuleErrors {
                return (String(describing: error), path, error.errors)
            }
        }
    }

    @Test func validFileLoads() throws {
        try withScratch { scratch in
            try scratch.write(
                "good.yaml",
                """
                cues:
                  - [neutral, say, says, said, saying]
                vocabularies:
                  crew: [pilot, deckhand]
                rules:
                  - id: crew-said
                    kind: indirect
                    priority: 40
                    description: a crew member said something
                    pattern: '(?<speaker>the\\s+@{crew}) \\s+ (?<cue>@{cue}) \\s+ (?<content>[^.]+)'
                    examples:
                      - text: "the pilot said the fog would lift."
                        content: the fog would lift
                """)
            let set = try RuleLoader().load(directories: [scratch.url])
            let rule = try #require(set.rule("crew-said"))
            #expect(rule.kind == .indirect)
            #expect(rule.priority == 40)
            #expect(rule.examples.count == 1)
            #expect(rule.file == scratch.path("good.yaml"))
            #expect(set.vocabulary.cues.map(\.base) == ["say"])
            #expect(set.vocabulary.lists["crew"] == ["pilot", "deckhand"])
            #expect(rule.hash.count == 16)
        }
    }

    @Test func yamlSyntaxError() throws {
        let (text, path, errors) = try errors(
            """
            rules:
              - id: broken
                kind: [direct
                pattern: 'x'
            """)
        #expect(errors.map(\.code) == [.yaml])
        #expect(
            text == """
                \(path):4:12: error: YAML syntax: did not find expected ',' or ']' (while parsing a flow sequence at line 3, column 11)
                    pattern: 'x'
                           ^
                """)
    }

    @Test func unknownKeyInARule() throws {
        let (text, path, errors) = try errors(
            """
            rules:
              - id: colourful
                kind: direct
                description: has a key rules do not take
                colour: red
                pattern: '(?<cue>said) (?<content>\\w+)'
            """)
        #expect(errors.map(\.code) == [.schema])
        #expect(
            text == """
                \(path):5:5: error: unknown key 'colour' in a rule; allowed keys: counterexamples, description, examples, id, kind, pattern, priority, stance
                    colour: red
                    ^
                """)
    }

    @Test func insideContentTakesTrueOrFalse() throws {
        let (text, path, errors) = try errors(
            """
            responses:
              - id: countering
                description: a purpose stated in the content
                relation: rebuts
                inside_content: sometimes
                pattern: 'to (?<cue>counter) claims'
            """)
        #expect(errors.map(\.code) == [.schema])
        #expect(text == located(path, 5, 21, "inside_content must be true or false", "    inside_content: sometimes"))
    }

    @Test func missingPattern() throws {
        let (text, path, _) = try errors(
            """
            rules:
              - id: nopattern
                kind: direct
                description: forgot the pattern
            """)
        #expect(text == located(path, 2, 5, "rule is missing 'pattern'", "  - id: nopattern"))
    }

    @Test func duplicateIDPointsAtTheSecondRule() throws {
        let (text, path, errors) = try errors(
            """
            rules:
              - id: twice
                kind: direct
                description: first
                pattern: '(?<cue>said) (?<content>\\w+)'
              - id: twice
                kind: direct
                description: second
                pattern: '(?<cue>told) (?<content>\\w+)'
            """)
        #expect(errors.map(\.code) == [.duplicateID])
        #expect(
            text == located(
                path, 6, 5, "duplicate rule id 'twice'; every rule id in a folder must be unique", "  - id: twice"))
    }

    @Test func patternWithoutContentGroup() throws {
        let (text, path, errors) = try errors(
            """
            rules:
              - id: nocontent
                kind: direct
                description: no content group
                pattern: |
                  (?<speaker>\\w+) \\s+ (?<cue>said)
            """)
        #expect(errors.map(\.code) == [.missingGroup])
        #expect(
            text == located(
                path, 5, 14,
                "rule 'nocontent' has no (?<content>...) group; a rule needs named groups cue and content (speaker and target are optional)",
                "    pattern: |"))
    }

    @Test func compileErrorInsideABlockPointsAtTheCharacter() throws {
        // A stray closing parenthesis on the second line of a `|` block, after multibyte text.
        let (text, path, errors) = try errors(
            """
            rules:
              - id: stray
                kind: direct
                description: one parenthesis too many
                pattern: |
                  (?<speaker>Zoë|Łukasz|東京) \\s+
                  (?<cue>sagte|説明) \\s+ (?<content>\\w+))
            """)
        #expect(errors.map(\.code) == [.compile])
        #expect(
            text == located(
                path, 7, 43, "pattern does not compile: unmatched closing parenthesis",
                #"      (?<cue>sagte|説明) \s+ (?<content>\w+))"#))
    }

    @Test func unclosedGroupInABlockPointsAtTheEndOfThePattern() throws {
        // PCRE2 reports a missing ')' at the end of the pattern: that is the end of the block's last
        // line, not the YAML key that follows the block.
        let (text, path, errors) = try errors(
            """
            rules:
              - id: unclosed
                kind: direct
                pattern: |
                  (?<speaker>\\w+) \\s+ (?<cue>said) \\s+
                  (?<content>[a-z ]+
                description: the content group is never closed
            """)
        #expect(errors.map(\.code) == [.compile])
        #expect(
            text == located(
                path, 6, 25, "pattern does not compile: missing closing parenthesis", "      (?<content>[a-z ]+"))
    }

    @Test func unknownVocabularyPointsAtTheAtSign() throws {
        let (text, path, errors) = try errors(
            """
            rules:
              - id: unknownvocab
                kind: direct
                description: names a list nobody defined
                pattern: |
                  (?<speaker>\\w+) \\s+
                  (?<cue>said) \\s+ @{nosuch} (?<content>\\w+)
            """)
        #expect(errors.map(\.code) == [.unknownVocabulary])
        #expect(errors.first?.ruleID == "unknownvocab")
        #expect(
            text == located(
                path, 7, 24, "unknown vocabulary '@{nosuch}'; known: cue, cue_ing, cue_base",
                #"      (?<cue>said) \s+ @{nosuch} (?<content>\w+)"#))
    }

    @Test func columnsCountCharactersAfterNonASCIIText() throws {
        // Cyrillic, CJK and an emoji before the error on the same line: the column counts characters.
        let (text, path, _) = try errors(
            """
            rules:
              - id: zürich
                kind: direct
                description: non-ASCII before the error
                pattern: '(?<cue>sagte|dit|сказал|説明) 🙂 @{nosuch} (?<content>\\w+)'
            """)
        #expect(
            text == located(
                path, 5, 45, "unknown vocabulary '@{nosuch}'; known: cue, cue_ing, cue_base",
                #"    pattern: '(?<cue>sagte|dit|сказал|説明) 🙂 @{nosuch} (?<content>\w+)'"#))
    }

    @Test func nonASCIIBeforeTheScalarInAFlowMapping() throws {
        let (text, path, _) = try errors(
            """
            rules:
              - {id: café-crème, kind: direct, description: über, pattern: '(?<cue>sagte) @{nosuch} (?<content>\\w+)'}
            """)
        #expect(
            text == located(
                path, 2, 79, "unknown vocabulary '@{nosuch}'; known: cue, cue_ing, cue_base",
                #"  - {id: café-crème, kind: direct, description: über, pattern: '(?<cue>sagte) @{nosuch} (?<content>\w+)'}"#))
    }

    @Test func everyErrorOfEveryFileIsReportedInOneRun() throws {
        try withScratch { scratch in
            let a = try scratch.write(
                "a.yaml",
                """
                rules:
                  - id: first
                    kind: sideways
                    description: bad kind
                    pattern: '(?<cue>said) (?<content>\\w+)'
                """)
            let b = try scratch.write("b.yaml", "rules: [\n")
            do {
                _ = try RuleLoader().load(directories: [scratch.url])
                Issue.record("expected errors")
            } catch let error as RuleErrors {
                #expect(error.errors.map(\.code) == [.yaml, .schema])
                #expect(error.errors.map { $0.location?.path } == [b, a])
                #expect(error.errors[1].description.hasPrefix("\(a):3:11: error: kind must be direct, indirect or mixed\n"))
            }
        }
    }

    @Test func missingFolderIsAnIOError() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-rules-\(UUID().uuidString)")
        do {
            _ = try RuleLoader().load(directories: [missing])
            Issue.record("expected an error")
        } catch {
            #expect(error.errors.map(\.code) == [.io])
            #expect(error.description.hasPrefix("error: cannot read rules folder '\(missing.path)': "))
            #expect(error.description.hasSuffix("; check --rules or CLAIMS_RULES"))
        }
    }

    @Test func laterFolderReplacesARuleByIDAndDisablesOthers() throws {
        try withScratch { scratch in
            try scratch.write(
                "base/rules.yaml",
                """
                rules:
                  - {id: one, kind: direct, description: base one, pattern: '(?<cue>said) (?<content>\\w+)'}
                  - {id: two, kind: direct, description: base two, pattern: '(?<cue>told) (?<content>\\w+)'}
                """)
            try scratch.write(
                "user/rules.yaml",
                """
                disable: [two]
                rules:
                  - {id: one, kind: indirect, description: user one, pattern: '(?<cue>wrote) (?<content>\\w+)'}
                """)
            let set = try RuleLoader().load(
                directories: [scratch.url.appendingPathComponent("base"), scratch.url.appendingPathComponent("user")])
            #expect(set.rules.map(\.id) == ["one"])
            #expect(set.rules.first?.description == "user one")
            #expect(set.rules.first?.kind == .indirect)
        }
    }

    /// A misspelt key or vocabulary name gets the nearest known one as a suggestion.
    @Test func misspellingsGetASuggestion() throws {
        try withScratch { scratch in
            try scratch.write(
                "rules.yaml",
                """
                rules:
                  - id: typo
                    descripton: A misspelt key.
                    description: A rule with typos.
                    kind: direct
                    pattern: '(?<cue>said) (?<content>@{quotes})'
                """)
            let error = try #require(throws: RuleErrors.self) {
                try RuleLoader().load(directories: [try ResourceLocator.rulesDirectory(), scratch.url])
            }
            let messages = error.errors.map(\.message)
            #expect(messages.first?.hasPrefix("unknown key 'descripton' in a rule (did you mean 'description'?); allowed keys:") == true, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("unknown vocabulary '@{quotes}' (did you mean 'quote'?); known:") }, "\(messages)")
        }
    }
}
