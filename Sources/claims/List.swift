import ArgumentParser
import ClaimKit

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the claims an actor made (any alias, any case).")

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("The actor: a name or any alias.", valueName: "name")) var actor: String
    @Option(help: ArgumentHelp("Only articles published on or after this date.", valueName: "YYYY-MM-DD")) var since: String?
    @Flag(help: "Print JSON Lines.") var json = false

    func validate() throws {
        if let since, since.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil {
            throw ValidationError("--since takes a date as YYYY-MM-DD, e.g. 2025-06-01")
        }
    }

    func run() throws {
        try guarded {
            let claims = try options.openStore().claims(byActor: actor, since: since)
            if json {
                for c in claims { print(JSON.line(Exporter.fields(c))) }
                return
            }
            print(table(
                ["ID", "ARTICLE", "SPEAKER", "CUE", "CONTENT"],
                claims.map { c in
                    [String(c.id), c.articleKey, clip(c.speakerMention?.text ?? c.speakerName ?? "?", 28), c.cue.text, clip(c.content.text, 90)]
                }))
            print("\(claims.count) claims")
        }
    }
}

import Foundation
