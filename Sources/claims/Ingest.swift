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
            let report = try Ingestor(store: store, rules: rules).ingest(paths)
            if json {
                var fields: [(String, JSON)] = []
                fields.append(("inserted", .array(report.inserted.map { .object([("key", .string($0.key)), ("claims", .int($0.claims))]) })))
                fields.append(("replaced", .array(report.replaced.map { .object([("key", .string($0.key)), ("claims", .int($0.claims))]) })))
                fields.append(("skipped", .array(report.skipped.map { .object([("key", .string($0.key)), ("existing", .string($0.existing))]) })))
                fields.append(("errors", .array(report.problems.map(JSON.string))))
                print(JSON.line(fields))
            } else {
                for item in report.inserted { print("ingested \(item.key): \(item.claims) claims") }
                for item in report.replaced { print("replaced \(item.key): \(item.claims) claims") }
                for item in report.skipped {
                    print("skipped \(item.key): same content as \(item.existing) is already stored")
                }
                let claims = report.inserted.reduce(0) { $0 + $1.claims } + report.replaced.reduce(0) { $0 + $1.claims }
                print("\(report.inserted.count + report.replaced.count) articles stored, \(report.skipped.count) skipped, \(claims) claims, \(report.problems.count) errors")
            }
            for problem in report.problems { printErr("error: \(problem)") }
            if !report.ok { throw ExitCode.failure }
        }
    }
}
