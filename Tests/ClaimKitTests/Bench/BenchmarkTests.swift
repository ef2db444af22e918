import Testing

@testable import ClaimKit

/// The benchmark corpus: every copy of an article is its own, so none is skipped as a duplicate.
@Suite struct BenchmarkTests {
    @Test func copiesVaryNamesAndNumbersButKeepKnownWords() {
        let text = "Harbour director Sunniva Aas said 40 ferries (of 120) would run, Moscow said. Zoë Brünn agreed."
        let keep: Set<String> = ["moscow", "director"]
        let first = Benchmark.vary(text, copy: 1, keep: keep)
        let second = Benchmark.vary(text, copy: 2, keep: keep)
        #expect(first == "Harbourb director Sunnivab Aas said 41 ferries (of 121) would run, Moscow said. Zoë Brünn agreed.")
        #expect(second == "Harbourc director Sunnivac Aas said 42 ferries (of 122) would run, Moscow said. Zoë Brünn agreed.")
        #expect(Benchmark.vary(text, copy: 27, keep: keep).hasPrefix("Harbourbb "))
    }
}
