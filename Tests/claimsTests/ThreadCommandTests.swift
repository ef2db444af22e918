import Foundation
import Testing

/// `claims thread ID` in every format, and `claims threads [--actor NAME]`.
@Suite struct ThreadCommandTests {
    static let pass = """
        Marrow Pass closed to lorries
        "This is a blockade," Senator Greta Holm said on Monday.
        "This is not a blockade," Director Pavel Ostrander said.
        """

    static let windFarm = """
        Wind farm row on the coast
        Governor Tove Lind said the wind farm would bring two hundred jobs to the coast.
        Mayor Anselm Rudd responded to comments made by Governor Tove Lind.
        "Those jobs will go to contractors from the capital," Rudd said.
        "Nobody here was asked," he said.
        """

    /// A workspace with both articles ingested; `body` gets the claim ids by content.
    func withThreads<T>(_ body: (Workspace, [String: Int]) throws -> T) throws -> T {
        try withWorkspace { ws in
            try ws.write("pass.txt", Self.pass)
            try ws.write("windfarm.txt", Self.windFarm)
            let ingest = try ws.claims(["ingest"], ["pass.txt", "windfarm.txt"])
            try #require(ingest.status == 0, "\(ingest)")
            let export = try ws.claims(["export"])
            var ids: [String: Int] = [:]
            for object in try CLI.jsonLines(export.stdout) where object["type"] as? String == "claim" {
                if let id = object["id"] as? Int, let text = (object["content"] as? [String: Any])?["text"] as? String { ids[text] = id }
            }
            return try body(ws, ids)
        }
    }

    @Test func textTreeShowsTheRebuttal() throws {
        try withThreads { ws, ids in
            let root = try #require(ids["\"This is a blockade,\""])
            let reply = try #require(ids["\"This is not a blockade,\""])
            let result = try ws.claims(["thread", String(root)])
            #expect(result.status == 0, "\(result)")
            #expect(
                result.stdoutLines == [
                    "#\(root) Greta Holm said: \"This is a blockade,\" (“Marrow Pass closed to lorries”)",
                    "└─ [rebuts] #\(reply) Pavel Ostrander said: \"This is not a blockade,\" (“Marrow Pass closed to lorries”)",
                ], "\(result)")
            // The reply's own thread says what it answers first.
            let answer = try ws.claims(["thread", String(reply)])
            #expect(answer.stdoutLines.first == "answers #\(root) of Greta Holm [rebuts]", "\(answer)")
        }
    }

    @Test func dotMermaidAndJSON() throws {
        try withThreads { ws, ids in
            let root = try #require(ids["the wind farm would bring two hundred jobs to the coast"])
            let first = try #require(ids["\"Those jobs will go to contractors from the capital,\""])
            let second = try #require(ids["\"Nobody here was asked,\""])

            let dot = try ws.claims(["thread", String(root)], ["--format", "dot"])
            #expect(dot.status == 0, "\(dot)")
            #expect(dot.stdout.hasPrefix("digraph"), "\(dot)")
            #expect(dot.stdout.contains("c\(first) -> c\(root) [label=\"responds\"];"), "\(dot)")
            #expect(dot.stdout.contains("c\(second) -> c\(root) [label=\"responds\"];"), "\(dot)")

            let mermaid = try ws.claims(["thread", String(root)], ["--format", "mermaid"])
            #expect(mermaid.status == 0, "\(mermaid)")
            #expect(mermaid.stdout.hasPrefix("flowchart"), "\(mermaid)")
            #expect(mermaid.stdout.contains("c\(first) -->|responds| c\(root)"), "\(mermaid)")

            for arguments in [["--json"], ["--format", "json"]] {
                let json = try ws.claims(["thread", String(root)], arguments)
                #expect(json.status == 0, "\(json)")
                let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json)")
                #expect(object["id"] as? Int == root)
                let responses = try #require(object["responses"] as? [[String: Any]])
                #expect(responses.map { $0["id"] as? Int } == [first, second])
                #expect(responses.map { $0["relation"] as? String } == ["responds", "responds"])
            }
        }
    }

    @Test func threadsListsLargestFirstAndFiltersByActor() throws {
        try withThreads { ws, ids in
            let all = try ws.claims(["threads"])
            #expect(all.status == 0, "\(all)")
            #expect(all.stdoutLines.last == "2 threads")
            let roots = all.stdoutLines.filter { $0.hasPrefix("#") }
            #expect(roots.count == 2)
            #expect(roots.first?.hasPrefix("#\(ids["the wind farm would bring two hundred jobs to the coast"] ?? -1) Tove Lind said:") == true, "\(all)")

            let holm = try ws.claims(["threads"], ["--actor", "Greta Holm"])
            #expect(holm.status == 0, "\(holm)")
            #expect(holm.stdout.contains("[rebuts]"), "\(holm)")
            #expect(!holm.stdout.contains("Tove Lind"), "\(holm)")
            #expect(holm.stdoutLines.last == "1 threads")

            let json = try ws.claims(["threads"], ["--actor", "Rudd", "--json"])
            #expect(json.status == 0, "\(json)")
            let lines = try CLI.jsonLines(json.stdout)
            #expect(lines.count == 1)
            #expect((lines.first?["speaker"] as? [String: Any])?["name"] as? String == "Tove Lind")
        }
    }

    @Test func unknownActorOrClaimExitsOne() throws {
        try withThreads { ws, _ in
            let actor = try ws.claims(["threads"], ["--actor", "Nobody Of Nowhere"])
            #expect(actor.status == 1, "\(actor)")
            #expect(actor.stdout == "")
            #expect(actor.stderr == "error: no actor is called 'Nobody Of Nowhere'; `claims actors` lists them all\n", "\(actor)")

            let claim = try ws.claims(["thread", "987654"])
            #expect(claim.status == 1, "\(claim)")
            #expect(claim.stderr.contains("no claim has id 987654"), "\(claim)")
        }
    }
}
