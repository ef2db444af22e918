/// Reads the words that name a speaker: strips titles into a role, finds governments behind place names,
/// and tells persons from organisations, descriptions and pronouns.
public struct NameParser: Sendable {
    /// What a speaker mention turned out to be.
    public enum Parsed: Sendable, Equatable {
        case pronoun(String)
        case named(ActorRef)
        /// A description to match against known roles ("the Ukrainian leader").
        case description(String)
        case group([ActorRef])
    }

    let titles: Set<String>
    let roles: Set<String>
    let collectives: Set<String>
    /// Given names that tell a gender (`given_female`, `given_male` in the rules), lowercased.
    let femaleGiven: Set<String>
    let maleGiven: Set<String>
    let aliases: [String: ActorEntry]
    /// Parses seen before: an archive names the same people in article after article.
    let cache = ParseCache()
    static let determiners: Set<String> = ["the", "a", "an", "both", "two", "three", "several", "many", "some", "one", "other", "most", "senior", "top"]
    static let female: Set<String> = ["mrs.", "ms.", "miss", "spokeswoman", "chairwoman", "congresswoman", "councilwoman", "queen", "lady", "princess", "madam", "she", "her", "businesswoman", "actress"]
    static let male: Set<String> = ["mr.", "spokesman", "chairman", "congressman", "councilman", "king", "sir", "lord", "prince", "he", "him", "businessman"]
    static let honorifics: Set<String> = ["mr.", "mrs.", "ms.", "miss", "dr.", "sir", "madam"]
    static let orgWords: Set<String> = [
        "ministry", "department", "party", "committee", "campaign", "times", "post", "news", "agency", "service",
        "council", "university", "institute", "inc.", "inc", "corp.", "corp", "association", "foundation",
        "commission", "office", "bureau", "court", "congress", "senate", "house", "administration", "government",
        "network", "group", "bank", "fund", "union", "organization", "organisation", "company", "center", "centre",
        "journal", "magazine", "press", "media", "television", "radio", "tv", "pentagon", "kremlin", "police",
        "army", "navy", "forces", "parliament", "assembly", "board", "authority", "summit", "school", "hospital",
        "poll", "survey", "study", "report", "cabinet", "coalition", "alliance", "federation", "league", "club",
        "guard", "command", "senators", "democrats", "republicans",
    ]

    public init(vocabulary: Vocabulary, actors: [ActorEntry]) {
        titles = vocabulary.set("title")
        roles = vocabulary.set("role")
        collectives = vocabulary.set("collective")
        femaleGiven = vocabulary.set("given_female")
        maleGiven = vocabulary.set("given_male")
        var index: [String: ActorEntry] = [:]
        for entry in actors {
            index[entry.name.lowercased()] = entry
            for alias in entry.aliases { index[alias.lowercased()] = entry }
        }
        aliases = index
    }

    /// The known actor a name stands for ("Moscow" -> Russia).
    public func alias(_ name: String) -> ActorRef? {
        let key = name.lowercased()
        let entry = aliases[key] ?? (key.hasPrefix("the ") ? aliases[String(key.dropFirst(4))] : nil)
        guard let entry else { return nil }
        return ActorRef(name: entry.name, kind: entry.kind, aliases: entry.aliases + [name].filter { $0.lowercased() != entry.name.lowercased() })
    }

    /// Parses the words of a speaker mention.
    public func parse(_ mention: String) -> Parsed? {
        if let known = cache[mention] { return known }
        let parsed = parseUncached(mention)
        cache[mention] = parsed
        return parsed
    }

