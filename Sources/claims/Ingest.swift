import ArgumentParser
import ClaimKit
import Foundation

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ingest UTF-8 text files, folders (recursively, *.txt) or - for standard input.")

    @OptionGroup var options: StoreOptions

    @Flag(help: "Print the report as JSON.") var json = false

    @Argument(help: ArgumentHelp("Files, folders, or - for standard input.", valueName: "path"))
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file, folder or - to ingest") }
    }

    func run() throws {
        try guarded {
            let rules = try options.loadRules()
            let store = try options.openStore()
            var ingestor = try Ingestor(store: store, rules: rules)
            if !json {
                // Each article is told as it is written, and the report only counts them.
                ingestor.listsArticles = false
                ingestor.onArticle = { outcome in
                    switch outcome {
                    case .inserted(let key, let claims): print("ingested \(key): \(claims) claims")
                    case .replaced(let key, let claims): print("replaced \(key): \(claims) claims")
                    case .skipped(let key, let existing): print("skipped \(key): same content as \(existing) is already stored")
                    }
                }
            }
            let report = ingestor.ingest(paths)
            if json {
                var fields: [(String, JSON)] = []
                fields.append(("inserted", .array(report.inserted.map { .object([("key", .string($0.key)), ("claims", .int($0.claims))]) })))
                fields.append(("replaced", .array(report.replaced.map { .object([("key", .string($0.key)), ("claims", .int($0.claims))]) })))
                fields.append(("skipped", .array(report.skipped.map { .object([("key", .string($0.key)), ("existing", .string($0.existing))]) })))
                fields.append(("errors", .array(report.problems.map(JSON.string))))
                print(JSON.line(fields))
            } else {
                print("\(report.stored) articles stored, \(report.skippedCount) skipped, \(report.claims) claims, \(report.problems.count) errors")
            }
            for problem in report.problems { printErr("error: \(problem)") }
            if !report.ok { throw ExitCode.failure }
        }
    }
}
