import Testing

@testable import ClaimKit

/// Reading the words that name a speaker.
@Suite struct NameParserTests {
    func makeParser() throws -> NameParser {
        let rules = try Fixtures.rules()
        return NameParser(vocabulary: rules.vocabulary, actors: rules.actors)
    }

    @Test func titlesBecomeRolesAndSurnamesAliases() throws {
        let parser = try makeParser()
        #expect(parser.parse("she") == .pronoun("she"))
        guard case .named(let russia)? = parser.parse("the Kremlin") else {
            Issue.record("not a name")
            return
        }
        #expect(russia.name == "Russia")
        #expect(russia.kind == "government")
        guard case .named(let novak)? = parser.parse("Interior Minister Petra Novak") else {
            Issue.record("not a name")
            return
        }
        #expect(novak.name == "Petra Novak")
        #expect(novak.role == "Interior Minister")
        #expect(novak.kind == "person")
        #expect(novak.aliases == ["Novak"])
        guard case .named(let berg)? = parser.parse("Mr. Tomas Berg") else {
            Issue.record("not a name")
            return
        }
        #expect(berg.name == "Tomas Berg")
        #expect(berg.gender == "male")
        #expect(parser.parse("the interior minister") == .description("the interior minister"))
    }

    @Test func appositiveNameWinsOverItsDescription() throws {
        guard case .named(let actor)? = try makeParser().parse("The port's new director, Sunniva Aas") else {
            Issue.record("not a name")
            return
        }
        #expect(actor.name == "Sunniva Aas")
        #expect(actor.role == "The port's new director")
    }

    @Test func twoNamedSpeakersAreAGroup() throws {
        guard case .group(let members)? = try makeParser().parse("Both Moscow and Minsk") else {
            Issue.record("not a group")
            return
        }
        #expect(members.map(\.name) == ["Russia", "Belarus"])
    }

    @Test func organisationWordsMakeAnOrganisation() throws {
        guard case .named(let actor)? = try makeParser().parse("Nordhavn Shipping Association") else {
            Issue.record("not a name")
            return
        }
        #expect(actor.kind == "organisation")
        #expect(actor.aliases == [])
    }
}
