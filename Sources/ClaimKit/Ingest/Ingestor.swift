/// What one `claims ingest` run did.
public struct IngestReport: Sendable {
    public var inserted: [(key: String, claims: Int)] = []
    public var replaced: [(key: String, claims: Int)] = []
    public var skipped: [(key: String, existing: String)] = []
    /// Inputs or articles that failed, each with what to do.
    public var problems: [String] = []

    public var ok: Bool { problems.isEmpty }
}

/// Reads inputs, splits pages into articles, extracts claims and stores each article atomically.
public struct Ingestor {
    public let store: ClaimStore
    public let analyzer: Analyzer
    public let splitter: PageSplitter

    public init(store: ClaimStore, rules: RuleSet) throws(RuleError) {
        self.store = store
        analyzer = try Analyzer(rules: rules)
        splitter = PageSplitter(rules: rules)
    }

    /// Ingests every path; a bad input is reported and the rest go on.
    public func ingest(_ paths: [String], progress: ((String) -> Void)? = nil) -> IngestReport {
        var report = IngestReport()
        let reader = InputReader()
        let (files, problems) = reader.expand(paths)
        report.problems += problems.map(\.description)
        for file in files {
            do {
                let document = try reader.read(file)
                ingest(document, into: &report)
            } catch {
                report.problems.append(error.description)
            }
        }
        return report
    }

    /// Ingests one document already read.
    public func ingest(_ document: InputDocument, into report: inout IngestReport) {
        for article in splitter.split(document) {
            do {
                let analysis = try analyzer.analyze(article)
                switch try store.store(article, text: analysis.text, claims: analysis.claims, responses: analysis.responses) {
                case .inserted(_, let n): report.inserted.append((article.key, n))
                case .replaced(_, let n): report.replaced.append((article.key, n))
                case .skipped(let existing): report.skipped.append((article.key, existing))
                }
            } catch let error as RuleError {
                report.problems.append("\(document.path): article \(article.key): \(error.message)")
            } catch {
                report.problems.append("\(document.path): article \(article.key) was not stored: \(error)")
            }
        }
    }
}
