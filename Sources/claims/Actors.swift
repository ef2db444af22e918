import ArgumentParser
import ClaimKit

struct Actors: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List actors with their kinds, aliases, roles and claim counts; fix them with merge and alias.",
        subcommands: [ListActors.self, Merge.self, Alias.self], defaultSubcommand: ListActors.self)

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge actor OTHER into KEEP (names or #ids); the fix survives re-extraction.")
        @OptionGroup var options: StoreOptions
        @Argument(help: "The actor that stays.") var keep: String
        @Argument(help: "The actor merged into it.") var other: String

        func run() throws {
            try guarded {
                let a = try options.openStore().merge(other, into: keep)
                print("merged \(other) into #\(a.id) \(a.name): \(a.claims) claims; aliases: \(a.aliases.joined(separator: ", "))")
            }
        }
    }

    struct Alias: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a name for an actor; texts that use it resolve to that actor.")
        @OptionGroup var options: StoreOptions
        @Argument(help: "The actor (name or #id).") var actor: String
        @Argument(help: "The new name.") var alias: String

        func run() throws {
            try guarded {
                let a = try options.openStore().addAlias(alias, to: actor)
                print("#\(a.id) \(a.name) is also \(alias); aliases: \(a.aliases.joined(separator: ", "))")
            }
        }
    }
}

struct ListActors: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List actors (the default).")

    @OptionGroup var options: StoreOptions
    @Flag(help: "Print JSON Lines.") var json = false

    func run() throws {
        try guarded {
            let actors = try options.openStore().actors()
            if json {
                for a in actors {
                    print(JSON.line([
                        ("id", .int(a.id)), ("name", .string(a.name)), ("kind", .string(a.kind)), ("claims", .int(a.claims)),
                        ("aliases", .array(a.aliases.map(JSON.string))), ("roles", .array(a.roles.map(JSON.string))),
                    ]))
                }
                return
            }
            print(table(
                ["ID", "NAME", "KIND", "CLAIMS", "ALIASES / ROLES"],
                actors.map { a in
                    [String(a.id), a.name, a.kind, String(a.claims), clip((a.aliases + a.roles).joined(separator: "; "), 70)]
                }))
        }
    }
}
