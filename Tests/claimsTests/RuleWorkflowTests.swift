import Foundation
import Testing

/// Writing a rule for a sentence the bundled rules miss, testing it, and re-extracting with it; explaining
/// a text; fixing actors by alias and merge.
@Suite struct RuleWorkflowTests {
    /// An article whose first claim is a "per" attribution the bundled rules miss.
    static let article = """
        Cranes at Vessholm port to be replaced
        Per the port director, the cranes would be replaced next year.
        Dock worker Mira Sand said the old cranes had been unsafe for a decade.
        """

    static let rule = """
        rules:
          - id: per-source
            description: An attribution with "per" ("Per the ministry, ...").
            kind: indirect
            priority: 65
            pattern: |
              (?<cue>(?<![\\p{L}])[Pp]er) \\s+ (?<speaker>@{speaker_np}) ,\\s+ (?<content>@{clause})
            examples:
              - text: "Per the ferry director, the quay would close in May."
                speaker: the ferry director
                cue: Per
                content: the quay would close in May
            counterexamples:
              - "They paid ten crowns per crate."
        """

    /// The database's claims as JSON objects, through `claims export`.
    func exportedClaims(_ ws: Workspace) throws -> [[String: Any]] {
        let export = try ws.claims(["export"])
        try #require(export.status == 0, "\(export)")
        return try CLI.jsonLines(export.stdout).filter { $0["type"] as? String == "claim" }
    }

