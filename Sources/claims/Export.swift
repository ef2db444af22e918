import ArgumentParser
import ClaimKit

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export articles, claims and responses as JSON Lines (the contract eval/score.py reads).")

    enum Format: String, ExpressibleByArgument { case jsonl }

    @OptionGroup var options: StoreOptions
    @Option(help: "Output format.") var format: Format = .jsonl

    func run() throws {
        try guarded {
            for line in try Exporter(store: options.openStore()).lines() { print(line) }
        }
    }
}
