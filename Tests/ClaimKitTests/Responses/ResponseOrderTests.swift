import Foundation
import Testing

@testable import ClaimKit

/// Responses and threads depend on what is stored, not on the order articles arrived in.
@Suite struct ResponseOrderTests {
    static let seedPage = Fixtures.shared.appendingPathComponent("corpus/seed/000_41a53be4fc2a22b0.txt")

    /// The seed page's articles, each as its own body, split by the page layout.
    func seedBodies() throws -> [String] {
        let rules = try Fixtures.rules()
        let document = try InputReader().read(Self.seedPage.path)
        return PageSplitter(rules: rules).split(document).map(\.body)
    }

    /// Ingests the files in `order`, one ingest each, into a fresh store, and returns its responses and thread edges.
    func edges(ingesting files: [String], order: [Int]) throws -> (responses: Set<ResponseEdge>, threads: Set<ResponseEdge>) {
        try withStore { store, _ in
            let ingestor = try Ingestor(store: store, rules: Fixtures.rules())
            for i in order {
                let report = ingestor.ingest([files[i]])
                #expect(report.problems == [])
                #expect(report.inserted.count == 1, "\(files[i])")
            }
            return (try store.responseEdges(), try store.threadEdges())
        }
    }

    @Test func seedArticlesAsSeparateFilesGiveTheSameThreadsInAnyOrder() throws {
        try withScratch { scratch in
            let bodies = try seedBodies()
            try #require(bodies.count == 4)
            let files = try bodies.enumerated().map { i, body in try scratch.write("seed-part-\(i + 1).txt", body) }
            let forward = try edges(ingesting: files, order: [0, 1, 2, 3])
            let backward = try edges(ingesting: files, order: [3, 2, 1, 0])
            let shuffled = try edges(ingesting: files, order: [1, 3, 0, 2])
            // The seed page has responses across its articles: a test that compares nothing proves nothing.
            #expect(forward.responses.count >= 10, "\(forward.responses)")
            #expect(forward.responses.contains { $0.to != nil })
            #expect(forward.responses == backward.responses, "\(forward.responses.symmetricDifference(backward.responses))")
            #expect(forward.responses == shuffled.responses, "\(forward.responses.symmetricDifference(shuffled.responses))")
            #expect(!forward.threads.isEmpty)
            #expect(forward.threads == backward.threads, "\(forward.threads.symmetricDifference(backward.threads))")
            #expect(forward.threads == shuffled.threads, "\(forward.threads.symmetricDifference(shuffled.threads))")
        }
    }

    /// A rebuttal that names whom it answers, in an article of its own.
    static let rebuttal = """
        Varga defends toll bridge
        Mayor Ilse Varga said on Tuesday that the toll bridge would pay for itself within ten years, rejecting concerns raised by Governor Bo Hamm.
        """

    /// The claims the rebuttal answers, published in another article.
    static let original = """
        Toll bridge costs questioned
        Governor Bo Hamm said the toll bridge would leave Dunmere with debts for a generation.
        Hamm said the tolls would keep poorer families off the bridge.
        """

    /// Ingests the two articles in `order` (one ingest each) and returns the one response as (from, to) claims.
    func crossArticleLink(rebuttalFirst: Bool) throws -> (from: StoredClaim, to: StoredClaim?, relation: String, target: String?) {
        try withStore { store, scratch in
            let files = [("rebuttal.txt", Self.rebuttal), ("original.txt", Self.original)]
            for (name, text) in rebuttalFirst ? files : files.reversed() {
                try ingestText(text, as: name, into: store, scratch)
                if rebuttalFirst, name == "rebuttal.txt" {
                    // Nothing to answer yet: the response names Hamm but no claim.
                    let early = try store.responses()
                    #expect(early.count == 1)
                    #expect(early.first?.to == nil)
                    #expect(early.first?.target == "Bo Hamm")
                }
            }
            let responses = try store.responses()
            try #require(responses.count == 1, "\(responses)")
            let r = responses[0]
            return (try store.claim(id: r.from), try r.to.map { try store.claim(id: $0) }, r.relation, r.target)
        }
    }

    @Test(arguments: [true, false])
    func aRebuttalFindsTheClaimItAnswersInAnotherArticle(rebuttalFirst: Bool) throws {
        let link = try crossArticleLink(rebuttalFirst: rebuttalFirst)
        #expect(link.from.articleKey == "rebuttal")
        #expect(link.from.speakerName == "Ilse Varga")
        #expect(link.from.content.text == "the toll bridge would pay for itself within ten years")
        #expect(link.relation == "rebuts")
        #expect(link.target == "Bo Hamm")
        let to = try #require(link.to, "the rebuttal found no claim to answer")
        #expect(to.articleKey == "original")
        #expect(to.speakerName == "Bo Hamm")
        #expect(to.content.text == "the toll bridge would leave Dunmere with debts for a generation")
    }
}
