import ArgumentParser
import ClaimKit

struct Reextract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the current rules over every stored article and report claims added, removed and changed, per rule.")

    @OptionGroup var options: StoreOptions
    @Flag(help: "Report the difference without changing the database.") var dryRun = false
    @Option(help: "Examples shown per rule and kind of change (default: 3; with --json, all).") var examples: Int?
    @Flag(help: "Print the report as JSON.") var json = false

    func run() throws {
        try guarded {
            // Rules load completely or not at all: a broken rules folder stops here, before any write.
            let rules = try options.loadRules()
            let store = try options.openStore()
            let shown = examples ?? (json ? .max : 3)
            let report = try store.reextract(with: Analyzer(rules: rules), dryRun: dryRun, examples: shown)
            if json {
                var rulesJSON: [(String, JSON)] = []
                for (rule, c) in report.byRule.sorted(by: { $0.key < $1.key }) {
                    func list(_ items: [ClaimChanges.Change]) -> JSON {
                        .array(items.map { .object([("claim", .int($0.claimID)), ("content", .string($0.text))]) })
                    }
                    rulesJSON.append((rule, .object([
                        ("added", list(c.added)), ("removed", list(c.removed)), ("changed", list(c.changed)),
                        ("added_count", .int(c.addedCount)), ("removed_count", .int(c.removedCount)),
                        ("changed_count", .int(c.changedCount)),
                    ])))
                }
                print(JSON.line([
                    ("dry_run", .bool(dryRun)), ("articles", .int(report.articles)), ("added", .int(report.added)),
                    ("removed", .int(report.removed)), ("changed", .int(report.changed)), ("unchanged", .int(report.unchanged)),
                    ("rules", .object(rulesJSON)),
                ]))
                return
            }
            print("\(dryRun ? "would re-extract" : "re-extracted") \(report.articles) articles: \(report.added) claims added, \(report.removed) removed, \(report.changed) changed, \(report.unchanged) unchanged")
            for (rule, c) in report.byRule.sorted(by: { $0.key < $1.key }) {
                print("\(rule): +\(c.addedCount) -\(c.removedCount) ~\(c.changedCount)")
                for (mark, items) in [("+", c.added), ("-", c.removed), ("~", c.changed)] {
                    for item in items { print("  \(mark) #\(item.claimID) \(clip(item.text, 90))") }
                }
            }
        }
    }
}
