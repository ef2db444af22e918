import ArgumentParser
import ClaimKit

struct Actors: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List actors with their kinds, aliases, roles and claim counts.")

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
