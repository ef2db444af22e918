import ClaimKit
import Foundation
import FuzzSupport

// Fuzzes a user's rules folder: the input is written as one YAML file into a per-process temporary
// folder, then loaded over the bundled rules (RuleLoader: YAML, schema, macros, PCRE2 compile). Errors
// are expected; crashes are not. When the folder loads, the rules it defines run their own examples
// (RuleTester, with the default Pattern limits); then their examples and a small page of articles go
// through ingest's path with the whole rule set (InputReader.decode, PageSplitter.split with the file's
// layouts, Analyzer.analyze), whose results must keep the invariants in FuzzSupport.check.

/// The folder the fuzzed file is layered over: the bundled Rules/ by default. With
/// FUZZ_RULES_BASE=vocabulary it is a per-process copy of the bundled vocabulary.yaml alone, which keeps
/// every macro the bundled rules define but skips compiling the bundled rules on every input (about
/// 200 ms each): many more inputs per second, at the cost of the overlay of rules on bundled ids.
let bundledDirectory: URL = {
    let bundled = FuzzSupport.bundledRulesDirectory()
    guard ProcessInfo.processInfo.environment["FUZZ_RULES_BASE"] == "vocabulary" else { return bundled }
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("claims-fuzz-base-\(getpid())")
    do {
        try? FileManager.default.removeItem(at: base)
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: bundled.appendingPathComponent("vocabulary.yaml"), to: base.appendingPathComponent("vocabulary.yaml"))
    } catch {
        fatalError("fuzz setup: cannot prepare \(base.path): \(error)")
    }
    atexit {
        try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory.appendingPathComponent("claims-fuzz-base-\(getpid())"))
    }
    return base
}()
let userDirectory: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("claims-fuzz-rules-\(getpid())")
    do {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    } catch {
        fatalError("fuzz setup: cannot create \(url.path): \(error)")
    }
    atexit {
        try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory.appendingPathComponent("claims-fuzz-rules-\(getpid())"))
    }
    return url
}()
let userFile = userDirectory.appendingPathComponent("fuzz.yaml")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    do {
        try bytes.write(to: userFile)
    } catch {
        fatalError("fuzz setup: cannot write \(userFile.path): \(error)")
    }
    let set: RuleSet
    do {
        set = try RuleLoader().load(directories: [bundledDirectory, userDirectory])
    } catch {
        return 0
    }
    let path = userFile.path
    let mine = (set.rules + set.responseRules).filter { $0.file == path }
    guard !mine.isEmpty else { return 0 }
    _ = RuleTester(rules: set).run(ids: mine.map(\.id))

    // The examples, and a page of several articles, through ingest's path with the whole rule set:
    // InputReader.decode, PageSplitter.split (the file's layouts and `keys`), Analyzer.analyze.
    guard let analyzer = try? Analyzer(rules: set) else { return 0 }
    let splitter = PageSplitter(rules: set)
    let texts = mine.flatMap { ($0.examples + $0.counterexamples).prefix(4).map(\.text) } + [samplePage]
    for text in texts {
        guard let document = try? InputReader().decode(Data(text.utf8), path: "fuzz.txt", stem: "fuzz_2025-01-02_page")
        else { continue }
        for article in splitter.split(document) {
            if let headline = article.headline, headline.upperBound > article.body.utf8.count {
                FuzzSupport.fail("headline \(headline) is outside the article body", article)
            }
            if let analysis = try? analyzer.analyze(article) {
                FuzzSupport.check(analysis, of: article)
            }
        }
    }
    return 0
}

/// A small page of three articles in the bundled aggregator layout, for the layouts an input defines.
let samplePage = """
    Ferry crossings halved as dock strike drags on
    Union leader Mette Haug said the strike would go on. "We stay out until the offer changes," she said.
    Share
    Related Articles
    Korsvik Tribune
    2 hours ago
    - Korsvik Tribune
    Harbour board meets on Thursday
    Board chair Nils Aune said that a new offer was ready, according to a statement.
    Coastal Herald
    a day ago
    - Coastal Herald
    Mayor backs the dock workers
    “They have a fair case,” Mayor Eva Strand told reporters.
    """

@main
enum Main {
    static func main() {
        runLibFuzzer { data, size in fuzz(nonNull(data), size) }
    }
}
