import CLibFuzzer
import ClaimKit
import Foundation

/// Hands the process to libFuzzer with `testOneInput` as the fuzz target, and exits with its status.
///
/// SwiftPM links executables with `--defsym main=<Module>_main`, so libFuzzer's own `main` is not used:
/// each harness's `@main` calls this with its `LLVMFuzzerTestOneInput`.
public func runLibFuzzer(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
}

/// A pointer libFuzzer may pass as nil for an empty input, made safe to read zero bytes from.
public func nonNull(_ data: UnsafePointer<UInt8>?) -> UnsafePointer<UInt8> {
    if let data { return data }
    return UnsafePointer(bitPattern: emptyInput)!
}
/// The address of one byte that is never read: size is 0 whenever it is used.
private let emptyInput = UInt(bitPattern: UnsafeMutablePointer<UInt8>.allocate(capacity: 1))

/// Shared pieces of the fuzz harnesses: finding the bundled rules, and the invariants every analysis must keep.
public enum FuzzSupport {
    /// The checkout holding Rules/ and Migrations/: Fuzz/Sources/FuzzSupport/FuzzSupport.swift -> four levels up.
    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Makes sure ResourceLocator can find the bundled rules from a fuzz binary: when it cannot on its
    /// own, CLAIMS_HOME is pointed at the checkout this harness was compiled from.
    public static func prepareEnvironment() {
        if (try? ResourceLocator.home()) == nil {
            setenv("CLAIMS_HOME", checkout.path, 1)
        }
    }

    /// The bundled rules folder, or a trap: a harness without rules fuzzes nothing.
    public static func bundledRulesDirectory() -> URL {
        prepareEnvironment()
        do {
            return try ResourceLocator.rulesDirectory()
        } catch {
            fatalError("fuzz setup: \(error.message)")
        }
    }

    /// The bundled rules, loaded once per process.
    public static let bundledRules: RuleSet = {
        prepareEnvironment()
        do {
            return try RuleSet.load(userDirectory: nil)
        } catch {
            fatalError("fuzz setup: cannot load the bundled rules: \(error)")
        }
    }()

    /// Traps with a message naming the broken invariant and the article text (escaped).
    public static func fail(_ what: String, _ article: Article) -> Never {
        fatalError("fuzz invariant broken: \(what)\n  article text: \(article.body.debugDescription)")
    }

    /// Checks what every analysis must guarantee, and traps when it does not:
    /// - the analysed text is the article body, byte for byte;
    /// - every span (speaker, cue, content parts, targets) lies within the text, on UTF-8 code point boundaries;
    /// - a claim's content parts are in text order and do not overlap;
    /// - code point offsets grow with byte offsets, and a span's code point length is the number of
    ///   scalars in its text;
    /// - responses point at claims of this article.
    public static func check(_ analysis: Analyzer.Analysis, of article: Article) {
        let text = analysis.text
        if text.bytes != Array(article.body.utf8) { fail("analysis text differs from the article body", article) }
        let total = article.body.unicodeScalars.count
        if text.codePointOffset(ofByte: text.count) != total {
            fail("codePointOffset(ofByte: \(text.count)) = \(text.codePointOffset(ofByte: text.count)), body has \(total) scalars", article)
        }
        func checkSpan(_ span: ByteSpan, _ name: String, _ claim: Int) {
            if span.lowerBound < 0 || span.upperBound > text.count {
                fail("claim \(claim): \(name) span \(span) is outside the text (0..<\(text.count))", article)
            }
            for edge in [span.lowerBound, span.upperBound] where edge < text.count && text.bytes[edge] & 0xC0 == 0x80 {
                fail("claim \(claim): \(name) span \(span) does not start or end on a code point boundary (byte \(edge))", article)
            }
            let lower = text.codePointOffset(ofByte: span.lowerBound)
            let upper = text.codePointOffset(ofByte: span.upperBound)
            if lower > upper {
                fail("claim \(claim): \(name) span \(span): code point offsets \(lower) > \(upper)", article)
            }
            let scalars = text.string(span).unicodeScalars.count
            if upper - lower != scalars {
                fail("claim \(claim): \(name) span \(span): code point length \(upper - lower), text has \(scalars) scalars", article)
            }
        }
        for (index, pending) in analysis.claims.enumerated() {
            let candidate = pending.candidate
            if candidate.parts.isEmpty { fail("claim \(index): no content parts", article) }
            if let speaker = candidate.speaker { checkSpan(speaker, "speaker", index) }
            checkSpan(candidate.cue, "cue", index)
            for (k, part) in candidate.parts.enumerated() { checkSpan(part, "content part \(k)", index) }
            for target in candidate.targets { checkSpan(target, "target", index) }
            for (target, _) in pending.targets { checkSpan(target, "resolved target", index) }
            for (a, b) in zip(candidate.parts, candidate.parts.dropFirst()) where a.upperBound > b.lowerBound {
                fail("claim \(index): content parts out of order or overlapping: \(candidate.parts)", article)
            }
            checkSpan(candidate.content, "content", index)
            // Offsets of every boundary, in byte order, must not decrease.
            var edges = candidate.parts.flatMap { [$0.lowerBound, $0.upperBound] } + [candidate.cue.lowerBound, candidate.cue.upperBound]
            if let speaker = candidate.speaker { edges += [speaker.lowerBound, speaker.upperBound] }
            edges.sort()
            var previous = -1
            for edge in edges {
                let offset = text.codePointOffset(ofByte: edge)
                if offset < previous { fail("claim \(index): codePointOffset not monotonic at byte \(edge)", article) }
                previous = offset
            }
        }
        for response in analysis.responses {
            if response.from < 0 || response.from >= analysis.claims.count {
                fail("response from \(response.from) is not a claim index (\(analysis.claims.count) claims)", article)
            }
            if let to = response.to, to < 0 || to >= analysis.claims.count {
                fail("response to \(to) is not a claim index (\(analysis.claims.count) claims)", article)
            }
        }
    }
}
