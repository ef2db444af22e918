import Foundation
import Yams

extension RuleLoader {
    static func readVocabulary(_ mapping: Node.Mapping, _ source: YAMLSource, into vocabulary: inout Vocabulary, errors: inout [RuleError]) {
        if let cues = mapping["cues"] {
            for item in cues.sequence ?? [] {
                let words = (item.sequence ?? []).compactMap(\.stringValue)
                guard words.count == 5 || words.count == 6 else {
                    errors.append(
                        RuleError(
                            code: .schema,
                            message: "a cue is [stance, base, third person, past, -ing, participle if different], e.g. [neutral, say, says, said, saying]",
                            location: source.location(of: item)))
                    continue
                }
                vocabulary.cues.append(
                    Cue(stance: words[0], base: words[1], third: words[2], past: words[3], ing: words[4],
                        participle: words.count == 6 ? words[5] : words[3]))
            }
        }
        if let lists = mapping["vocabularies"] {
            guard let map = lists.mapping else {
                errors.append(RuleError(code: .schema, message: "'vocabularies' maps a name to a list of words", location: source.location(of: lists)))
                return
            }
            for (name, words) in map {
                guard let key = name.stringValue, let items = words.sequence else {
                    errors.append(RuleError(code: .schema, message: "vocabulary '\(name.stringValue ?? "?")' must be a list of words", location: source.location(of: words)))
                    continue
                }
                vocabulary.lists[key, default: []] += items.compactMap(\.stringValue)
            }
        }
        if let fragments = mapping["fragments"]?.mapping {
            for (name, pattern) in fragments {
                if let key = name.stringValue, let value = pattern.stringValue { vocabulary.fragments[key] = value }
            }
        }
    }

    static func checkKeys(_ mapping: Node.Mapping, allowed: Set<String>, what: String, _ source: YAMLSource, errors: inout [RuleError]) -> Bool {
        var ok = true
        for key in mapping.keys where !allowed.contains(key.stringValue ?? "") {
            errors.append(
                RuleError(
                    code: .schema,
                    message: "unknown key '\(key.stringValue ?? "?")' in \(what)\(suggestion(key.stringValue ?? "", allowed)); allowed keys: \(allowed.sorted().joined(separator: ", "))",
                    location: source.location(of: key)))
            ok = false
        }
        return ok
    }

    static func compile(_ node: Node, _ source: YAMLSource, _ vocabulary: Vocabulary, ruleID: String?, errors: inout [RuleError]) -> Pattern? {
        guard let text = node.stringValue else {
            errors.append(RuleError(code: .schema, message: "a pattern must be a string", location: source.location(of: node), ruleID: ruleID))
            return nil
        }
        if let misplaced = vocabulary.misplacedSkip(in: text) {
            errors.append(
                RuleError(
                    code: .schema,
                    message: "'@{\(misplaced.name)}' skips ahead past the rest of a word, so it may only open a pattern; "
                        + "move it to the start or leave it out",
                    location: source.location(inScalar: node, byteOffset: misplaced.offset), ruleID: ruleID))
            return nil
        }
        let expansion: MacroExpander.Expansion
        do {
            expansion = try MacroExpander(vocabulary: vocabulary).expand(text)
        } catch {
            errors.append(
                RuleError(
                    code: .unknownVocabulary,
                    message: "unknown vocabulary '@{\(error.name)}'\(suggestion(error.name, vocabulary.macroNames)); known: \(vocabulary.macroNames.joined(separator: ", "))",
                    location: source.location(inScalar: node, byteOffset: error.offset), ruleID: ruleID))
            return nil
        }
        do {
            return try Pattern(expansion.text)
        } catch {
            errors.append(
                RuleError(
                    code: .compile, message: "pattern does not compile: \(error.message)",
                    location: source.location(inScalar: node, byteOffset: expansion.sourceOffset(of: error.offset)),
                    ruleID: ruleID))
            return nil
        }
    }

