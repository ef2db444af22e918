import Foundation

/// Writes the export contract of `eval/score.py`: JSON Lines of articles, claims and responses.
public struct Exporter {
    public let store: ClaimStore

    public init(store: ClaimStore) { self.store = store }

    /// Every line of the export, in order: articles, then claims, then responses.
    public func lines() throws -> [String] {
        var out: [String] = []
        for a in try store.articles() {
            out.append(JSON.line([
                ("type", .string("article")), ("id", .int(a.id)), ("key", .string(a.key)), ("title", .optional(a.title)),
                ("source", .optional(a.source)), ("published", .optional(a.published)),
            ]))
        }
        for c in try store.allClaims() { out.append(JSON.line(Self.fields(c))) }
        for r in try store.responses() {
            out.append(JSON.line([
                ("type", .string("response")), ("id", .int(r.id)), ("from", .int(r.from)), ("to", r.to.map(JSON.int) ?? .null),
                ("relation", .string(r.relation)), ("target", .optional(r.target)),
            ]))
        }
        return out
    }

    /// The fields of one claim line; `claims show --json` prints the same object.
    public static func fields(_ c: StoredClaim) -> [(String, JSON)] {
        var speaker: [(String, JSON)] = [("name", .optional(c.speakerName))]
        if let m = c.speakerMention { speaker.append(("mention", span(m))) }
        var content = [("start", JSON.int(c.content.start)), ("end", .int(c.content.end)), ("text", .string(c.content.text))]
        if let parts = c.parts { content.append(("parts", .array(parts.map { .array($0.map(JSON.int)) }))) }
        return [
            ("type", .string("claim")), ("id", .int(c.id)), ("article", .int(c.articleID)), ("speaker", .object(speaker)),
            ("cue", span(c.cue)), ("content", .object(content)), ("kind", .string(c.kind)), ("rule", .string(c.ruleID)),
            ("stance", .string(c.stance)), ("targets", .array(c.targets.map(JSON.string))),
        ]
    }

    static func span(_ s: TextSpan) -> JSON {
        .object([("start", .int(s.start)), ("end", .int(s.end)), ("text", .string(s.text))])
    }
}

/// A small JSON writer that keeps key order, so exports diff cleanly.
public indirect enum JSON: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public static func optional(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }
    public static func line(_ fields: [(String, JSON)]) -> String { JSON.object(fields).text }

    /// Compact JSON text.
    public var text: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .string(let s): return JSON.quote(s)
        case .array(let items): return "[" + items.map(\.text).joined(separator: ", ") + "]"
        case .object(let fields): return "{" + fields.map { JSON.quote($0.0) + ": " + $0.1.text }.joined(separator: ", ") + "}"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
