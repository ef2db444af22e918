import Foundation

/// The commented skeleton `claims rules new` writes.
public enum RuleSkeleton {
    /// The file a new rule goes in: the user's folder when there is one, else the bundled file for its kind.
    public static func file(for kind: String, userDirectory: String?) throws -> String {
        if let user = userDirectory ?? ProcessInfo.processInfo.environment["CLAIMS_RULES"].flatMap({ $0.isEmpty ? nil : $0 }) {
            return (user as NSString).appendingPathComponent("rules.yaml")
        }
        return try ResourceLocator.rulesDirectory().appendingPathComponent(kind == "direct" ? "quotes.yaml" : "reported.yaml").path
    }

    /// The skeleton text for a rule.
    public static func text(id: String, kind: String) -> String {
        """

          - id: \(id)
            description: What this rule finds, in one sentence.
            kind: \(kind)
            # Higher wins where two claims cover the same words (quotes.yaml uses 80-90, reported.yaml 55-70).
            priority: 65
            # PCRE2 in extended mode: spaces are ignored, \\s matches them. Named groups: speaker (optional),
            # cue and content (required), content2 (a split quote's second half), target (optional).
            # Shared vocabularies: @{speaker_np}, @{cue}, @{cue_ing}, @{cue:denial}, @{quote}, @{clause} ...
            pattern: |
              (?<speaker>@{speaker_np}) \\s+ (?<cue>@{cue}) \\s+ (?:that\\s+)? (?<content>@{clause})
            examples:
              - text: "A sentence of your own that the rule must match."
                speaker: the words naming the speaker
                cue: the cue
                content: what was said
            counterexamples:
              - "A sentence the rule must not match."

        """
    }

    /// Appends the skeleton to `path`, creating the file with a `rules:` key when it is new.
    public static func append(id: String, kind: String, to path: String) throws {
        var existing = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        if existing.isEmpty { existing = "rules:\n" } else if !existing.hasSuffix("\n") { existing += "\n" }
        do {
            try (existing + text(id: id, kind: kind)).write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw ClaimsError(code: .input, message: "cannot write \(path): \(error.localizedDescription)", cause: error)
        }
    }
}
