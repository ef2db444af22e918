import Foundation
import Testing

@testable import ClaimKit

/// Rules that begin alike run fused in one pass, and find exactly what they find one by one.
@Suite struct RuleFamilyTests {
    /// Every rule example, our bundled example articles and a few multibyte sentences, as one text.
    static func corpus() throws -> String {
        let rules = try Fixtures.rules()
        var parts = rules.rules.flatMap { $0.examples.map(\.text) + $0.counterexamples.map(\.text) }
        let examples = Fixtures.packageRoot.appendingPathComponent("Examples")
        for name in try FileManager.default.contentsOfDirectory(atPath: examples.path).sorted() where name.hasSuffix(".txt") {
            parts.append(try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8))
        }
        parts += [
            "Łukasz Żółć, the mayor of Gdańsk, said the ferry to Malmö would run again — a claim Zoë Brünn denied.",
            "“Es ist vorbei,” sagte nobody, but Søren Ågård said that the fjord café 🙂 would reopen.",
        ]
        return parts.joined(separator: "\n\n")
    }

    @Test func fusedExtractionFindsWhatRulesFindOneByOne() throws {
        let rules = try Fixtures.rules()
        let fused = Extractor(rules: rules)
        var alone = fused
        alone.fuses = false
        #expect(fused.plan.contains { if case .family = $0 { true } else { false } }, "the bundled rules form no family")
        let text = UTF8Text(try Self.corpus())
        let a = try fused.extract(text)
        let b = try alone.extract(text)
        #expect(a.claims.count > 50)
        #expect(a.claims.map(Self.describe) == b.claims.map(Self.describe))
        #expect(a.dropped.count == b.dropped.count)
    }

    @Test func sharedPartsEndInACheckpointUnlessARestRefersBack() throws {
        let rules = try Fixtures.rules()
        let families = Extractor(rules: rules).plan.compactMap { step -> RuleFamily? in
            if case .family(let f) = step { f } else { nil }
        }
        let speakerFirst = try #require(families.first { f in f.members.contains { rules.rules[$0].id == "speaker-cue-clause" } })
        #expect(speakerFirst.members.count >= 5)
        #expect(speakerFirst.pattern.source.contains("(?C255)"))
        // A rest that refers to a group of the shared part gets no checkpoint.
        var set = RuleSet()
        set.vocabulary = rules.vocabulary
        let a = try Self.rule(id: "a", #"(?<speaker>\p{Lu}\w+(?:\h+\p{Lu}\w+)*) \s+ (?<cue>said) \s+ (?<content>\w+)"#, rules.vocabulary)
        let b = try Self.rule(id: "b", #"(?<speaker>\p{Lu}\w+(?:\h+\p{Lu}\w+)*) \s+ (?<cue>told) \s+ \k<speaker> (?<content>\w+)"#, rules.vocabulary)
        set.rules = [a, b]
        let family = try #require(RuleFamily(set.rules, members: [0, 1], vocabulary: set.vocabulary))
        #expect(!family.pattern.source.contains("(?C25"))
    }

    @Test func theBundledFamiliesAllRunTogether() throws {
        let families = try Fixtures.rules().families()
        #expect(families.count >= 3)
        for family in families { #expect(family.problem == nil, "\(family.ruleIDs): \(family.problem ?? "")") }
    }

    @Test func rulesTooLargeToFuseSayWhy() throws {
        let vocabulary = try Fixtures.rules().vocabulary
        // Each rule compiles alone; together they pass PCRE2's size for one compiled pattern.
        var problem: String?
        for copies in [300, 600, 1200, 2400] {
            let rest = #" \s+ (?<cue>said) \s+ (?<content>(?:[a-z]\d){1,\#(copies)})"#
            guard let a = try? Self.rule(id: "a", #"(?<speaker>\p{Lu}\w+)"# + rest, vocabulary),
                let b = try? Self.rule(id: "b", #"(?<speaker>\p{Lu}\w+)"# + rest.replacingOccurrences(of: "said", with: "told"), vocabulary)
            else { break }
            if case .failure(let p) = RuleFamily.fuse([a, b], members: [0, 1], vocabulary: vocabulary) {
                problem = p.message
                var set = RuleSet()
                set.vocabulary = vocabulary
                set.rules = [a, b]
                #expect(set.families().first?.problem == p.message)
                #expect(Extractor(rules: set).plan.count == 2, "they run one by one")
                break
            }
        }
        #expect(problem?.hasPrefix("together they do not compile") == true, "\(problem ?? "fused at every size")")
    }

    @Test func aFamilyTooLargeForOnePatternRunsAsHalves() throws {
        let vocabulary = try Fixtures.rules().vocabulary
        var split = false
        // Find a size where four rules are too large for one pattern but two fit.
        for copies in [150, 300, 600, 1200] {
            let rules = try ["said", "told", "added", "noted"].enumerated().map { i, cue in
                try Self.rule(
                    id: "r\(i)", #"(?<speaker>\p{Lu}\w+) \s+ (?<cue>"# + cue + #") \s+ (?<content>(?:[a-z]\d){1,\#(copies)})"#, vocabulary)
            }
            guard case .failure(let whole) = RuleFamily.fuse(rules, members: [0, 1, 2, 3], vocabulary: vocabulary), whole.tooLarge,
                case .success = RuleFamily.fuse(rules, members: [0, 1], vocabulary: vocabulary)
            else { continue }
            var set = RuleSet()
            set.vocabulary = vocabulary
            set.rules = rules
            let plan = Extractor(rules: set).plan
            let families = plan.compactMap { step -> [Int]? in
                if case .family(let f) = step { return f.members }
                return nil
            }
            #expect(families == [[0, 1], [2, 3]])
            let notes = set.families()
            #expect(notes.map(\.ruleIDs) == [["r0", "r1"], ["r2", "r3"]])
            #expect(notes.map(\.part) == [1, 2] && notes.allSatisfy { $0.parts == 2 && $0.problem == nil })
            split = true
            break
        }
        #expect(split, "no size made four rules too large for one pattern while two fit")
    }

    @Test func everyRuleRunsOnceInThePlan() throws {
        let rules = try Fixtures.rules()
        let plan = Extractor(rules: rules).plan
        var seen: [Int] = []
        for step in plan {
            switch step {
            case .single(let i): seen.append(i)
            case .family(let f): seen += f.members
            }
        }
        #expect(seen.sorted() == Array(rules.rules.indices))
    }

    @Test func cutPointsStayOutsideGroupsClassesEscapesAndQuantifiers() {
        let source = #"(?<speaker>\p{Lu}\w+) [,;]? \s+ x{1,3} @{cue} (?:a|b)"#
        let cuts = PatternPrefix.cutPoints(source)
        let bytes = Array(source.utf8)
        let cutTexts = cuts.map { String(decoding: bytes[..<$0], as: UTF8.self) }
        #expect(cutTexts.contains(#"(?<speaker>\p{Lu}\w+)"#))
        #expect(cutTexts.contains(#"(?<speaker>\p{Lu}\w+) [,;]?"#))
        #expect(cutTexts.contains(#"(?<speaker>\p{Lu}\w+) [,;]? \s+ x{1,3} @{cue}"#))
        for text in cutTexts {
            #expect(!text.hasSuffix("(?<speaker>\\p{Lu}\\w+) [,;]"), "cut before a quantifier")
            #expect(!text.hasSuffix("\\p{"), "cut inside an escape")
            #expect(!text.hasSuffix("x{1,"), "cut inside braces")
            #expect(!text.hasSuffix("@{c"), "cut inside a reference")
        }
        #expect(PatternPrefix.cutPoints("a|b").isEmpty, "a top-level alternation has no prefix")
        // A comment runs to the end of its line and holds no cut, whatever it says.
        let commented = "(?<speaker>\\w+) # the speaker (or \"who\") [then]\n \\s+ (?<cue>said)"
        let commentedCuts = PatternPrefix.cutPoints(commented).map { String(decoding: Array(commented.utf8)[..<$0], as: UTF8.self) }
        #expect(commentedCuts.contains("(?<speaker>\\w+)"))
        #expect(commentedCuts.contains { $0.hasSuffix("\\s+") })
        #expect(!commentedCuts.contains { $0.contains("#") && !$0.contains("\n") }, "\(commentedCuts)")
        #expect(PatternPrefix.cutPoints("(?-x)a # b").isEmpty, "with options set inline a # may be a literal")
        #expect(PatternPrefix.cutPoints(#"\Qa|b\E c"#).isEmpty)
    }

    @Test func groupNamesAreRenamedInDefinitionsAndReferences() {
        let source = #"(?<content>\w+) \k<content> (?&content) (?(<content>)a|b) (?<other>x)"#
        let renamed = PatternPrefix.renaming(source, ["content": "f1_content"])
        #expect(renamed == #"(?<f1_content>\w+) \k<f1_content> (?&f1_content) (?(<f1_content>)a|b) (?<other>x)"#)
        #expect(PatternPrefix.definedNames(source) == ["content", "other"])
    }

    /// A rule with just an id and a pattern.
    static func rule(id: String, _ source: String, _ vocabulary: Vocabulary) throws -> Rule {
        let expanded = try MacroExpander(vocabulary: vocabulary).expand(source).text
        return Rule(
            id: id, description: "", kind: .indirect, priority: 1, stance: nil, source: source, expanded: expanded,
            pattern: try Pattern(expanded), examples: [], counterexamples: [], file: "test", location: nil, hash: id, relation: nil)
    }

    static func describe(_ c: Candidate) -> String {
        "\(c.ruleID) \(c.speaker.map { "\($0)" } ?? "-") \(c.cue) \(c.parts) \(c.targets) \(c.stance) \(c.kind)"
    }
}
