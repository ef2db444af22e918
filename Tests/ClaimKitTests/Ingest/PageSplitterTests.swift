import Foundation
import Testing

@testable import ClaimKit

/// Splitting aggregator pages into articles and dropping the site's boilerplate.
@Suite struct PageSplitterTests {
    /// An aggregator page of our own: a lead article, boilerplate, then two related articles.
    static let page = """
        Lighthouse keepers demand new contracts
        Keepers on the northern coast said on Tuesday that their contracts had run out in May.
        "We keep the lights on for everyone," keeper Oskar Lund said.
        Hashtags

        Comments
        No comments yet...
        Related Articles
        Coastal Herald
        5 minutes ago
        - Coastal Herald
        Fishing quotas cut again
        The fisheries board said the cod quota would fall by a tenth.

        Valley Post
        an hour ago
        - Valley Post
        Bridge tolls to rise in spring
        Mayor Ines Dahl said tolls would rise in April.
        Share

        """

    static let boilerplate = ["Hashtags", "Comments", "No comments yet", "Related Articles", "Share", "minutes ago", "- Coastal Herald"]

    func split(_ text: String, stem: String) throws -> [Article] {
        let document = InputDocument(stem: stem, path: "/pages/\(stem).txt", text: text)
        return PageSplitter(rules: try Fixtures.rules()).split(document)
    }

    @Test func aggregatorPageSplitsIntoLeadAndRelatedArticles() throws {
        let articles = try split(Self.page, stem: "coast_2024-03-05_page")
        #expect(articles.map(\.key) == ["coast_2024-03-05_page#1", "coast_2024-03-05_page#2", "coast_2024-03-05_page#3"])
        #expect(articles.map(\.title) == ["Lighthouse keepers demand new contracts", "Fishing quotas cut again", "Bridge tolls to rise in spring"])
        #expect(articles.map(\.source) == [nil, "Coastal Herald", "Valley Post"])
        #expect(articles.allSatisfy { $0.published == "2024-03-05" })
        #expect(articles.allSatisfy { $0.path == "/pages/coast_2024-03-05_page.txt" })
        #expect(
            articles.map(\.body) == [
                """
                Lighthouse keepers demand new contracts
                Keepers on the northern coast said on Tuesday that their contracts had run out in May.
                "We keep the lights on for everyone," keeper Oskar Lund said.
                """,
                "Fishing quotas cut again\nThe fisheries board said the cod quota would fall by a tenth.",
                "Bridge tolls to rise in spring\nMayor Ines Dahl said tolls would rise in April.",
            ])
        for article in articles {
            for line in Self.boilerplate {
                #expect(!article.body.contains(line), "\(article.key) holds boilerplate '\(line)'")
            }
        }
    }

    @Test func eachArticleKnowsItsHeadline() throws {
        let articles = try split(Self.page, stem: "page")
        for article in articles {
            let headline = try #require(article.headline)
            #expect(UTF8Text(article.body).string(headline) == article.title)
        }
    }

    @Test func plainFileIsOneArticleKeyedByItsStem() throws {
        let text = "Ferry service resumes\nThe ferry to Holmøya ran again on Monday, the operator said.\n"
        let articles = try split(text, stem: "ferry")
        #expect(articles.map(\.key) == ["ferry"])
        #expect(articles.first?.title == "Ferry service resumes")
        #expect(articles.first?.source == nil)
        #expect(articles.first?.published == nil)
        #expect(articles.first?.body == text)
    }

    @Test func firstLineIsATitleOnlyWhenItReadsLikeOne() throws {
        let splitter = PageSplitter(rules: try Fixtures.rules())
        let sentence = splitter.makeArticle(
            key: "k", text: "The ferry ran on Monday.\nIt was late.", path: "-", published: nil)
        #expect(sentence.title == nil)
        #expect(sentence.headline == nil)
        let oneLine = splitter.makeArticle(key: "k", text: "Ferry runs again", path: "-", published: nil)
        #expect(oneLine.title == nil)
        let titled = splitter.makeArticle(key: "k", text: "\n\nZürich talks resume\nBody.", path: "-", published: nil)
        #expect(titled.title == "Zürich talks resume")
        #expect(titled.headline == 2..<22)
    }

    @Test func seedPageSplitsIntoFourArticles() throws {
        let url = Fixtures.shared.appendingPathComponent("corpus/seed/000_41a53be4fc2a22b0.txt")
        let document = try InputReader().read(url.path)
        let articles = PageSplitter(rules: try Fixtures.rules()).split(document)
        #expect(articles.map(\.key) == (1...4).map { "000_41a53be4fc2a22b0#\($0)" })
        #expect(articles.allSatisfy { $0.title != nil })
        #expect(articles.first?.source == nil)
        #expect(articles.dropFirst().map(\.source) == ["Russia Today", "Russia Today", "Russia Today"])
        for article in articles {
            for line in ["Hashtags", "No comments yet", "Related Articles", "minutes ago\n", "- Russia Today"] {
                #expect(!article.body.contains(line), "\(article.key) holds boilerplate '\(line)'")
            }
        }
    }
}
