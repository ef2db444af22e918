import ArgumentParser
import ClaimKit
import Foundation

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmark: build a corpus of a given size, ingest it into a fresh database, time the main queries.")

    @OptionGroup var options: StoreOptions
    @Option(help: "Corpus size, e.g. 100MB or 1GB.") var size = "20MB"
    @Option(help: ArgumentHelp("Example articles to build the corpus from (default: the bundled Examples/).", valueName: "dir"))
    var source: String?
    @Option(help: ArgumentHelp("Where to write the corpus.", valueName: "dir")) var corpus = "bench-out/corpus"
    @Option(help: "Extraction threads (default: all cores).") var jobs = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Claims the query database holds (stored claims are copied up to this).") var queryClaims = 1_000_000
    @Option(help: "Queries timed of each kind.") var queries = 200
    @Flag(help: "Also print the matching time of each rule.") var profileRules = false
    @Flag(help: "Ingest the corpus an earlier run left in --corpus instead of writing it again.") var reuseCorpus = false
    @Flag(help: "Only time the queries, on the database an earlier run left in --db.") var queriesOnly = false

    func validate() throws {
        guard Self.parseSize(size) != nil else { throw ValidationError("--size takes a size such as 100MB, 1GB or 500KB") }
        if jobs < 1 { throw ValidationError("--jobs takes 1 or more") }
    }

    static func parseSize(_ s: String) -> Int? {
        let upper = s.uppercased()
        for (suffix, factor) in [("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1_000), ("B", 1)] where upper.hasSuffix(suffix) {
            return Double(upper.dropLast(suffix.count)).map { Int($0 * Double(factor)) }
        }
        return Int(s)
    }

    func run() throws {
        try guarded {
            let rules = try options.loadRules()
            let sourceDir = try source ?? ResourceLocator.home().appendingPathComponent("Examples").path
            let db = options.db ?? "bench-out/bench.sqlite"
            try FileManager.default.createDirectory(
                atPath: (db as NSString).deletingLastPathComponent.isEmpty ? "." : (db as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true)
            var bench = Benchmark(
                rules: rules, sourceDirectory: sourceDir, bytes: Self.parseSize(size)!, databasePath: db, corpusDirectory: corpus,
                jobs: jobs, queryClaims: queryClaims, queries: queries)
            bench.profileRules = profileRules
            bench.reuseCorpus = reuseCorpus
            bench.queriesOnly = queriesOnly
            let f = try bench.run { printErr("bench: \($0)") }
            let mb = Double(f.corpusBytes) / 1e6
            if queriesOnly {
                print("queries       on \(f.storedClaims) claims: p50 / p99 in ms")
                for (name, p50, p99) in f.queryTimings {
                    print("  " + name.padding(toLength: 24, withPad: " ", startingAt: 0) + String(format: "%7.2f / %7.2f", p50, p99))
                }
                return
            }
            print(String(format: "corpus        %.1f MB, %d files, %d articles", mb, f.files, f.articles))
            print(String(format: "ingest        %.2f s: %.2f MB/s, %.0f articles/s, %.0f claims/s (%d claims, %d threads)",
                         f.seconds, mb / f.seconds, Double(f.articles) / f.seconds, Double(f.claims) / f.seconds, f.claims, jobs))
            print(String(format: "peak memory   %.0f MiB resident", f.peakResidentMiB))
            let total = f.stages.reduce(0) { $0 + $1.1 }
            print("stages        (thread-seconds; extraction stages run on \(jobs) threads)")
            for (stage, seconds) in f.stages {
                print("  " + stage.padding(toLength: 14, withPad: " ", startingAt: 0) + String(format: "%8.2f s  %5.1f%%", seconds, total > 0 ? 100 * seconds / total : 0))
            }
            if profileRules {
                print("rules         (thread-seconds of matching)")
                for (rule, seconds) in f.ruleSeconds {
                    print("  " + rule.padding(toLength: 28, withPad: " ", startingAt: 0) + String(format: "%7.2f s", seconds))
                }
            }
            print("queries       on \(f.storedClaims) claims: p50 / p99 in ms")
            for (name, p50, p99) in f.queryTimings {
                print("  " + name.padding(toLength: 24, withPad: " ", startingAt: 0) + String(format: "%7.2f / %7.2f", p50, p99))
            }
        }
    }
}