    static func readRule(_ node: Node, _ source: YAMLSource, _ vocabulary: Vocabulary, response: Bool = false, errors: inout [RuleError]) -> Rule? {
        guard let mapping = node.mapping else {
            errors.append(RuleError(code: .schema, message: "a rule is a mapping with id, description, kind, pattern and examples", location: source.location(of: node)))
            return nil
        }
        let before = errors.count
        _ = checkKeys(mapping, allowed: response ? responseRuleKeys : ruleKeys, what: response ? "a response rule" : "a rule", source, errors: &errors)
        func required(_ key: String) -> Node? {
            if let value = mapping[key] { return value }
            errors.append(RuleError(code: .schema, message: "rule is missing '\(key)'", location: source.location(of: node)))
            return nil
        }
        let id = required("id")?.stringValue ?? "?"
        let description = required("description")?.stringValue ?? ""
        var kind = ClaimKind.indirect
        var relation: String?
        if response, let relationNode = required("relation") {
            relation = relationNode.stringValue
            if !relations.contains(relation ?? "") {
                errors.append(RuleError(code: .schema, message: "relation must be rebuts, supports or responds", location: source.location(of: relationNode), ruleID: id))
            }
        }
        if !response, let kindNode = required("kind") {
            if let k = kindNode.stringValue.flatMap(ClaimKind.init(rawValue:)) {
                kind = k
            } else {
                errors.append(RuleError(code: .schema, message: "kind must be direct, indirect or mixed", location: source.location(of: kindNode), ruleID: id))
            }
        }
        var insideContent = false
        if response, let node = mapping["inside_content"] {
            switch node.stringValue {
            case "true": insideContent = true
            case "false": insideContent = false
            default:
                errors.append(RuleError(code: .schema, message: "inside_content must be true or false", location: source.location(of: node), ruleID: id))
            }
        }
        var priority = 50
        if let p = mapping["priority"] {
            if let value = p.stringValue.flatMap(Int.init) { priority = value } else {
                errors.append(RuleError(code: .schema, message: "priority must be a whole number", location: source.location(of: p), ruleID: id))
            }
        }
        guard let patternNode = required("pattern") else { return nil }
        let compiled = compile(patternNode, source, vocabulary, ruleID: id, errors: &errors)
        if let compiled {
            for group in (response ? ["cue"] : requiredGroups) where compiled.groupNumbers[group] == nil {
                errors.append(
                    RuleError(
                        code: .missingGroup,
                        message: response
                            ? "response rule '\(id)' has no (?<cue>...) group; a response rule needs cue (answered, object and responder are optional)"
                            : "rule '\(id)' has no (?<\(group)>...) group; a rule needs named groups cue and content (speaker and target are optional)",
                        location: source.location(of: patternNode), ruleID: id))
            }
        }
        let examples = readExamples(mapping["examples"], source, ruleID: id, errors: &errors)
        let counterexamples = readExamples(mapping["counterexamples"], source, ruleID: id, errors: &errors)
        guard errors.count == before, let compiled else { return nil }
        let expanded = compiled.source
        let hashInput = [id, relation ?? kind.rawValue, String(priority), mapping["stance"]?.stringValue ?? "", expanded]
            + (insideContent ? ["inside_content"] : [])
        var rule = Rule(
            id: id, description: description, kind: kind, priority: priority, stance: mapping["stance"]?.stringValue,
            source: patternNode.stringValue ?? "", expanded: expanded, pattern: compiled, examples: examples,
            counterexamples: counterexamples, file: source.path, location: source.location(of: node),
            hash: ContentHash.hex(of: hashInput.joined(separator: "\u{1F}")), relation: relation)
        rule.insideContent = insideContent
        return rule
    }

