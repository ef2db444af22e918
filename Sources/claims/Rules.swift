import ArgumentParser
import ClaimKit

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Check, test and list the extraction rules.",
        subcommands: [Check.self, Test.self, ListRules.self, Explain.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check that every rule file is valid and every pattern compiles.")
        @OptionGroup var options: StoreOptions

        func run() throws {
            try guarded {
                let rules = try options.loadRules()
                print("ok: \(rules.rules.count) rules, \(rules.vocabulary.cues.count) cue verbs, \(rules.layouts.count) layouts, \(rules.actors.count) known actors in \(rules.directories.joined(separator: ", "))")
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
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List rules: id, kind, priority, file, description.")
        @OptionGroup var options: StoreOptions

        func run() throws {
            try guarded {
                let rules = try options.loadRules()
                print(table(
                    ["ID", "KIND", "PRIORITY", "FILE", "DESCRIPTION"],
                    rules.rules.map { [$0.id, $0.kind.rawValue, String($0.priority), ($0.file as NSString).lastPathComponent, clip($0.description, 70)] }))
            }
        }
    }
}

import Foundation
