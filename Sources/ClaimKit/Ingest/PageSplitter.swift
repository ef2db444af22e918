/// Splits a document into articles by the page layouts in the rules, dropping site boilerplate.
public struct PageSplitter: Sendable {
    public let rules: RuleSet

    public init(rules: RuleSet) { self.rules = rules }

    /// The articles in `document`: one for a plain file, `STEM#1`..`STEM#N` for a page a layout matches.
    public func split(_ document: InputDocument) -> [Article] {
        let text = UTF8Text(document.text)
        let published = publishedDate(document.stem)
        for layout in rules.layouts {
            guard (try? layout.detect.firstMatch(in: text)) != nil else { continue }
            let starts = (try? layout.articleStart.matches(in: text)) ?? []
            guard !starts.isEmpty else { continue }
            let boilerplate = layout.boilerplate.flatMap { try? $0.matches(in: text) }?.map(\.range) ?? []
            var pieces: [(body: ByteSpan, title: String?, source: String?)] = []
            if layout.leadArticle {
                pieces.append((0..<starts[0].range.lowerBound, nil, nil))
            }
            for (i, start) in starts.enumerated() {
                let end = i + 1 < starts.count ? starts[i + 1].range.lowerBound : text.count
                // A layout's title group may stand in a lookaround, outside the match: keep the body within
                // this article's stretch of the page.
                let bodyStart = min(max(start["title"]?.lowerBound ?? start.range.upperBound, start.range.lowerBound), end)
                pieces.append((bodyStart..<end, start["title"].map { text.string($0) }, start["source"].map { text.string($0) }))
            }
            var articles: [Article] = []
            for piece in pieces {
                // An article ends where the first boilerplate line inside it begins.
                var body = piece.body
                if let cut = boilerplate.first(where: { body.contains($0.lowerBound) && $0.lowerBound > body.lowerBound }) {
                    body = body.lowerBound..<cut.lowerBound
                }
                body = trimmed(text, body)
                guard !body.isEmpty else { continue }
                let n = articles.count + 1
                var article = makeArticle(
                    key: "\(document.stem)#\(n)", text: text.string(body), path: document.path, published: published)
                if let title = piece.title { article.title = title.trimmingCharacters(in: .whitespaces) }
                article.source = piece.source?.trimmingCharacters(in: .whitespaces)
                articles.append(article)
            }
            if !articles.isEmpty { return articles }
        }
        return [makeArticle(key: document.stem, text: document.text, path: document.path, published: published)]
    }

    /// An article whose first non-empty line, when it reads like a headline, is its title.
    func makeArticle(key: String, text: String, path: String, published: String?) -> Article {
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count, bytes[start] == 0x0A || bytes[start] == 0x0D || bytes[start] == 0x20 { start += 1 }
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        var title: String?
        var headline: ByteSpan?
        let line = String(decoding: bytes[start..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        let hasMore = end < bytes.count
        if hasMore, !line.isEmpty, line.count <= 200, !line.hasSuffix(".") || line.hasSuffix("...") {
            title = line
            headline = start..<end
        }
        return Article(key: key, title: title, source: nil, published: published, body: text, path: path, headline: headline)
    }

    func trimmed(_ text: UTF8Text, _ span: ByteSpan) -> ByteSpan {
        var lower = span.lowerBound
        var upper = span.upperBound
        func space(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D || b == 0x20 || b == 0x09 }
        while lower < upper, space(text[lower]) { lower += 1 }
        while upper > lower, space(text[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    func publishedDate(_ stem: String) -> String? {
        guard let pattern = rules.publishedFromKey, let match = try? pattern.firstMatch(in: UTF8Text(stem)),
            let range = match["published"]
        else { return nil }
        return UTF8Text(stem).string(range)
    }
}

import Foundation