    @Test func aUserRuleIsTestedDryRunAndThenStored() throws {
        try withWorkspace { ws in
            try ws.write("cranes.txt", Self.article)
            let ingest = try ws.claims(["ingest"], ["cranes.txt"])
            #expect(ingest.status == 0, "\(ingest)")
            #expect(ingest.stdout.contains("ingested cranes: 1 claims"), "\(ingest)")
            let before = try exportedClaims(ws)
            #expect(before.count == 1)

            try ws.write("myrules/rules.yaml", Self.rule)
            let rules = ws.path("myrules")

            let test = try ws.run(["rules", "test", "per-source", "--rules", rules])
            #expect(test.status == 0, "\(test)")
            let tally = try #require(test.stdoutLines.last)
            let match = try #require(tally.wholeMatch(of: /(\d+) passed, 0 failed/), "\(test)")
            #expect((Int(match.1) ?? 0) > 0)
            #expect(!test.stdout.contains("FAIL"))

            let dry = try ws.claims(["reextract"], ["--dry-run", "--rules", rules])
            #expect(dry.status == 0, "\(dry)")
            #expect(
                dry.stdoutLines.first == "would re-extract 1 articles: 1 claims added, 0 removed, 0 changed, 1 unchanged", "\(dry)")
            #expect(dry.stdoutLines.contains("per-source: +1 -0 ~0"), "\(dry)")
            let addedLine = try #require(dry.stdoutLines.first { $0.hasPrefix("  + #") }, "\(dry)")
            #expect(addedLine.hasSuffix(" the cranes would be replaced next year"))
            let newID = try #require(Int(addedLine.dropFirst(5).prefix { $0.isNumber }), "\(addedLine)")

            // Nothing new is stored yet.
            #expect(try exportedClaims(ws).count == 1)
            let listBefore = try ws.claims(["list"], ["--actor", "port director"])
            #expect(listBefore.status == 1, "\(listBefore)")
            #expect(listBefore.stderr.contains("no actor is called 'port director'"), "\(listBefore)")
            let showBefore = try ws.claims(["show", String(newID)])
            #expect(showBefore.status == 1, "\(showBefore)")
            #expect(showBefore.stderr.contains("no claim has id \(newID)"), "\(showBefore)")

            let real = try ws.claims(["reextract"], ["--rules", rules])
            #expect(real.status == 0, "\(real)")
            #expect(real.stdoutLines.first == "re-extracted 1 articles: 1 claims added, 0 removed, 0 changed, 1 unchanged", "\(real)")
            #expect(real.stdoutLines.contains("  + #\(newID) the cranes would be replaced next year"), "\(real)")

            let show = try ws.claims(["show", String(newID)], ["--rules", rules])
            #expect(show.status == 0, "\(show)")
            #expect(show.stdout.contains("content:   the cranes would be replaced next year"), "\(show)")
            #expect(show.stdout.contains("cue:       Per [neutral]"), "\(show)")
            #expect(show.stdout.contains("rule:      per-source (unchanged since extraction)"), "\(show)")
            // Without the user's folder the rule is unknown.
            let bare = try ws.claims(["show", String(newID)])
            #expect(bare.stdout.contains("rule:      per-source (no longer in the rules)"), "\(bare)")

            let list = try ws.claims(["list"], ["--actor", "port director"])
            #expect(list.status == 0, "\(list)")
            #expect(list.stdout.contains("the cranes would be replaced next year"), "\(list)")
            #expect(list.stdoutLines.last == "1 claims")
            #expect(try exportedClaims(ws).count == 2)

            // A second run with the same rules has nothing to do.
            let again = try ws.claims(["reextract"], ["--rules", rules])
            #expect(again.stdoutLines == ["re-extracted 1 articles: 0 claims added, 0 removed, 0 changed, 2 unchanged"], "\(again)")
        }
    }

    @Test func rulesNewWritesASkeletonThatChecks() throws {
        try withWorkspace { ws in
            let rules = ws.path("myrules")
            try FileManager.default.createDirectory(atPath: rules, withIntermediateDirectories: true)
            let new = try ws.run(["rules", "new", "my-rule", "--rules", rules])
            #expect(new.status == 0, "\(new)")
            let file = rules + "/rules.yaml"
            #expect(new.stdout.hasPrefix("wrote rule 'my-rule' to \(file)"), "\(new)")
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(text.hasPrefix("rules:\n"))
            #expect(text.contains("  - id: my-rule\n"))
            #expect(text.contains("    kind: indirect\n"))

            let check = try ws.run(["rules", "check", "--rules", rules])
            #expect(check.status == 0, "\(check)")
            #expect(check.stdout.hasPrefix("ok: "), "\(check)")
            #expect(check.stdout.contains(rules), "\(check)")

            let list = try ws.run(["rules", "list", "--rules", rules])
            #expect(list.stdoutLines.contains { $0.hasPrefix("my-rule ") && $0.contains("rules.yaml") }, "\(list)")

            // The id is taken now.
            let again = try ws.run(["rules", "new", "my-rule", "--rules", rules])
            #expect(again.status == 1, "\(again)")
            #expect(again.stderr.contains("rule 'my-rule' already exists in \(file)"), "\(again)")
        }
    }

    @Test func aBrokenRulesFolderStopsReextractBeforeAnyWrite() throws {
        try withWorkspace { ws in
            try ws.write("cranes.txt", Self.article)
            #expect(try ws.claims(["ingest"], ["cranes.txt"]).status == 0)
            let before = try ws.claims(["export"])
            let file = try ws.write(
                "broken/rules.yaml",
                """
                rules:
                  - id: broken
                    kind: indirect
                    description: an unclosed group
                    pattern: '(?<cue>said) (?<content>[^.]+'
                """)
            for arguments in [["--rules", ws.path("broken")], ["--dry-run", "--rules", ws.path("broken")]] {
                let result = try ws.claims(["reextract"], arguments)
                #expect(result.status == 1, "\(result)")
                #expect(result.stdout == "", "\(result)")
                #expect(result.stderr.hasPrefix("\(file):5:"), "\(result)")
                #expect(result.stderr.contains(": error: pattern does not compile"), "\(result)")
                #expect(result.stderr.range(of: #"^\S+:\d+:\d+: error: "#, options: .regularExpression) != nil, "\(result)")
            }
            let after = try ws.claims(["export"])
            #expect(after.stdout == before.stdout)
        }
    }

    @Test func explainPrintsEachClaimWithItsRuleSpeakerAndContent() throws {
        try withWorkspace { ws in
            let result = try ws.run(["rules", "explain", "Dock worker Mira Sand said the old cranes had been unsafe for a decade."])
            #expect(result.status == 0, "\(result)")
            let lines = result.stdoutLines
            #expect(lines.first?.hasPrefix("claim  rule ") == true, "\(result)")
            #expect(lines.contains { $0.hasPrefix("  speaker: ") && $0.hasSuffix("-> Mira Sand (person)") }, "\(result)")
            #expect(lines.contains { $0.hasPrefix("  cue:     ") && $0.hasSuffix("\"said\"") }, "\(result)")
            #expect(lines.contains { $0.hasPrefix("  content: ") && $0.hasSuffix("\"the old cranes had been unsafe for a decade\"") }, "\(result)")
            // The catch-all rule for sentence subjects reads the same words and loses on priority.
            #expect(lines.contains { $0.hasPrefix("dropped  rule sentence-subject-cue-clause: overlaps a claim of rule 'speaker-cue-clause'") }, "\(result)")
            #expect(lines.last == "1 claims, 1 dropped")

            // With the user's rule, the "per" attribution is explained too.
            try ws.write("myrules/rules.yaml", Self.rule)
            let perSource = try ws.run([
                "rules", "explain", "--rules", ws.path("myrules"), "Per the port director, the cranes would be replaced next year.",
            ])
            #expect(perSource.status == 0, "\(perSource)")
            #expect(perSource.stdoutLines.first?.hasPrefix("claim  rule per-source (priority 65, indirect, stance neutral)") == true, "\(perSource)")
            #expect(perSource.stdout.contains("  speaker: [4-21] \"the port director\""), "\(perSource)")
            #expect(perSource.stdout.contains("  content: [23-61] \"the cranes would be replaced next year\""), "\(perSource)")
            let bare = try ws.run(["rules", "explain", "Per the port director, the cranes would be replaced next year."])
            #expect(bare.stdoutLines == ["0 claims, 0 dropped"], "\(bare)")
        }
    }

    @Test func aliasAndMergeSayWhatTheyDidAndListFindsTheAlias() throws {
        try withWorkspace { ws in
            try ws.write("budget.txt", "Dunmere budget passes\nMayor Ilse Varga said the budget would fund two new schools.\n")
            try ws.write("schools.txt", "Schools open in Dunmere\nMayor Ilsa Varga said the first school would open in August.\n")
            #expect(try ws.claims(["ingest"], ["budget.txt", "schools.txt"]).status == 0)

            let alias = try ws.claims(["actors", "alias"], ["Ilse Varga", "the mayor of Dunmere"])
            #expect(alias.status == 0, "\(alias)")
            #expect(alias.stdout.range(of: #"^#\d+ Ilse Varga is also the mayor of Dunmere; aliases: .*the mayor of Dunmere"#, options: .regularExpression) != nil, "\(alias)")
            let byAlias = try ws.claims(["list"], ["--actor", "the mayor of Dunmere"])
            #expect(byAlias.status == 0, "\(byAlias)")
            #expect(byAlias.stdout.contains("the budget would fund two new schools"), "\(byAlias)")
            #expect(byAlias.stdoutLines.last == "1 claims")

            let merge = try ws.claims(["actors", "merge"], ["Ilse Varga", "Ilsa Varga"])
            #expect(merge.status == 0, "\(merge)")
            #expect(merge.stdout.range(of: #"^merged Ilsa Varga into #\d+ Ilse Varga: 2 claims; aliases: .*Ilsa Varga"#, options: .regularExpression) != nil, "\(merge)")
            let merged = try ws.claims(["list"], ["--actor", "the mayor of Dunmere"])
            #expect(merged.stdout.contains("the first school would open in August"), "\(merged)")
            #expect(merged.stdoutLines.last == "2 claims")
            // The merged name is an alias now, and stays one through re-extraction.
            #expect(try ws.claims(["reextract"]).status == 0)
            let misspelt = try ws.claims(["list"], ["--actor", "Ilsa Varga"])
            #expect(misspelt.stdoutLines.last == "2 claims", "\(misspelt)")
            let actors = try ws.claims(["actors"], ["--json"])
            #expect(try CLI.jsonLines(actors.stdout).compactMap { $0["name"] as? String } == ["Ilse Varga"], "\(actors)")

            let same = try ws.claims(["actors", "merge"], ["Ilse Varga", "Ilsa Varga"])
            #expect(same.status == 1, "\(same)")
            #expect(same.stderr == "error: 'Ilse Varga' and 'Ilsa Varga' are the same actor\n", "\(same)")
        }
    }
}
