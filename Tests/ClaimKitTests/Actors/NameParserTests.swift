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

    @Test func givenNameTellsGenderOnlyBeforeASurnameAndAfterTheRole() throws {
        let parser = try makeParser()
        func gender(_ mention: String) -> String? {
            if case .named(let actor)? = parser.parse(mention) { return actor.gender }
            return "not a name"
        }
        #expect(gender("Margaret Ekwall") == "female")
        #expect(gender("Harbour chief Daniel Orsk") == "male")
        // A role word says more than the given name; a name alone may be a surname; unknown names stay open.
        #expect(gender("spokeswoman Daniel Orsk") == "female")
        #expect(gender("Margaret") == nil)
        #expect(gender("Quillon Ekwall") == nil)
        #expect(gender("Jordan Ekwall") == nil)
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

    @Test func generationalSuffixClosesTheName() throws {
        let parser = try makeParser()
        // Without its full stop, as at the end of a sentence, and after a word that is also a title.
        let king = try named(parser.parse("Sven Oskar King Jr"))
        #expect(king.name == "Sven Oskar King Jr.")
        #expect(king.kind == "person")
        #expect(king.aliases == ["King"])
        #expect(king.surname == "King")
        let reed = try named(parser.parse("Gov. Alan Reed III"))
        #expect(reed.name == "Alan Reed III")
        #expect(reed.kind == "person")
        #expect(reed.role == "Gov.")
        #expect(reed.surname == "Reed")
    }

    @Test func titleWordAfterAGivenNameIsASurname() throws {
        let parser = try makeParser()
        #expect(try named(parser.parse("Maren King")).name == "Maren King")
        #expect(parser.parse("Saudi King") == .description("Saudi King"))
        #expect(parser.parse("District Judge") == .description("District Judge"))
    }

    @Test func headlineInCapitalsIsNoPerson() throws {
        #expect(try makeParser().parse("Rivals Are Fighting About Ferry Fares") == .description("Rivals Are Fighting About Ferry Fares"))
    }

    /// The actor a parse names; a parse that names nobody throws, which fails the test at its `try`.
    func named(_ parsed: NameParser.Parsed?) throws -> ActorRef {
        guard case .named(let actor)? = parsed else {
            throw NotAName(parsed: String(describing: parsed))
        }
        return actor
    }

    struct NotAName: Error {
        let parsed: String
    }

    @Test func dayAfterANameIsNoPartOfIt() throws {
        let parser = try makeParser()
        guard case .named(let place)? = parser.parse("North Dakota Saturday") else {
            Issue.record("not a name")
            return
        }
        #expect(place.name == "North Dakota")
        #expect(parser.parse("Thursday") == nil)
        // "the court Monday": a role, then the day it acted.
        #expect(parser.parse("court Monday") == .description("court"))
        // A name that only looks like a day stays whole.
        guard case .named(let paper)? = parser.parse("Harbour Today") else {
            Issue.record("not a name")
            return
        }
        #expect(paper.name == "Harbour Today")
    }

    @Test func officeAfterOfIsPartOfTheTitle() throws {
        let parser = try makeParser()
        for mention in ["Secretary of State Maren Oduya", "State Maren Oduya"] {
            guard case .named(let actor)? = parser.parse(mention) else {
                Issue.record("\(mention): not a name")
                continue
            }
            #expect(actor.name == "Maren Oduya", "\(mention)")
            #expect(actor.aliases == ["Oduya"])
        }
        guard case .named(let deputy)? = parser.parse("Homeland Security Arvo Lindqvist") else {
            Issue.record("not a name")
            return
        }
        #expect(deputy.name == "Arvo Lindqvist")
        // An office followed by one word leaves no name to split off: the words stay as they are.
        guard case .named(let firm)? = parser.parse("Energy Partners") else {
            Issue.record("not a name")
            return
        }
        #expect(firm.name == "Energy Partners")
    }

    @Test func partyBeforeANameIsNoPartOfItNorARole() throws {
        for mention in ["Democrat Dana Whitcombe", "Republican Dana Whitcombe"] {
            guard case .named(let actor)? = try makeParser().parse(mention) else {
                Issue.record("\(mention): not a name")
                continue
            }
            #expect(actor.name == "Dana Whitcombe", "\(mention)")
            #expect(actor.role == nil, "\(mention)")
        }
    }

    @Test func sentenceAdverbBeforeANameIsDropped() throws {
        let parser = try makeParser()
        for mention in ["Perhaps Ilse Varga", "Whatever Ilse Varga"] {
            guard case .named(let actor)? = parser.parse(mention) else {
                Issue.record("\(mention): not a name")
                continue
            }
            #expect(actor.name == "Ilse Varga", "\(mention)")
        }
    }

    @Test func aPlaceIsNoSpeakerButSomebodyThereIs() throws {
        let parser = try makeParser()
        #expect(parser.parse("Harbour Station") == nil)
        #expect(parser.parse("a source at the station") == .description("a source at the station"))
    }

    func name(_ parser: NameParser, _ mention: String) -> String? {
        if case .named(let actor)? = parser.parse(mention) { return actor.name }
        return nil
    }

    @Test func sentenceWordsAndHeadlineAdverbsAreNoPartOfAName() throws {
        let parser = try makeParser()
        #expect(name(parser, "Given Lind") == "Lind")
        #expect(name(parser, "Despite Tove Lind") == "Tove Lind")
        #expect(name(parser, "Tove Lind Finally") == "Tove Lind")
        #expect(name(parser, "Lind Just") == "Lind")
        // A title-case headline is no name, whatever its first words are.
        #expect(name(parser, "Finishing Second In Tromso") == nil)
    }

    @Test func aCalendarDayIsNobodyButAPersonCalledDayIs() throws {
        let parser = try makeParser()
        #expect(parser.parse("Harvest Day") == nil)
        #expect(parser.parse("Midsummer Eve") == nil)
        #expect(name(parser, "Mary Day") == "Mary Day")
    }

    @Test func lowerCaseWordsAfterARoleAreADescriptionUnlessANameClosesThem() throws {
        let parser = try makeParser()
        let ruiz = parser.parse("nominee Ana Ruiz")
        #expect(ruiz == .named(ActorRef(name: "Ana Ruiz", kind: "person", role: "nominee", gender: "female", aliases: ["Ruiz"])))
        // A name after a preposition is what the description is about, not who it is.
        #expect(parser.parse("advisers to Ruiz") == .description("advisers to Ruiz"))
        #expect(parser.parse("People with knowledge of the fund's plans") == .description("People with knowledge of the fund's plans"))
        #expect(parser.parse("Harbour activists trying to block Ruiz") == .description("Harbour activists trying to block Ruiz"))
        #expect(parser.parse("experts I") == .description("experts I"))
        // Particles open names in lower case.
        #expect(name(parser, "Senator al-Hadi") == "al-Hadi")
        #expect(name(parser, "Mayor Anke de Vries") == "Anke de Vries")
    }

    @Test func noBreakSpacesSplitWordsLikeSpaces() throws {
        let parser = try makeParser()
        #expect(name(parser, "nominee\u{A0}Gov. Ana Ruiz") == "Ana Ruiz")
        #expect(name(parser, "Tove\u{A0}Lind") == "Tove Lind")
    }
}
