import Foundation

/// What one `claims ingest` run did.
public struct IngestReport: Sendable {
    /// Articles stored for the first time, with their claim counts: listed only while the ingestor
    /// `listsArticles`, counted always.
    public var inserted: [(key: String, claims: Int)] = []
    public var replaced: [(key: String, claims: Int)] = []
    public var skipped: [(key: String, existing: String)] = []
    /// Inputs or articles that failed, each with what to do.
    public var problems: [String] = []
    /// Bytes of text read.
    public var bytes = 0
    /// Articles stored, new or replacing an earlier version.
    public var stored = 0
    /// Articles skipped because the same content is stored.
    public var skippedCount = 0
    /// Claims in the articles stored.
    public var claims = 0

    public var ok: Bool { problems.isEmpty }
}

/// What became of one article: reported as it is written, in input order.
public enum ArticleOutcome: Sendable {
    case inserted(key: String, claims: Int)
    case replaced(key: String, claims: Int)
    case skipped(key: String, existing: String)
}

/// Reads inputs, splits pages into articles, extracts claims on every core and stores each article
/// atomically through one writer.
///
/// Work goes in batches: a batch of documents is read and split, its articles analysed in parallel, then
/// written in one transaction with a savepoint per article. Memory is bounded by the batch, not the corpus.
public struct Ingestor {
    public let store: ClaimStore
    public var analyzer: Analyzer
    public let splitter: PageSplitter
    /// Threads that analyse articles.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// Documents read per batch at most: one transaction each, so larger batches write index and
    /// full-text pages fewer times.
    public var batchSize = 1024
    /// Bytes of text read per batch at most, which bounds memory: two batches are in flight at once.
    public var batchBytes = 16 << 20
    /// Whether the report lists every article; a million-article run counts them and leaves the telling to
    /// `onArticle`, so the report does not grow with the corpus.
    public var listsArticles = true
    /// Called on the ingesting thread as each article is written.
    public var onArticle: ((ArticleOutcome) -> Void)?
    public let clock = StageClock()

    public init(store: ClaimStore, rules: RuleSet) throws(RuleError) {
        self.store = store
        analyzer = try Analyzer(rules: rules)
        splitter = PageSplitter(rules: rules)
    }

    /// Ingests every path; a bad input is reported and the rest go on.
    ///
    /// Batches overlap: while one batch is written, the next is read and analysed on the other threads,
    /// so the single writer does not leave the cores idle.
    public func ingest(_ paths: [String]) -> IngestReport {
        var report = IngestReport()
        let reader = InputReader()
        var walk = reader.walk(paths)
        var exhausted = false
        var analysed: Analysed?
        while !exhausted {
            var documents: [InputDocument] = []
            var bytes = 0
            clock.time(.reading) {
                while documents.count < batchSize && bytes < batchBytes {
                    guard let item = walk.next() else {
                        exhausted = true
                        break
                    }
                    do throws(InputProblem) {
                        let document = try reader.read(try item.get())
                        bytes += document.text.utf8.count
                        documents.append(document)
                    } catch {
                        report.problems.append(error.description)
                    }
                }
            }
            if documents.isEmpty { continue }
            let articles = split(documents, into: &report)
            if let previous = analysed {
                // The slot is written by the worker before `wait` returns and read only after.
                let next = ParallelMap.Slot<Analysed>()
                let work = ParallelMap.UnsafeTransfer((self, articles))
                let group = DispatchGroup()
                DispatchQueue.global().async(group: group) {
                    next.value = work.value.0.analyse(work.value.1)
                }
                write(previous, into: &report)
                group.wait()
                analysed = next.value
            } else {
                analysed = analyse(articles)
            }
        }
        if let last = analysed { write(last, into: &report) }
        return report
    }

    /// Ingests documents already read, as one batch.
    public func ingest(_ documents: [InputDocument], into report: inout IngestReport) {
        write(analyse(split(documents, into: &report)), into: &report)
    }

    /// A batch's articles with their analyses, ready to write.
    struct Analysed {
        var articles: [(InputDocument, Article)]
        var results: [Result<Analyzer.Analysis, RuleError>]
    }

    func split(_ documents: [InputDocument], into report: inout IngestReport) -> [(InputDocument, Article)] {
        var articles: [(InputDocument, Article)] = []
        clock.time(.segmentation) {
            for document in documents {
                report.bytes += document.text.utf8.count
                for article in splitter.split(document) { articles.append((document, article)) }
            }
        }
        return articles
    }

    func analyse(_ articles: [(InputDocument, Article)]) -> Analysed {
        let results = ParallelMap.map(articles, jobs: jobs) { pair in
            Result { () throws(RuleError) -> Analyzer.Analysis in try analyzer.analyze(pair.1, clock: clock) }
        }
        return Analysed(articles: articles, results: results)
    }

    func write(_ analysed: Analysed, into report: inout IngestReport) {
        var batch: [(Article, Analyzer.Analysis)] = []
        var origin: [InputDocument] = []
        for ((document, article), result) in zip(analysed.articles, analysed.results) {
            switch result {
            case .success(let analysis):
                batch.append((article, analysis))
                origin.append(document)
            case .failure(let error):
                report.problems.append("\(document.path): article \(article.key): \(error.message)")
            }
        }
        do {
            let outcomes = try clock.time(.storing) { try store.store(batch: batch) }
            for ((article, _), (document, outcome)) in zip(batch, zip(origin, outcomes)) {
                let told: ArticleOutcome
                switch outcome {
                case .success(.inserted(_, let n)):
                    told = .inserted(key: article.key, claims: n)
                    report.stored += 1
                    report.claims += n
                    if listsArticles { report.inserted.append((article.key, n)) }
                case .success(.replaced(_, let n)):
                    told = .replaced(key: article.key, claims: n)
                    report.stored += 1
                    report.claims += n
                    if listsArticles { report.replaced.append((article.key, n)) }
                case .success(.skipped(let existing)):
                    told = .skipped(key: article.key, existing: existing)
                    report.skippedCount += 1
                    if listsArticles { report.skipped.append((article.key, existing)) }
                case .failure(let error):
                    report.problems.append("\(document.path): article \(article.key) was not stored: \(error)")
                    continue
                }
                onArticle?(told)
            }
        } catch {
            for (article, _) in batch {
                report.problems.append("article \(article.key) was not stored: \(error)")
            }
        }
    }
}

/// Maps over an array on several threads, keeping order.
enum ParallelMap {
    static func map<T, U>(_ input: [T], jobs: Int, _ transform: (T) -> U) -> [U] {
        guard jobs > 1, input.count > 1 else { return input.map(transform) }
        // Each worker writes its own slots of one buffer; no slot is written twice.
        let output = UnsafeMutableBufferPointer<U>.allocate(capacity: input.count)
        defer { output.deallocate() }
        let workers = min(jobs, input.count)
        withoutActuallyEscaping(transform) { transform in
            let work = UnsafeTransfer(transform)
            let inputTransfer = UnsafeTransfer(input)
            let out = UnsafeTransfer(output)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var i = worker
                while i < inputTransfer.value.count {
                    (out.value.baseAddress! + i).initialize(to: work.value(inputTransfer.value[i]))
                    i += workers
                }
            }
        }
        let result = Array(output)
        _ = output.baseAddress!.deinitialize(count: input.count)
        return result
    }

    /// A value one thread leaves for another that waits for it.
    final class Slot<V>: @unchecked Sendable {
        var value: V?
    }

    struct UnsafeTransfer<V>: @unchecked Sendable {
        let value: V
        init(_ value: V) { self.value = value }
    }
}
