import Foundation
import Testing

@testable import ClaimKit

/// Quotation marks, cue words and "according to" that attribute nothing: no claims.
@Suite struct NotAClaimTests {
    /// Each its own text; multi-line ones are an article whose first line is a headline.
    static let notClaims: [String] = [
        // Scare quotes without a cue.
        "Residents of Vessholm have grown tired of the so-called 'reform' of the harbour board.",
        "Residents of Vessholm have grown tired of the so-called \"reform\" of the harbour board.",
        "The so-called “reform” of the harbour board has stalled.",
        "Critics of the so-called 'reform' gathered outside the town hall on Friday.",
        // A nickname in quotes.
        "Governor \"Red\" Sorensen arrived in Vessholm on Tuesday.",
        "Governor “Red” Sorensen arrived in Vessholm on Tuesday.",
        "Governor 'Red' Sorensen arrived in Vessholm on Tuesday.",
        // A quoted book or film title.
        "She read \"The Long Harbour\" twice.",
        "She read “The Long Harbour” twice before the trial.",
        "Anna Brekke read \"The Long Harbour\" twice.",
        "The crowd watched \"Nobody Said Goodbye\" at the Vessholm cinema.",
        // A headline whose cue has no speaker of its own, over a body that quotes no one.
        "The toll bridge opens, and adds that tolls will fall\nThe bridge over the Dunmere estuary opened on Monday.",
        // "according to" that names no source.
        "The parcels were sorted according to size before the ferry left.",
        "The crates were stacked according to size.",
        "The pupils lined up according to height.",
    ]

    @Test(arguments: notClaims)
    func noClaim(_ text: String) throws {
        let found = try analyze(text)
        #expect(found == [], "\(text)")
    }

    /// A lower-case "according to X," naming a measure or custom, not a source, still opens a claim.
    static let accordingToNoSource: [String] = [
        "Arranged according to size, the crates filled the quay.",
        "According to tradition, the mayor rings the harbour bell at midnight.",
    ]

    @Test(
        arguments: accordingToNoSource)
    func noClaimFromAccordingToAMeasure(_ text: String) throws {
        let found = try analyze(text)
        #expect(found == [], "\(text)")
    }

    /// The same shapes with a real source are claims: the tests above are not passing by accident.
    @Test func theSameShapesWithASourceAreClaims() throws {
        #expect(try analyze("According to the harbour board, the crates were stacked on the quay.").count == 1)
        #expect(try analyze("\"The reform has stalled,\" Governor Red Sorensen said.").count == 1)
        // A headline that names its speaker is a claim too, as the body's is.
        let headlineAndBody = try analyze("Varga says the toll bridge will pay for itself\nMayor Ilse Varga said the bridge would pay for itself.")
        #expect(headlineAndBody.map(\.parts) == [["the toll bridge will pay for itself"], ["the bridge would pay for itself"]])
        #expect(headlineAndBody.last?.speaker == "Ilse Varga")
    }
}
