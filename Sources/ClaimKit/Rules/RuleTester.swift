/// Runs every rule's own examples: each must match with the expected captures, each counterexample must not.
public struct RuleTester: Sendable {
    public let rules: RuleSet

    /// One failed example.
    public struct Failure: Sendable, CustomStringConvertible {
        public var ruleID: String
        public var location: SourceLocation?
        public var text: String
        public var message: String
        /// What the rule captured, by group, when it matched.
        public var captured: [String: ByteSpan]

        public var description: String {
            var out = location.map { "\($0.path):\($0.line):\($0.column): " } ?? ""
            // A line break shows as one visible character, so the carets below stay under their words.
            out += "rule '\(ruleID)': \(message)\n  text: \(text.replacingOccurrences(of: "\n", with: "⏎"))"
            let bytes = UTF8Text(text)
            for (group, span) in captured.sorted(by: { $0.key < $1.key }) {
                let pad = String(repeating: " ", count: bytes.codePointOffset(ofByte: span.lowerBound))
                let carets = String(repeating: "^", count: max(1, bytes.codePointOffset(ofByte: span.upperBound) - bytes.codePointOffset(ofByte: span.lowerBound)))
                out += "\n        \(pad)\(carets) \(group)"
            }
            return out
        }
    }

    public init(rules: RuleSet) { self.rules = rules }

    /// Multibyte text put in front of every example on the second pass, so offsets are tested in bytes.
    public static let multibytePrefix = "Zürich, 東京 — “Ünïcødé” naïve façade 🙂.\n"

    /// Every failure of the rules with these ids (all rules when empty), with and without a multibyte prefix.
    public func run(ids: [String] = []) -> (examples: Int, failures: [Failure]) {
        var failures: [Failure] = []
        var count = 0
        for rule in rules.rules + rules.responseRules where ids.isEmpty || ids.contains(rule.id) {
            for prefix in ["", Self.multibytePrefix] {
                for example in rule.examples {
                    count += 1
                    if let failure = check(rule, example, prefix: prefix, mustMatch: true) { failures.append(failure) }
                }
                for example in rule.counterexamples {
                    count += 1
                    if let failure = check(rule, example, prefix: prefix, mustMatch: false) { failures.append(failure) }
                }
            }
        }
        return (count, failures)
    }

    func check(_ rule: Rule, _ example: RuleExample, prefix: String, mustMatch: Bool) -> Failure? {
        let full = prefix + example.text
        let text = UTF8Text(full)
        let match: PatternMatch?
        do {
            match = try rule.pattern.firstMatch(in: text, from: 0)
        } catch {
            return Failure(ruleID: rule.id, location: example.location, text: full, message: "the pattern stopped: \(error.message)", captured: [:])
        }
        var captured: [String: ByteSpan] = [:]
        if let match {
            for name in ["speaker", "cue", "content", "content2", "target", "answered", "object", "responder"] { if let r = match[name] { captured[name] = r } }
        }
        guard mustMatch else {
            return match == nil ? nil : Failure(ruleID: rule.id, location: example.location, text: full, message: "counterexample matched", captured: captured)
        }
        guard match != nil else {
            return Failure(ruleID: rule.id, location: example.location, text: full, message: "example did not match", captured: [:])
        }
        for (group, expected) in example.expected.sorted(by: { $0.key < $1.key }) {
            let got = captured[group].map { text.string($0) }
            if got != expected {
                return Failure(
                    ruleID: rule.id, location: example.location, text: full,
                    message: "\(group): expected \"\(expected)\", captured \(got.map { "\"\($0)\"" } ?? "nothing")", captured: captured)
            }
        }
        return nil
    }
}

import Foundation
