import ClaimKit
import Foundation
import FuzzSupport

// Fuzzes the path of `claims ingest` from bytes to claims:
// 1. InputReader.decode on the raw bytes (empty / binary / UTF-8 validation) must never crash, and must
//    agree with the standard library's UTF-8 validation;
// 2. valid UTF-8 is split into articles (PageSplitter, with the bundled page layouts) and analysed
//    (Analyzer: rules, speaker resolution, response detection) with the bundled rules;
// 3. every analysis is checked against the invariants in FuzzSupport.check.

/// The bundled rules and the analyzer, built once per process.
let rules = FuzzSupport.bundledRules
let analyzer: Analyzer = {
    do {
        return try Analyzer(rules: rules)
    } catch {
        fatalError("fuzz setup: cannot build the analyzer: \(error)")
    }
}()
let splitter = PageSplitter(rules: rules)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let document = checkDecode(bytes)

    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    var articles: [Article]
    if let document {
        articles = splitter.split(document)
    } else {
        // decode refuses blank text and NUL bytes; the engine must still cope with them.
        articles = [
            Article(key: "fuzz", title: nil, source: nil, published: nil, body: text, path: "fuzz.txt", headline: nil)
        ]
    }
    // Also the whole text as one article, with its first line as a headline when it has one.
    if let newline = text.utf8.firstIndex(of: 0x0A) {
        let end = text.utf8.distance(from: text.utf8.startIndex, to: newline)
        articles.append(
            Article(key: "fuzz-h", title: nil, source: nil, published: nil, body: text, path: "fuzz.txt", headline: 0..<end))
    }
    for article in articles {
        if let headline = article.headline, headline.upperBound > article.body.utf8.count {
            FuzzSupport.fail("headline \(headline) is outside the article body", article)
        }
        do {
            let analysis = try analyzer.analyze(article)
            FuzzSupport.check(analysis, of: article)
        } catch {
            // A rule that runs past its match limits is reported, not a crash.
        }
    }
    return 0
}

/// `bytes` with every CRLF and every lone CR replaced by LF.
func normalizedLineEnds(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    for (i, b) in bytes.enumerated() {
        if b == 0x0D {
            if i + 1 < bytes.count, bytes[i + 1] == 0x0A { continue }
            out.append(0x0A)
        } else {
            out.append(b)
        }
    }
    return out
}

/// Runs InputReader.decode and checks it against String(validating:); returns the document it gives.
func checkDecode(_ bytes: [UInt8]) -> InputDocument? {
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    let valid = String(validating: body, as: UTF8.self)
    let blank = body.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    let hasNUL = body.contains(0)
    do {
        let document = try InputReader().decode(Data(bytes), path: "fuzz.txt", stem: "fuzz_2025-01-02_input")
        guard valid != nil, !blank, !hasNUL else {
            fatalError("fuzz invariant broken: InputReader.decode accepted bytes it must refuse: \(bytes)")
        }
        // The text is the bytes after the BOM, with CRLF and lone CR read as LF; nothing else changes.
        if Array(document.text.utf8) != normalizedLineEnds(body) {
            fatalError("fuzz invariant broken: InputReader.decode changed the text: \(bytes)")
        }
        return document
    } catch {
        if blank || hasNUL { return nil }
        guard valid == nil else {
            fatalError("fuzz invariant broken: InputReader.decode refused valid UTF-8 (\(error.message)): \(bytes)")
        }
        // "invalid UTF-8 at byte offset N (line L)": the bytes before N must be valid, N must start a bad sequence.
        guard let range = error.message.range(of: "byte offset "),
            let offset = Int(error.message[range.upperBound...].prefix { $0.isNumber })
        else {
            fatalError("fuzz invariant broken: unexpected decode message '\(error.message)': \(bytes)")
        }
        if offset < 0 || offset >= body.count || String(validating: body[..<offset], as: UTF8.self) == nil {
            fatalError("fuzz invariant broken: invalid UTF-8 reported at \(offset), which is not the first bad byte: \(bytes)")
        }
        return nil
    }
}

@main
enum Main {
    static func main() {
        runLibFuzzer { data, size in fuzz(nonNull(data), size) }
    }
}
