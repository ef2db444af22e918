import Foundation
import Testing

/// `claims rules check` and `claims rules test`.
@Suite struct RulesTests {
    @Test func checkPassesOnTheBundledRules() throws {
        try withWorkspace { ws in
            let result = try ws.run(["rules", "check"])
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.hasPrefix("ok: "), "\(result)")
            // Then the families of rules that run together, and no warning that one cannot.
            let families = result.stdoutLines.dropFirst()
            #expect(families.count >= 3)
            // A family too large for one pattern runs as parts, each still a family; each says how much of
            // PCRE2's room its compiled pattern takes.
            let together = #/^family: .+ run together( \(part \d+ of \d+: all of them are too large for one pattern\))?, (\d+) of 65536 bytes compiled$/#
            #expect(families.allSatisfy { $0.wholeMatch(of: together) != nil }, "\(result)")
            let sizes = families.compactMap { $0.wholeMatch(of: together).flatMap { Int($0.output.2) } }
            #expect(sizes.count == families.count)
            #expect(sizes.allSatisfy { $0 > 1000 && $0 <= 65536 }, "\(sizes)")
            #expect(families.contains { $0.contains("speaker-cue-clause") })
            #expect(result.stderr == "")
        }
    }

    @Test func checkReportsABrokenFileLikeACompiler() throws {
        try withWorkspace { ws in
            let file = try ws.write(
                "myrules/extra.yaml",
                """
                rules:
                  - id: extra
                    kind: direct
                    description: a stray parenthesis
                    pattern: '(?<cue>said) (?<content>\\w+))'
                """)
            let result = try ws.run(["rules", "check", "--rules", ws.path("myrules")])
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout == "")
            #expect(
                result.stderr
                    == "\(file):5:43: error: pattern does not compile: unmatched closing parenthesis\n"
                    + #"    pattern: '(?<cue>said) (?<content>\w+))'"# + "\n" + String(repeating: " ", count: 42) + "^\n",
                "\(result)")
        }
    }

    @Test func missingRulesFolderIsNamed() throws {
        try withWorkspace { ws in
            let result = try ws.run(["rules", "check", "--rules", ws.path("nowhere")])
            #expect(result.status == 1)
            #expect(
                result.stderr == "error: rules folder '\(ws.path("nowhere"))' does not exist; check --rules or CLAIMS_RULES\n")
        }
    }

    @Test func testRunsEveryExampleAndEndsWithTheTally() throws {
        try withWorkspace { ws in
            let result = try ws.run(["rules", "test"])
            #expect(result.status == 0, "\(result)")
            let last = try #require(result.stdoutLines.last)
            let match = try #require(last.wholeMatch(of: /(\d+) passed, 0 failed/), "\(last)")
            #expect((Int(match.1) ?? 0) > 0)
            #expect(!result.stdout.contains("FAIL"))
        }
    }

    @Test func testFailsOnAFailingExample() throws {
        try withWorkspace { ws in
            try ws.write(
                "myrules/extra.yaml",
                """
                rules:
                  - id: extra-told
                    kind: indirect
                    description: a name, told, and what follows
                    pattern: '(?<speaker>\\p{Lu}\\p{L}+) \\s+ (?<cue>told) \\s+ (?<content>[^.]+)'
                    examples:
                      - text: "Brita told the crew to wait."
                        content: the crew to stay
                """)
            let result = try ws.run(["rules", "test", "--rules", ws.path("myrules"), "extra-told"])
            #expect(result.status == 1, "\(result)")
            #expect(result.stdoutLines.last == "0 passed, 2 failed")
            #expect(result.stdout.contains("rule 'extra-told': content: expected \"the crew to stay\", captured \"the crew to wait\""))
        }
    }
}
