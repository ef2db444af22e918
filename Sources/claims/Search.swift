import ArgumentParser
import ClaimKit

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Full-text search over claim content (SQLite FTS5 syntax).")

    @OptionGroup var options: StoreOptions
    @Argument(help: "The query, e.g. ultimatum or '\"peace talks\" NOT Moscow'.") var query: String
    @Option(help: "At most this many results.") var limit = 50
    @Flag(help: "Print JSON Lines.") var json = false

    func run() throws {
        try guarded {
            let claims = try options.openStore().search(query, limit: limit)
            if json {
                for c in claims { print(JSON.line(Exporter.fields(c))) }
                return
            }
            print(table(
                ["ID", "SPEAKER", "CUE", "CONTENT"],
                claims.map { [String($0.id), clip($0.speakerName ?? "?", 28), $0.cue.text, clip($0.content.text, 90)] }))
            print("\(claims.count) claims")
        }
    }
}
