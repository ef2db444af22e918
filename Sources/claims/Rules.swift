import ArgumentParser
import ClaimKit

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Check, test and list the extraction rules.",
        subcommands: [Check.self, Test.self, ListRules.self, Explain.self, New.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check that every rule file is valid and every pattern compiles.")
        @OptionGroup var options: StoreOptions

        func run() throws {
            try guarded {
                let rules = try options.loadRules()
                print("ok: \(rules.rules.count) rules, \(rules.vocabulary.cues.count) cue verbs, \(rules.layouts.count) layouts, \(rules.actors.count) known actors in \(rules.directories.joined(separator: ", "))")
                for family in rules.families() {
                    if let problem = family.problem {
                        print("warning: rules \(family.ruleIDs.joined(separator: ", ")) begin alike but run one by one, which is slower: \(problem)")
                    } else {
                        let part = family.parts > 1 ? " (part \(family.part) of \(family.parts): all of them are too large for one pattern)" : ""
                        let size = family.compiledSize.map { ", \($0) of \(Pattern.sizeLimit) bytes compiled" } ?? ""
                        print("family: \(family.ruleIDs.joined(separator: " + ")) run together\(part)\(size)")
                    }
                }
            }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run every rule's examples (or those of the rules named).")
        @OptionGroup var options: StoreOptions
        @Argument(help: "Rule ids; all rules when none.") var ids: [String] = []

        func run() throws {
            try guarded {
                let rules = try options.loadRules()
                for id in ids where rules.rule(id) == nil {
                    throw ValidationError("no rule has id '\(id)'; `claims rules list` shows them")
                }
                let result = RuleTester(rules: rules).run(ids: ids)
                for failure in result.failures { print("FAIL \(failure)") }
                print("\(result.examples - result.failures.count) passed, \(result.failures.count) failed")
                if !result.failures.isEmpty { throw ExitCode.failure }
            }
        }
    }

    struct ListRules: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List rules: id, kind, priority, file, stored claims, description.")
        @OptionGroup var options: StoreOptions

        func run() throws {
            try guarded {
                let rules = try options.loadRules()
                // Claim counts come from the database when there is one; listing rules never creates it.
                var counts: [String: Int] = [:]
                if FileManager.default.fileExists(atPath: options.databasePath) {
                    counts = (try? options.openStore().claimCountsByRule()) ?? [:]
                }
                let rows = rules.rules.map { r in
                    [r.id, r.kind.rawValue, String(r.priority), (r.file as NSString).lastPathComponent, String(counts[r.id] ?? 0), clip(r.description, 60)]
                } + rules.responseRules.map { r in
                    [r.id, "response:" + (r.relation ?? ""), "-", (r.file as NSString).lastPathComponent, "-", clip(r.description, 60)]
                }
                print(table(["ID", "KIND", "PRIORITY", "FILE", "CLAIMS", "DESCRIPTION"], rows))
            }
        }
    }

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a commented rule skeleton, ready to fill in: into --rules DIR (DIR/rules.yaml), else the bundled quotes.yaml or reported.yaml.")
        @OptionGroup var options: StoreOptions
        @Argument(help: "The new rule's id (letters, digits and dashes).") var id: String
        @Option(help: "direct, indirect or mixed.") var kind: String = "indirect"

        func validate() throws {
            if id.range(of: #"^[a-z0-9][a-z0-9\-]*$"#, options: .regularExpression) == nil {
                throw ValidationError("a rule id is lower-case letters, digits and dashes, e.g. quoted-as-saying")
            }
            if !["direct", "indirect", "mixed"].contains(kind) { throw ValidationError("--kind is direct, indirect or mixed") }
        }

        func run() throws {
            try guarded {
                let rules = try options.loadRules()
                if let existing = rules.rule(id) {
                    throw ClaimsError(code: .usage, message: "rule '\(id)' already exists in \(existing.file); pick another id")
                }
                let file = try RuleSkeleton.file(for: kind, userDirectory: options.rules)
                try RuleSkeleton.append(id: id, kind: kind, to: file)
                let flag = options.rules.map { " --rules \($0)" } ?? ""
                print("wrote rule '\(id)' to \(file); fill in its pattern and examples, then run `claims rules test \(id)\(flag)`")
            }
        }
    }
}

import Foundation
