/// Prints a thread as an indented tree, JSON, Graphviz dot or Mermaid.
public enum ThreadRenderer {
    /// The tree for people: one line a claim, responses indented under what they answer.
    public static func text(_ thread: ClaimThread, width: Int = 100) -> String {
        var lines: [String] = []
        func walk(_ t: ClaimThread, _ prefix: String, _ childPrefix: String) {
            let c = t.claim
            let head = [t.relation.map { "[\($0)]" }, "#\(c.id)", c.speakerName ?? "unknown", c.cue.text].compactMap { $0 }.joined(separator: " ")
            let meta = [c.published, c.articleTitle.map { "“\($0)”" } ?? c.articleKey].compactMap { $0 }.joined(separator: ", ")
            lines.append("\(prefix)\(head): \(short(c.content.text, width)) (\(meta))")
            for (i, child) in t.responses.enumerated() {
                let last = i == t.responses.count - 1
                walk(child, childPrefix + (last ? "└─ " : "├─ "), childPrefix + (last ? "   " : "│  "))
            }
        }
        walk(thread, "", "")
        return lines.joined(separator: "\n")
    }

    /// The tree as nested JSON.
    public static func json(_ t: ClaimThread) -> JSON {
        var fields = Exporter.fields(t.claim)
        fields.removeFirst()  // "type": "claim"
        if let relation = t.relation { fields.insert(("relation", .string(relation)), at: 0) }
        fields.append(("article_key", .string(t.claim.articleKey)))
        fields.append(("article_title", .optional(t.claim.articleTitle)))
        fields.append(("published", .optional(t.claim.published)))
        fields.append(("responses", .array(t.responses.map(json))))
        return .object(fields)
    }

    /// Graphviz dot: a node a claim, an edge from each response to what it answers.
    public static func dot(_ thread: ClaimThread) -> String {
        var lines = ["digraph thread {", "  rankdir=BT;", "  node [shape=box, fontname=\"Helvetica\"];"]
        func walk(_ t: ClaimThread) {
            lines.append("  c\(t.claim.id) [label=\(JSON.quote(label(t.claim)))];")
            for child in t.responses {
                walk(child)
                lines.append("  c\(child.claim.id) -> c\(t.claim.id) [label=\(JSON.quote(child.relation ?? ""))];")
            }
        }
        walk(thread)
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    /// A Mermaid flowchart of the same graph.
    public static func mermaid(_ thread: ClaimThread) -> String {
        var lines = ["flowchart BT"]
        func walk(_ t: ClaimThread) {
            let text = label(t.claim).replacingOccurrences(of: "\"", with: "#quot;").replacingOccurrences(of: "\n", with: "<br/>")
            lines.append("  c\(t.claim.id)[\"\(text)\"]")
            for child in t.responses {
                walk(child)
                lines.append("  c\(child.claim.id) -->|\(child.relation ?? "")| c\(t.claim.id)")
            }
        }
        walk(thread)
        return lines.joined(separator: "\n")
    }

    static func label(_ c: StoredClaim) -> String {
        "#\(c.id) \(c.speakerName ?? "unknown") \(c.cue.text):\n\(short(c.content.text, 60))"
    }

    static func short(_ s: String, _ n: Int) -> String {
        let flat = s.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= n ? flat : String(flat.prefix(n - 1)) + "…"
    }
}

import Foundation