    static let trimmed = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ","))

    func parseUncached(_ mention: String) -> Parsed? {
        // Words split at any white space: pages put no-break spaces inside names ("Gov.\u{A0}Mike Pence").
        var text = mention.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").trimmingCharacters(in: Self.trimmed)
        if text.isEmpty { return nil }
        // Transcripts name speakers in capitals ("HALE:"); an acronym of four letters or fewer stays one.
        if text.count > 4, text.contains(where: \.isLetter), !text.contains(where: \.isLowercase) {
            text = text.lowercased().split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        }
        let lower = text.lowercased()
        if ["he", "she", "they", "i", "we", "it", "who", "whom", "which"].contains(lower) { return .pronoun(lower) }
        // "Tove Lind's ferry plan": the possessive names the person.
        for mark in ["'s", "’s"] where text.hasSuffix(mark) && text.count > 3 { text = String(text.dropLast(2)) }
        if let known = alias(text) { return .named(known) }
        // Places are where things happen, not who speaks ("Union Station"); a description that ends in one
        // is somebody there ("a source at the station").
        if let last = text.split(separator: " ").last, Self.placeWords.contains(String(last).lowercased()),
            !(text.first?.isLowercase ?? false), !Self.determiners.contains(String(text.split(separator: " ")[0]).lowercased())
        {
            return nil
        }
        // Days of the calendar are when things happen ("Election Day", "Christmas Eve"), unless a given name
        // comes before the word ("Doris Day").
        let spaced = text.split(separator: " ")
        if spaced.count >= 2, let last = spaced.last, Self.calendarWords.contains(String(last)), spaced[0].first?.isUppercase ?? false,
            !femaleGiven.contains(spaced[0].lowercased()), !maleGiven.contains(spaced[0].lowercased())
        {
            return nil
        }
        // "Both Moscow and Minsk", "Smith and Jones".
        let stripped = text.hasPrefix("Both ") || text.hasPrefix("both ") ? String(text.dropFirst(5)) : text
        if stripped.contains(" and ") {
            let halves = stripped.components(separatedBy: " and ")
            if halves.count == 2 {
                let members = halves.compactMap { half -> ActorRef? in
                    if case .named(let a) = parse(half) { return a }
                    return nil
                }
                if members.count == 2 { return .group(members) }
            }
        }
        // Party tags "(D-Md.)" go into the role.
        var tag: String?
        if let open = text.lastIndex(of: "("), text.hasSuffix(")") {
            tag = String(text[open...])
            text = String(text[..<open]).trimmingCharacters(in: .whitespaces)
        }
        // A party tag after a comma: "Paul Rand, R-Wis.".
        var pieces = text.components(separatedBy: ", ").map { $0.trimmingCharacters(in: .whitespaces) }
        if pieces.count > 1, let last = pieces.last, Self.isPartyTag(last) {
            tag = last
            pieces.removeLast()
            text = pieces.joined(separator: ", ")
        }
        // Appositive: "Russia's lead negotiator at the talks, Vladimir Medinsky".
        if pieces.count > 1, let nameIndex = pieces.lastIndex(where: { isProperName($0) }) {
            var others = pieces
            others.remove(at: nameIndex)
            if case .named(var actor)? = parse(pieces[nameIndex]) {
                let role = others.joined(separator: ", ")
                actor.role = [actor.role, role].compactMap { $0 }.joined(separator: " ")
                if actor.gender == nil { actor.gender = gender(of: role) }
                return .named(actor)
            }
        }
        var words = text.split(separator: " ").map(String.init)
        // Sentence-initial words a pattern could not rule out ("On Monday Trump", "Perhaps Lee", "Given
        // Lee's record").
        while words.count > 1, Self.leading.contains(words[0]) { words.removeFirst() }
        // Adverbs that a title-case headline puts after the name ("Lee Finally Admits ...").
        while words.count > 1, Self.headlineAdverbs.contains(words[words.count - 1]), words[words.count - 2].first?.isUppercase ?? false {
            words.removeLast()
        }
        if let first = words.first, Self.determiners.contains(first.lowercased()) {
            return .description(words.joined(separator: " "))
        }
        if words.count == 1, collectives.contains(words[0].lowercased()) { return .description(words[0]) }
        if words.allSatisfy({ !($0.first?.isUppercase ?? false) }) { return .description(words.joined(separator: " ")) }
        // A day right after a name or a role is when it was said or done ("in Ohio Saturday", "the court
        // Monday"): it names nobody, and alone it is no speaker at all.
        if let last = words.last, Self.days.contains(last) {
            if words.count == 1 { return nil }
            let before = words[words.count - 2]
            if before.first?.isUppercase ?? false || roles.contains(before.lowercased()) { words.removeLast() }
        }
        // A generational suffix closes the name before it, whatever that name's last word is: "Martin Luther
        // King Jr" is no king. It is written one way ("Jr."), with or without the full stop a sentence took.
        var suffix: String?
        if words.count >= 2, let last = words.last, let s = Self.suffixes[last.lowercased()],
            words[words.count - 2].first?.isUppercase ?? false
        {
            suffix = s
            words.removeLast()
        }
        // The name is what follows the last title, role or possessive.
        var split = 0
        for (i, word) in words.enumerated() {
            let w = word.lowercased()
            if titles.contains(word) || titles.contains(w) || roles.contains(w) || w.hasSuffix("'s") || w.hasSuffix("’s")
                || (i == 0 && words.count >= 3 && (Self.isAdjective(word) || Self.partisans.contains(word))) {
                guard !(suffix != nil && i == words.count - 1), !isSurnameTitle(words, at: i) else { continue }
                split = i + 1
            }
        }
        split = afterOffice(words, from: split)
        // What follows a role or a possessive in lower case is a description ("the fund's plans",
        // "activists trying to block Lee"), or a role that a name closes ("nominee Ann Lee"): words with
        // no preposition or conjunction among them, which would make the name an object ("advisers to Lee").
        if split < words.count, isLowercaseWord(words[split]) {
            guard let k = words.indices.last(where: { $0 >= split && isLowercaseWord(words[$0]) }).map({ $0 + 1 }),
                k < words.count, !words[split..<k].contains(where: { Self.functionWords.contains($0) })
            else { return .description(words.joined(separator: " ")) }
            split = k
        }
        if split >= words.count {
            return .description((words + [suffix].compactMap { $0 }).joined(separator: " "))
        }
        var nameWords = words[split...].filter { !Self.honorifics.contains($0.lowercased()) }
        // "I" after a description ("experts I asked") is the writer, nobody named.
        guard !nameWords.isEmpty, nameWords != ["I"] else { return .description(words.joined(separator: " ")) }
        let surname = nameWords.last
        if let suffix { nameWords.append(suffix) }
        let name = nameWords.joined(separator: " ")
        var roleWords = Array(words[..<split])
        if let tag { roleWords.append(tag) }
        // An office alone ("State" of "Secretary of State") or a party alone is no role that a description
        // ("the state", "a senior Democrat") could name, here or in another article.
        let roleText = roleWords.joined(separator: " ")
        let role = roleWords.isEmpty || Self.offices.contains(roleText) || Self.partisans.contains(roleText) ? nil : roleText
        if let known = alias(name) {
            var actor = known
            actor.role = role
            return .named(actor)
        }
        let kind = isOrganisation(suffix == nil ? nameWords : nameWords.dropLast()) ? "organisation" : "person"
        // A headline in capitals ("Rivals Are Fighting About Taxes") is no person's name.
        if kind == "person", nameWords.count >= 3, nameWords.contains(where: { Self.headlineWords.contains($0) }) {
            return .description(words.joined(separator: " "))
        }
        var aliases: [String] = []
        if kind == "person", nameWords.count > 1, let surname { aliases.append(surname) }
        let gender = role.flatMap(gender(of:)) ?? (kind == "person" ? gender(ofGiven: nameWords) : nil)
        return .named(ActorRef(name: name, kind: kind, role: role, gender: gender, aliases: aliases))
    }

    static let placeWords: Set<String> = [
        "bay", "river", "island", "islands", "city", "county", "street", "square", "mountain", "mountains", "lake", "sea",
        "ocean", "valley", "port", "harbour", "harbor", "park", "airport", "station", "bridge", "beach", "coast", "avenue",
        "road", "district", "province", "region", "peninsula", "strait", "gulf", "canal", "desert", "forest", "hill", "hills",
    ]
    /// "R-Wis.", "D-N.Y.": a party letter, a dash and a state.
    static func isPartyTag(_ s: String) -> Bool {
        let chars = Array(s)
        return chars.count >= 4 && chars.count <= 10 && "RDI".contains(chars[0]) && chars[1] == "-" && chars[2].isUppercase
            && chars.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" }
    }

    /// Capitalised function words and verbs that title-case headlines have and names do not.
    static let headlineWords: Set<String> = [
        "And", "Or", "Are", "Is", "Was", "Were", "Has", "Have", "Had", "Will", "Can", "Not", "About", "With", "For", "To",
        "The", "On", "At", "By", "From", "After", "Into", "Over", "Says", "Said", "Asks", "Asked", "How", "Why", "What",
        "In", "Of", "Up", "Out", "As", "Than",
    ]

    /// Generational suffixes, as a name is written with them.
    static let suffixes: [String: String] = ["jr": "Jr.", "jr.": "Jr.", "sr": "Sr.", "sr.": "Sr.", "ii": "II", "iii": "III", "iv": "IV"]

    /// Titles that are also common surnames ("Amy Pope", "Steve King").
    static let surnameTitles: Set<String> = ["king", "pope", "justice", "judge", "bishop", "cardinal", "marshal"]
    /// Capitalised words that make a title of the word after them ("Chief Justice", "District Judge").
    static let titleModifiers: Set<String> = [
        "chief", "associate", "supreme", "district", "circuit", "federal", "superior", "magistrate", "county", "appeals",
        "former", "acting", "auxiliary", "presiding", "high", "grand", "crown", "state", "city", "court", "the",
    ]

    /// A title word that ends a run of two or more capitalised words after a plain one is a surname
    /// ("Charlie King" is a person, "Saudi King" and "District Judge" are titles).
    func isSurnameTitle(_ words: [String], at i: Int) -> Bool {
        guard i >= 1, i == words.count - 1, Self.surnameTitles.contains(words[i].lowercased()), words[i].first?.isUppercase ?? false
        else { return false }
        let before = words[i - 1]
        let b = before.lowercased()
        return before.first?.isUppercase ?? false && before.count > 1 && !before.hasSuffix(".") && !titles.contains(before)
            && !roles.contains(b) && !Self.titleModifiers.contains(b) && !Self.isAdjective(before)
            && !b.hasSuffix("'s") && !b.hasSuffix("’s")
    }

    /// Party members named by their party before the name ("Democrat Ann Lee").
    static let partisans: Set<String> = ["Democrat", "Republican", "Independent", "Libertarian", "Conservative", "Liberal", "Socialist", "Green"]

    /// Days, which a reporter writes right after a name ("said in Ohio Saturday").
    static let days: Set<String> = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// Departments and portfolios that follow "Secretary of" or "Minister of" in a title.
    static let offices: Set<String> = [
        "State", "Defense", "Defence", "Treasury", "Commerce", "Labor", "Labour", "Energy", "Education", "Agriculture",
        "Interior", "Transportation", "Transport", "Health", "Housing", "Justice", "Finance", "Staff", "Homeland Security",
        "Veterans Affairs", "National Intelligence", "Foreign Affairs", "Home Affairs", "Economy", "Culture",
    ]

    /// Where the name starts once an office after "of" is read into the role: "Secretary of State John Kerry"
    /// reaches here whole, or without the title as "State John Kerry" (a name has no "of"). The office takes
    /// one or two words, and only when two or three capitalised words that name no body are left for the name.
    func afterOffice(_ words: [String], from split: Int) -> Int {
        var start = split
        if start < words.count, words[start] == "of" {
            start += 1
        } else if start != 0 {
            return split
        }
        for length in [2, 1] where start + length + 2 <= words.count {
            let office = words[start..<(start + length)].joined(separator: " ")
            let rest = Array(words[(start + length)...])
            if Self.offices.contains(office), rest.count <= 3, rest.allSatisfy({ $0.first?.isUppercase ?? false }), !isOrganisation(rest) {
                return start + length
            }
        }
        return split
    }

    static let leading: Set<String> = days.union([
        "On", "In", "At", "But", "And", "So", "Then", "Now", "Also", "Meanwhile", "Still", "Yet", "Today", "Yesterday",
        "Earlier", "Later", "Perhaps", "Maybe", "Whatever", "Whoever", "Absent", "Presumably", "Indeed", "Instead", "Even",
        "Only", "Just", "Unlike", "Although", "Though", "Because", "Since", "If", "When", "While", "Where", "After",
        "Before", "As", "Once", "Like", "Without", "Given", "Despite", "With", "For", "From", "During", "Following",
        "Amid", "Among", "Until", "Unless", "Whether", "Thanks", "Here", "There", "Why", "How", "What", "Including",
        "Through", "Against", "Throughout", "Across", "Behind", "Beyond", "Within", "Upon", "Toward", "Towards",
        "Regarding", "Asked", "Did", "Does", "Is", "Was", "Are", "Were", "Has", "Had", "Should", "Would", "Could",
        "Of", "To", "By", "Or", "Nor", "Not",
    ])

    /// Adverbs that title-case headlines put between a name and its verb; no name ends in one.
    static let headlineAdverbs: Set<String> = [
        "Finally", "Just", "Now", "Still", "Also", "Again", "Already", "Never", "Always", "Really", "Actually",
        "Officially", "Reportedly", "Apparently", "Suddenly", "Quietly", "Publicly", "Privately", "Openly", "Formally",
        "Secretly", "Repeatedly", "Literally", "Seriously", "Briefly", "Even", "Once",
    ]

    /// Last words of the days a calendar names ("Election Day", "New Year's Eve").
    static let calendarWords: Set<String> = ["Day", "Eve"]

    /// A word in lower case that opens no name: particles do ("de Blasio", "al-Hadi").
    func isLowercaseWord(_ word: String) -> Bool {
        guard word.first?.isLowercase ?? false else { return false }
        return !Self.particles.contains(word) && !word.hasPrefix("al-") && !word.hasPrefix("el-")
    }

    /// Words after which a name is an object, not the one a description names ("advisers to Lee").
    static let functionWords: Set<String> = [
        "to", "of", "for", "by", "with", "in", "on", "at", "from", "about", "and", "or", "but", "that", "who", "which",
        "the", "a", "an", "than", "as", "into", "against", "over", "under", "between", "among",
    ]

    /// Lower-case words that open names ("de Blasio", "van Dyke"); "al-" and "el-" open them too.
    static let particles: Set<String> = ["de", "da", "di", "du", "van", "von", "bin", "ibn", "la", "le", "del", "della", "dos", "das", "ter", "ten"]

    /// Nationality and affiliation adjectives: "Ukrainian", "Russian-Belarusian", "Democratic".
    static func isAdjective(_ word: String) -> Bool {
        guard word.first?.isUppercase ?? false else { return false }
        for suffix in ["ian", "ean", "ese", "ish", "ic", "an", "i"] where word.hasSuffix(suffix) && word.count > 4 {
            return true
        }
        return false
    }

    func isProperName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        return !words.isEmpty && words.count <= 5 && words.allSatisfy { $0.first?.isUppercase ?? false }
            && !Self.determiners.contains(words[0].lowercased())
    }

    func isOrganisation(_ words: [String]) -> Bool {
        for word in words {
            if Self.orgWords.contains(word.lowercased()) { return true }
            let letters = word.filter(\.isLetter)
            if letters.count >= 2 && letters.allSatisfy(\.isUppercase) { return true }
        }
        return false
    }

    /// The gender a person's given name tells, when the name has a surname after it ("Maria Lopez", not
    /// "Maria" alone, which may be a surname or a place).
    func gender<Words: Collection<String>>(ofGiven words: Words) -> String? {
        guard words.count >= 2, let first = words.first?.lowercased() else { return nil }
        if femaleGiven.contains(first) { return "female" }
        if maleGiven.contains(first) { return "male" }
        return nil
    }

    func gender(of text: String) -> String? {
        for word in text.lowercased().split(separator: " ") {
            if Self.female.contains(String(word)) { return "female" }
            if Self.male.contains(String(word)) { return "male" }
        }
        return nil
    }
}

import Foundation
