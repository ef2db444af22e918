import Testing

@testable import ClaimKit

/// A rule's cue alone decides whether the rule needs to run on a text.
@Suite struct CueGateTests {
    @Test func theCueGroupIsCutOutWithItsNestedGroupsAndClasses() {
        #expect(CueGate.cueGroup(#"(?<speaker>\w+) \s+ (?<cue>said|(?:told|tells)\s+[)(]x) \s+ (?<content>.+)"#) == #"said|(?:told|tells)\s+[)(]x"#)
        #expect(CueGate.cueGroup(#"(?<speaker>\w+) \s+ said"#) == nil)
    }

    @Test func aGateFindsTheCueOrLetsTheRuleBe() throws {
        let rules = try Fixtures.rules()
        let gate = try #require(CueGate.pattern(for: #"(?<responder>\w+) \s+ (?<cue>responded|hit\s+back) \s+ to"#, vocabulary: rules.vocabulary))
        #expect(CueGate.admits(gate, UTF8Text("The mayor hit  back at critics.")))
        #expect(!CueGate.admits(gate, UTF8Text("The mayor said nothing about Zoë.")))
        #expect(CueGate.admits(nil, UTF8Text("anything")))
    }

    @Test func noGateWhereTheCueDependsOnOtherGroupsOrOptions() throws {
        let vocabulary = try Fixtures.rules().vocabulary
        #expect(CueGate.pattern(for: #"(?<who>\w+) (?<cue>\k<who>)"#, vocabulary: vocabulary) == nil)
        #expect(CueGate.pattern(for: #"(?i) (?<speaker>\w+) (?<cue>said)"#, vocabulary: vocabulary) == nil)
        #expect(CueGate.pattern(for: #"(?<speaker>\w+) (?<cue>(?i:said))"#, vocabulary: vocabulary) != nil)
    }

    @Test func theGateLooksForWhatEveryMatchHolds() throws {
        #expect(CueGate.required(#"(?:has\s+)?(?:\p{Ll}+ly\s+)*? voted (?:for)?"#) == #" voted (?:for)?"#)
        #expect(CueGate.required(#"(?:a|b)\s+said"#) == #"(?:a|b)\s+said"#)
        // Nothing is left to look for once the optional part is gone: the group stays whole.
        #expect(CueGate.required(#"(?:said)?"#) == #"(?:said)?"#)
        let rules = try Fixtures.rules()
        let gate = try #require(CueGate.pattern(for: #"(?<speaker>\w+) \s+ (?<cue>(?:\p{Ll}+ly\s+)?(?:has\s+)?voted) \s+ for"#, vocabulary: rules.vocabulary))
        #expect(CueGate.admits(gate, UTF8Text("The council narrowly voted for the levy.")))
        #expect(!CueGate.admits(gate, UTF8Text("The council has quietly adjourned.")))
    }
}