    static func readExamples(_ node: Node?, _ source: YAMLSource, ruleID: String, errors: inout [RuleError]) -> [RuleExample] {
        guard let node else { return [] }
        guard let items = node.sequence else {
            errors.append(RuleError(code: .schema, message: "examples must be a list", location: source.location(of: node), ruleID: ruleID))
            return []
        }
        var out: [RuleExample] = []
        for item in items {
            if let text = item.stringValue {
                out.append(RuleExample(text: text, expected: [:], location: source.location(of: item)))
            } else if let mapping = item.mapping {
                _ = checkKeys(mapping, allowed: exampleKeys, what: "an example", source, errors: &errors)
                guard let text = mapping["text"]?.stringValue else {
                    errors.append(RuleError(code: .schema, message: "an example needs 'text'", location: source.location(of: item), ruleID: ruleID))
                    continue
                }
                var expected: [String: String] = [:]
                for key in exampleKeys { if key != "text", let v = mapping[key]?.stringValue { expected[key] = v } }
                out.append(RuleExample(text: text, expected: expected, location: source.location(of: item)))
            }
        }
        return out
    }

    static func readActors(_ node: Node, _ source: YAMLSource, errors: inout [RuleError]) -> [ActorEntry] {
        var out: [ActorEntry] = []
        for item in node.sequence ?? [] {
            guard let mapping = item.mapping, checkKeys(mapping, allowed: actorKeys, what: "an actor", source, errors: &errors),
                let name = mapping["name"]?.stringValue
            else {
                errors.append(RuleError(code: .schema, message: "an actor needs 'name', 'kind' and 'aliases'", location: source.location(of: item)))
                continue
            }
            let kind = mapping["kind"]?.stringValue ?? "person"
            guard actorKinds.contains(kind) else {
                errors.append(
                    RuleError(code: .schema, message: "actor kind must be one of \(actorKinds.sorted().joined(separator: ", "))",
                              location: source.location(of: mapping["kind"])))
                continue
            }
            out.append(ActorEntry(name: name, kind: kind, aliases: (mapping["aliases"]?.sequence ?? []).compactMap(\.stringValue)))
        }
        return out
    }

    static func readLayouts(_ node: Node, _ source: YAMLSource, _ vocabulary: Vocabulary, errors: inout [RuleError]) -> [Layout] {
        var out: [Layout] = []
        for item in node.sequence ?? [] {
            guard let mapping = item.mapping, checkKeys(mapping, allowed: layoutKeys, what: "a layout", source, errors: &errors) else { continue }
            let id = mapping["id"]?.stringValue ?? "?"
            guard let detectNode = mapping["detect"], let startNode = mapping["article_start"] else {
                errors.append(RuleError(code: .schema, message: "a layout needs 'detect' and 'article_start' patterns", location: source.location(of: item)))
                continue
            }
            let detect = compile(detectNode, source, vocabulary, ruleID: id, errors: &errors)
            let start = compile(startNode, source, vocabulary, ruleID: id, errors: &errors)
            let boilerplate = mapping["boilerplate"].flatMap { compile($0, source, vocabulary, ruleID: id, errors: &errors) }
            guard let detect, let start else { continue }
            out.append(
                Layout(
                    id: id, description: mapping["description"]?.stringValue ?? "", detect: detect, articleStart: start,
                    boilerplate: boilerplate, leadArticle: mapping["lead_article"]?.stringValue != "false"))
        }
        return out
    }
}

extension RuleLoader {
    /// " (did you mean 'x'?)" when one of `known` is within two edits of `word`, else "".
    static func suggestion<S: Sequence<String>>(_ word: String, _ known: S) -> String {
        let base = word.split(separator: ":").first.map(String.init) ?? word
        let close = known.map { ($0, editDistance(base, $0)) }.filter { $0.1 <= 2 && $0.1 < base.count }
        guard let best = close.min(by: { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }) else { return "" }
        return " (did you mean '\(best.0)'?)"
    }

    /// Levenshtein distance, for suggestions on short keys and names.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count]
    }
}
