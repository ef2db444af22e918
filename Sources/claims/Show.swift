import ArgumentParser
import ClaimKit

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one claim: speaker, cue, content, targets, stance and rule.")

    @OptionGroup var options: StoreOptions
    @Argument(help: "The claim id.") var id: Int
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        try guarded {
            let store = try options.openStore()
            let c = try store.claim(id: id)
            if json {
                print(JSON.line(Exporter.fields(c)))
                return
            }
            let rules = try? options.loadRules()
            var ruleNote = ""
            if let rule = rules?.rule(c.ruleID) {
                ruleNote = rule.hash == c.ruleHash ? " (unchanged since extraction)" : " (changed since extraction: reextract to update)"
            } else if rules != nil {
                ruleNote = " (no longer in the rules)"
            }
            print("claim \(c.id) in \(c.articleKey)\(c.articleTitle.map { ": \($0)" } ?? "")")
            if let published = c.published { print("published: \(published)") }
            print("speaker:   \(c.speakerName ?? "unknown")\(c.speakerMention.map { " (\"\($0.text)\" at \($0.start)-\($0.end))" } ?? "")")
            print("cue:       \(c.cue.text) [\(c.stance)]")
            print("content:   \(c.content.text)")
            print("kind:      \(c.kind)")
            if !c.targets.isEmpty { print("targets:   \(c.targets.joined(separator: ", "))") }
            print("rule:      \(c.ruleID)\(ruleNote)")
            for a in try store.answers(of: c.id) {
                print("answers:   [\(a.relation)] \(a.to.map { "claim \($0)" } ?? "no stored claim") of \(a.target ?? "unknown")")
            }
            for r in try store.thread(id: c.id).responses {
                print("answered:  [\(r.relation ?? "")] by claim \(r.claim.id) of \(r.claim.speakerName ?? "unknown")")
            }
        }
    }
}
