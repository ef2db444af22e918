import Foundation
import Testing

@testable import ClaimKit

/// Threads: a claim with its responses and theirs, listed largest first and drawn as text, JSON, dot and Mermaid.
@Suite struct ThreadTests {
    /// A claim, two responses to it and a rebuttal of the first response.
    static let windFarm = """
        Wind farm row on the coast
        Governor Tove Lind said the wind farm would bring two hundred jobs to the coast.
        Mayor Anselm Rudd responded to comments made by Governor Tove Lind.
        "Those jobs will go to contractors from the capital," Rudd said.
        "Nobody here was asked," he said.
        Director Pavel Ostrander said the contractors would hire locally, rejecting concerns raised by Mayor Anselm Rudd.
        """

    /// A claim and one contradiction of it.
    static let pass = """
        Marrow Pass closed to lorries
        "This is a blockade," Senator Greta Holm said on Monday.
        "This is not a blockade," Director Pavel Ostrander said.
        """

    static let jobs = "the wind farm would bring two hundred jobs to the coast"
    static let contractors = "\"Those jobs will go to contractors from the capital,\""
    static let asked = "\"Nobody here was asked,\""
    static let locally = "the contractors would hire locally"

    func withThreads<T>(_ body: (ClaimStore) throws -> T) throws -> T {
        try withStore { store, scratch in
            try ingestText(Self.windFarm, as: "windfarm.txt", into: store, scratch)
            try ingestText(Self.pass, as: "pass.txt", into: store, scratch)
            return try body(store)
        }
    }

    /// The id of the one claim with this content.
    func id(_ store: ClaimStore, _ content: String) throws -> Int {
        let all = try store.allClaims()
        let matches = all.filter { $0.content.text == content }
        try #require(matches.count == 1, "\(content): \(all.map(\.content.text))")
        return matches[0].id
    }

    @Test func threadIsATreeOfResponses() throws {
        try withThreads { store in
            let root = try store.thread(id: try id(store, Self.jobs))
            #expect(root.relation == nil)
            #expect(root.claim.speakerName == "Tove Lind")
            #expect(root.size == 4)
            #expect(root.responses.map(\.claim.content.text) == [Self.contractors, Self.asked])
            #expect(root.responses.map(\.relation) == ["responds", "responds"])
            #expect(root.responses.map(\.claim.speakerName) == ["Anselm Rudd", "Anselm Rudd"])
            let first = try #require(root.responses.first)
            #expect(first.responses.map(\.claim.content.text) == [Self.locally])
            #expect(first.responses.map(\.relation) == ["rebuts"])
            #expect(first.responses.first?.responses.isEmpty == true)
            #expect(root.responses.last?.responses.isEmpty == true)
        }
    }

    @Test func threadOfAResponseStartsThere() throws {
        try withThreads { store in
            let sub = try store.thread(id: try id(store, Self.contractors))
            #expect(sub.size == 2)
            #expect(sub.responses.map(\.claim.speakerName) == ["Pavel Ostrander"])
            let answers = try store.answers(of: try id(store, Self.contractors))
            #expect(answers.count == 1)
            #expect(answers.first?.to == (try id(store, Self.jobs)))
            #expect(answers.first?.relation == "responds")
            #expect(answers.first?.target == "Tove Lind")
        }
    }

    @Test func threadsAreListedLargestFirst() throws {
        try withThreads { store in
            let threads = try store.threads()
            #expect(threads.map(\.size) == [4, 2])
            #expect(threads.map(\.claim.content.text) == [Self.jobs, "\"This is a blockade,\""])
            #expect(threads.last?.responses.map(\.relation) == ["rebuts"])
        }
    }

