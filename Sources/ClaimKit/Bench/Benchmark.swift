import Foundation

/// The ingest and query benchmark behind `claims bench`: builds a corpus of a chosen size from example
/// articles, ingests it into a fresh database, and times the main queries on a large database.
public struct Benchmark {
    public var sourceDirectory: String
    public var bytes: Int
    public var databasePath: String
    public var corpusDirectory: String
    public var jobs: Int
    public var queryClaims: Int
    public var queries: Int
    public var rules: RuleSet
    /// Time every rule separately.
    public var profileRules = false
    /// Use the corpus already in `corpusDirectory` instead of writing it again.
    public var reuseCorpus = false
    /// Only time the queries, on the database already at `databasePath`.
    public var queriesOnly = false

    public init(
        rules: RuleSet, sourceDirectory: String, bytes: Int, databasePath: String, corpusDirectory: String, jobs: Int,
        queryClaims: Int, queries: Int
    ) {
        self.rules = rules
        self.sourceDirectory = sourceDirectory
        self.bytes = bytes
        self.databasePath = databasePath
        self.corpusDirectory = corpusDirectory
        self.jobs = jobs
        self.queryClaims = queryClaims
        self.queries = queries
    }

    /// Figures of one run.
    public struct Figures {
        public var corpusBytes = 0
        public var files = 0
        public var articles = 0
        public var claims = 0
        public var seconds = 0.0
        public var stages: [(String, Double)] = []
        public var peakResidentMiB = 0.0
        public var storedClaims = 0
        public var queryTimings: [(String, p50: Double, p99: Double)] = []
        public var ruleSeconds: [(String, Double)] = []
    }

    /// Writes the corpus: copies of the example articles with names and numbers varied so that no two
    /// copies are the same text.
    public func buildCorpus() throws -> (files: Int, bytes: Int) {
        let fm = FileManager.default
        let sources = try fm.contentsOfDirectory(atPath: sourceDirectory).filter { $0.hasSuffix(".txt") }.sorted()
            .compactMap { try? String(contentsOfFile: (sourceDirectory as NSString).appendingPathComponent($0), encoding: .utf8) }
        guard !sources.isEmpty else {
            throw ClaimsError(code: .input, message: "no .txt articles in '\(sourceDirectory)' to build a corpus from; pass --source DIR")
        }
        try? fm.removeItem(atPath: corpusDirectory)
        try fm.createDirectory(atPath: corpusDirectory, withIntermediateDirectories: true)
        // Words the rules know (titles, roles, places standing for governments) stay as they are.
        var keep = Set(rules.vocabulary.lists.values.joined().map { $0.lowercased() })
        for actor in rules.actors { keep.insert(actor.name.lowercased()); for a in actor.aliases { keep.insert(a.lowercased()) } }
        for cue in rules.vocabulary.cues { keep.formUnion(cue.allForms) }
        var written = 0
        var count = 0
        var copy = 0
        while written < bytes {
            copy += 1
            for source in sources where written < bytes {
                let text = Self.vary(source, copy: copy, keep: keep)
                let sub = (corpusDirectory as NSString).appendingPathComponent(String(format: "%04d", count / 1000))
                if count % 1000 == 0 { try fm.createDirectory(atPath: sub, withIntermediateDirectories: true) }
                try text.write(toFile: (sub as NSString).appendingPathComponent("bench_\(count).txt"), atomically: false, encoding: .utf8)
                written += text.utf8.count
                count += 1
            }
        }
        return (count, written)
    }

    /// The files and bytes of a corpus written by an earlier run.
    func existingCorpus() throws -> (files: Int, bytes: Int) {
        guard let walker = FileManager.default.enumerator(atPath: corpusDirectory) else {
            throw ClaimsError(code: .input, message: "no corpus in '\(corpusDirectory)' to reuse; run without --reuse-corpus")
        }
        var files = 0
        var bytes = 0
        while let entry = walker.nextObject() as? String {
            guard entry.hasSuffix(".txt") else { continue }
            files += 1
            let attributes = try FileManager.default.attributesOfItem(atPath: (corpusDirectory as NSString).appendingPathComponent(entry))
            bytes += (attributes[.size] as? Int) ?? 0
        }
        guard files > 0 else {
            throw ClaimsError(code: .input, message: "no corpus in '\(corpusDirectory)' to reuse; run without --reuse-corpus")
        }
        return (files, bytes)
    }

