/// An actor as the text names it, before it is matched to a stored actor.
public struct ActorRef: Sendable, Hashable {
    /// The canonical name: titles and honorifics stripped ("Rustem Umerov", "Russia").
    public var name: String
    /// person, organisation, government, group or anonymous.
    public var kind: String
    /// A title or description seen with the name ("Ukrainian Defense Minister").
    public var role: String?
    /// male or female where the text tells.
    public var gender: String?
    /// Other names for the same actor (a surname, a capital city).
    public var aliases: [String]

    public init(name: String, kind: String, role: String? = nil, gender: String? = nil, aliases: [String] = []) {
        self.name = name
        self.kind = kind
        self.role = role
        self.gender = gender
        self.aliases = aliases
    }

    /// The last word of a person's name.
    public var surname: String? {
        guard kind == "person" else { return nil }
        // "Joseph R. Biden Jr." is Biden.
        var words = name.split(separator: " ")
        if words.count > 1, let last = words.last, NameParser.suffixes.values.contains(String(last)) { words.removeLast() }
        return words.last.map(String.init)
    }
}