    @Test func threadsOfAnActorAreThoseWhereTheySpeak() throws {
        try withThreads { store in
            let holm = try store.threads(actor: "Greta Holm")
            #expect(holm.map(\.claim.speakerName) == ["Greta Holm"])
            // Rudd answers Lind: the thread rooted at Lind's claim is his too, found by his surname.
            let rudd = try store.threads(actor: "Rudd")
            #expect(rudd.map(\.claim.content.text) == [Self.jobs])
            // Ostrander speaks in both.
            let ostrander = try store.threads(actor: "Pavel Ostrander")
            #expect(ostrander.map(\.size) == [4, 2])
            #expect(throws: ClaimsError.self) { try store.threads(actor: "Nobody Of Nowhere") }
        }
    }

    @Test func dotAndMermaidDrawEveryEdgeWithItsRelation() throws {
        try withThreads { store in
            let (root, contractors, asked, locally) = (
                try id(store, Self.jobs), try id(store, Self.contractors), try id(store, Self.asked), try id(store, Self.locally)
            )
            let thread = try store.thread(id: root)
            let dot = ThreadRenderer.dot(thread)
            #expect(dot.hasPrefix("digraph thread {"))
            #expect(dot.hasSuffix("}"))
            for edge in [
                "c\(contractors) -> c\(root) [label=\"responds\"];", "c\(asked) -> c\(root) [label=\"responds\"];",
                "c\(locally) -> c\(contractors) [label=\"rebuts\"];",
            ] {
                #expect(dot.contains(edge), "\(edge) in\n\(dot)")
            }
            #expect(dot.components(separatedBy: " -> ").count - 1 == 3)
            #expect(dot.contains("c\(root) [label=\"#\(root) Tove Lind said:\\n\(Self.jobs)\"];"), "\(dot)")

            let mermaid = ThreadRenderer.mermaid(thread)
            #expect(mermaid.hasPrefix("flowchart BT\n"))
            for edge in [
                "c\(contractors) -->|responds| c\(root)", "c\(asked) -->|responds| c\(root)", "c\(locally) -->|rebuts| c\(contractors)",
            ] {
                #expect(mermaid.contains(edge), "\(edge) in\n\(mermaid)")
            }
            // Quotes in labels are escaped for Mermaid.
            #expect(mermaid.contains("#quot;Those jobs will go to contractors from the capital,#quot;"), "\(mermaid)")
        }
    }

    @Test func jsonNestsResponsesWithTheirRelation() throws {
        try withThreads { store in
            let thread = try store.thread(id: try id(store, Self.jobs))
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(ThreadRenderer.json(thread).text.utf8)) as? [String: Any])
            #expect(object["relation"] == nil)
            #expect((object["content"] as? [String: Any])?["text"] as? String == Self.jobs)
            #expect(object["article_key"] as? String == "windfarm")
            #expect(object["article_title"] as? String == "Wind farm row on the coast")
            let responses = try #require(object["responses"] as? [[String: Any]])
            #expect(responses.map { $0["relation"] as? String } == ["responds", "responds"])
            #expect(responses.map { ($0["speaker"] as? [String: Any])?["name"] as? String } == ["Anselm Rudd", "Anselm Rudd"])
            let nested = try #require(responses.first?["responses"] as? [[String: Any]])
            #expect(nested.map { $0["relation"] as? String } == ["rebuts"])
            #expect(nested.map { ($0["content"] as? [String: Any])?["text"] as? String } == [Self.locally])
        }
    }

    @Test func textTreeMarksRelations() throws {
        try withThreads { store in
            let root = try id(store, Self.jobs)
            let lines = ThreadRenderer.text(try store.thread(id: root)).split(separator: "\n").map(String.init)
            #expect(lines.count == 4)
            #expect(lines[0].hasPrefix("#\(root) Tove Lind said: \(Self.jobs)"))
            #expect(lines[1].hasPrefix("├─ [responds] #"))
            #expect(lines[2].hasPrefix("│  └─ [rebuts] #"))
            #expect(lines[2].contains("Pavel Ostrander said: \(Self.locally)"))
            #expect(lines[3].hasPrefix("└─ [responds] #"))
        }
    }
}
