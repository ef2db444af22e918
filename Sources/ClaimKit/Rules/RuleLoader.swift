import Foundation
import Yams

/// Reads rule folders into a `RuleSet`, collecting every error with its file position.
public struct RuleLoader {
    static let topKeys: Set<String> = ["rules", "responses", "cues", "vocabularies", "fragments", "actors", "layouts", "keys", "disable"]
    static let ruleKeys: Set<String> = [
        "id", "description", "kind", "priority", "stance", "pattern", "examples", "counterexamples",
    ]
    static let responseRuleKeys: Set<String> = ["id", "description", "relation", "inside_content", "pattern", "examples", "counterexamples"]
    static let relations: Set<String> = ["rebuts", "supports", "responds"]
    static let exampleKeys: Set<String> = ["text", "speaker", "cue", "content", "target", "answered", "object", "responder"]
    static let layoutKeys: Set<String> = ["id", "description", "detect", "article_start", "boilerplate", "lead_article"]
    static let actorKeys: Set<String> = ["name", "kind", "aliases"]
    static let actorKinds: Set<String> = ["person", "organisation", "government", "group", "anonymous"]
    /// Groups every rule must have.
    public static let requiredGroups = ["cue", "content"]

    public init() {}

    /// Loads the bundled rules folder, then each extra folder over it (later folders add rules, replace a
    /// rule by id, disable rules, and extend vocabularies).
    /// - Throws: `RuleErrors` with every problem found in every file.
    public func load(directories: [URL]) throws(RuleErrors) -> RuleSet {
        var set = RuleSet()
        var errors: [RuleError] = []
        var documents: [(YAMLSource, Node.Mapping)] = []
        for directory in directories {
            set.directories.append(directory.path)
            let files: [String]
            do {
                files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                    .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            } catch {
                errors.append(
                    RuleError(
                        code: .io,
                        message: "cannot read rules folder '\(directory.path)': \(error.localizedDescription); "
                            + "check --rules or CLAIMS_RULES", cause: error))
                continue
            }
            for file in files {
                let path = directory.appendingPathComponent(file).path
                do {
                    let source = try Self.read(path)
                    if let mapping = try Self.parse(source) { documents.append((source, mapping)) }
                } catch {
                    errors.append(error)
                }
            }
        }
        // Vocabularies first: a rule may use a word list from any file.
        for (source, mapping) in documents {
            Self.readVocabulary(mapping, source, into: &set.vocabulary, errors: &errors)
        }
        set.vocabulary.reindex()
        var disabled: Set<String> = []
        for (source, mapping) in documents {
            for (keyNode, value) in mapping {
                let key = keyNode.stringValue ?? ""
                switch key {
                case "rules":
                    guard let items = value.sequence else {
                        errors.append(RuleError(code: .schema, message: "'rules' must be a list of rules", location: source.location(of: value)))
                        continue
                    }
                    for item in items {
                        guard let rule = Self.readRule(item, source, set.vocabulary, errors: &errors) else { continue }
                        Self.place(rule, in: &set.rules, errors: &errors)
                    }
                case "responses":
                    for item in value.sequence ?? [] {
                        guard let rule = Self.readRule(item, source, set.vocabulary, response: true, errors: &errors) else { continue }
                        Self.place(rule, in: &set.responseRules, errors: &errors)
                    }
                case "actors":
                    set.actors += Self.readActors(value, source, errors: &errors)
                case "layouts":
                    set.layouts += Self.readLayouts(value, source, set.vocabulary, errors: &errors)
                case "keys":
                    if let pattern = value.mapping?["published"] {
                        set.publishedFromKey = Self.compile(pattern, source, set.vocabulary, ruleID: nil, errors: &errors)
                    }
                case "disable":
                    for id in value.sequence ?? [] { if let s = id.stringValue { disabled.insert(s) } }
                case "cues", "vocabularies", "fragments":
                    break
                default:
                    errors.append(
                        RuleError(
                            code: .schema,
                            message: "unknown key '\(key)'; a rules file holds \(Self.topKeys.sorted().joined(separator: ", "))",
                            location: source.location(of: keyNode)))
                }
            }
        }
        set.rules.removeAll { disabled.contains($0.id) }
        set.responseRules.removeAll { disabled.contains($0.id) }
        if !errors.isEmpty { throw RuleErrors(errors) }
        return set
    }

    /// Adds `rule`, or replaces the rule with its id from an earlier folder; two rules with one id in the
    /// same folder are an error.
    static func place(_ rule: Rule, in rules: inout [Rule], errors: inout [RuleError]) {
        guard let index = rules.firstIndex(where: { $0.id == rule.id }) else {
            rules.append(rule)
            return
        }
        let folder = { (file: String) in URL(fileURLWithPath: file).deletingLastPathComponent().path }
        guard folder(rules[index].file) == folder(rule.file) else {
            rules[index] = rule
            return
        }
        let elsewhere = rules[index].file == rule.file ? "" : " (also in \(rules[index].file))"
        errors.append(
            RuleError(
                code: .duplicateID,
                message: "duplicate rule id '\(rule.id)'\(elsewhere); every rule id in a folder must be unique",
                location: rule.location, ruleID: rule.id))
    }

    static func read(_ path: String) throws(RuleError) -> YAMLSource {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuleError(code: .io, message: "\(path): cannot read the file; check that it exists and is readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RuleError(code: .io, message: "\(path): the file is not valid UTF-8; save it as UTF-8")
        }
        return YAMLSource(path: path, text: text)
    }

    static func parse(_ source: YAMLSource) throws(RuleError) -> Node.Mapping? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: source.text)
        } catch let error as YamlError {
            throw yamlError(error, source)
        } catch {
            throw RuleError(code: .yaml, message: "\(error)", location: source.location(line: 1, column: 1), cause: error)
        }
        guard let node else { return nil }
        guard let mapping = node.mapping else {
            throw RuleError(
                code: .schema, message: "a rules file is a mapping with keys such as 'rules:' and 'vocabularies:'",
                location: source.location(of: node))
        }
        return mapping
    }

    static func yamlError(_ error: YamlError, _ source: YAMLSource) -> RuleError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "YAML syntax: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))" }
            return RuleError(code: .yaml, message: message, location: source.location(line: mark.line, column: mark.column), cause: error)
        default:
            return RuleError(code: .yaml, message: "YAML: \(error)", location: source.location(line: 1, column: 1), cause: error)
        }
    }
}