    /// A copy of `text` with every capitalised word of four letters or more that the rules do not know
    /// given a suffix, and every number shifted, both by `copy`: names stay consistent inside the copy.
    ///
    /// Works on UTF-8 bytes (a gigabyte corpus is a million articles): a word is a run of letters, and
    /// only ASCII words ("Harbour", not "Zoë") take a suffix.
    static func vary(_ text: String, copy: Int, keep: Set<String> = []) -> String {
        var suffix: [UInt8] = []
        var k = copy
        repeat {
            suffix.append(UInt8(97 + k % 26))
            k /= 26
        } while k > 0
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b >= 0x80 }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if isLetter(b) {
                var j = i
                while j < bytes.count && isLetter(bytes[j]) { j += 1 }
                let word = bytes[i..<j]
                out += word
                let capitalised = word.count >= 4 && b >= 0x41 && b <= 0x5A
                    && word.dropFirst().allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
                if capitalised && !keep.contains(String(decoding: word, as: UTF8.self).lowercased()) { out += suffix }
                i = j
            } else if isDigit(b) {
                var j = i
                while j < bytes.count && isDigit(bytes[j]) && j - i < 9 { j += 1 }
                let number = Int(String(decoding: bytes[i..<j], as: UTF8.self)) ?? 0
                out += Array(String(number + copy).utf8)
                i = j
            } else {
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Runs the whole benchmark.
    public func run(progress: (String) -> Void) throws -> Figures {
        var figures = Figures()
        if queriesOnly {
            let store = try ClaimStore(path: databasePath)
            try inflate(store, to: queryClaims, progress: progress)
            progress("timing queries")
            figures.storedClaims = try store.db.scalar("SELECT count(*) FROM claims")?.int ?? 0
            figures.queryTimings = try timeQueries(store)
            return figures
        }
        progress(reuseCorpus ? "reusing the corpus in \(corpusDirectory)" : "building a corpus of \(bytes / 1_000_000) MB from \(sourceDirectory) in \(corpusDirectory)")
        let corpus = try reuseCorpus ? existingCorpus() : buildCorpus()
        figures.files = corpus.files
        figures.corpusBytes = corpus.bytes
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) }
        let store = try ClaimStore(path: databasePath)
        var ingestor = try Ingestor(store: store, rules: rules)
        ingestor.jobs = jobs
        ingestor.listsArticles = false
        let ruleTimer = StageClock.Named()
        if profileRules { ingestor.analyzer.extractor.timer = ruleTimer }
        progress("ingesting with \(jobs) extraction threads")
        let start = DispatchTime.now().uptimeNanoseconds
        let report = ingestor.ingest([corpusDirectory])
        figures.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        figures.articles = report.stored
        figures.claims = report.claims
        figures.stages = StageClock.Stage.allCases.map { ($0.rawValue, ingestor.clock.total($0)) }
        figures.peakResidentMiB = Self.peakResidentMiB()
        figures.ruleSeconds = ruleTimer.totals
        if !report.problems.isEmpty { progress("\(report.problems.count) problems, first: \(report.problems[0])") }
        try inflate(store, to: queryClaims, progress: progress)
        progress("timing queries")
        figures.storedClaims = try store.db.scalar("SELECT count(*) FROM claims")?.int ?? 0
        figures.queryTimings = try timeQueries(store)
        return figures
    }

    /// Copies stored claims (with their speakers) until the database holds `target` claims.
    func inflate(_ store: ClaimStore, to target: Int, progress: (String) -> Void) throws {
        var count = try store.db.scalar("SELECT count(*) FROM claims")?.int ?? 0
        guard count > 0, count < target else { return }
        progress("copying claims until the database holds \(target)")
        try store.db.transaction {
            while count < target {
                let last = try store.db.scalar("SELECT max(id) FROM claims")?.int ?? 0
                try store.db.run(
                    """
                    INSERT INTO claims(article_id, speaker_id, speaker_start, speaker_end, speaker_text, cue_start, cue_end, cue_text,
                        content_start, content_end, content_text, content_parts, kind, stance, rule_id, rule_hash)
                    SELECT article_id, speaker_id, speaker_start, speaker_end, speaker_text, cue_start, cue_end, cue_text,
                        content_start, content_end, content_text, content_parts, kind, stance, rule_id, rule_hash
                    FROM claims LIMIT ?
                    """, [.int(target - count)])
                try store.db.run(
                    "INSERT INTO claims_fts(rowid, content_text) SELECT id, content_text FROM claims WHERE id > ?", [.int(last)])
                count = try store.db.scalar("SELECT count(*) FROM claims")?.int ?? 0
            }
        }
    }

    func timeQueries(_ store: ClaimStore) throws -> [(String, p50: Double, p99: Double)] {
        var rng = SystemRandomNumberGenerator()
        let names = try store.db.rows("SELECT alias FROM actor_aliases ORDER BY random() LIMIT ?", [.int(queries)]) { $0.string(0) }
        let words = try store.db.rows(
            "SELECT content_text FROM claims WHERE id IN (SELECT id FROM claims ORDER BY random() LIMIT ?)", [.int(queries)]
        ) { row -> String in
            let ws = row.string(0).split { !$0.isLetter }.filter { $0.count > 4 }
            return ws.isEmpty ? "said" : String(ws[Int.random(in: 0..<ws.count, using: &rng)])
        }
        let roots = try store.db.rows(
            "SELECT to_claim_id FROM responses WHERE to_claim_id IS NOT NULL ORDER BY random() LIMIT ?", [.int(queries)]
        ) { $0.int(0) }
        func measure(_ items: [String], _ body: (String) throws -> Void) rethrows -> (Double, Double) {
            var times: [Double] = []
            for item in items {
                let s = DispatchTime.now().uptimeNanoseconds
                try body(item)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - s) / 1e6)
            }
            times.sort()
            guard !times.isEmpty else { return (0, 0) }
            return (times[times.count / 2], times[min(times.count - 1, Int(Double(times.count) * 0.99))])
        }
        var out: [(String, p50: Double, p99: Double)] = []
        let l = try measure(names) { _ = try store.claims(byActor: $0, limit: 50) }
        out.append(("list --actor (50 rows)", l.0, l.1))
        let s = try measure(words) { _ = try store.search($0, limit: 50) }
        out.append(("search (50 rows)", s.0, s.1))
        let t = try measure(roots.map(String.init)) { _ = try store.thread(id: Int($0)!) }
        out.append(("thread", t.0, t.1))
        return out
    }

    /// The process's peak resident memory, from /proc.
    static func peakResidentMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
            return kb / 1024
        }
        return 0
    }
}
