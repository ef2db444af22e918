internal import CPCRE2

extension Pattern {
    /// What a callout `(?Cn)` saw: its number, where the attempt started and stands, and the groups so far.
    struct CalloutHit {
        var number: Int
        var start: Int
        var end: Int
        fileprivate var groups: Int
        fileprivate var captureTop: Int
        fileprivate var offsets: UnsafeMutablePointer<Int>

        /// Group ranges by number (index 0 is `start..<end`); nil where a group is unset. Read it only
        /// inside the callout: it copies PCRE2's offset vector, which is gone afterwards.
        var ranges: [ByteSpan?] {
            var ranges = [ByteSpan?](repeating: nil, count: groups)
            ranges[0] = start..<max(start, end)
            let unset = cpcre2_unset()
            let top = min(captureTop, groups)
            if top > 1 {
                for g in 1..<top {
                    let s = offsets[2 * g]
                    let e = offsets[2 * g + 1]
                    if s != unset && e != unset { ranges[g] = Int(s)..<Int(max(s, e)) }
                }
            }
            return ranges
        }
    }

    /// Runs a pattern that never matches (it ends in `(*FAIL)`) once over `bytes`, calling `body` at every
    /// callout it passes. `body` returns whether to go on past the callout: false fails that path and lets
    /// the pattern backtrack, as `(*FAIL)` would.
    ///
    /// One pass tries every start position, so rules fused into one pattern share the work their common
    /// beginning does at each position.
    func scanCallouts(_ bytes: [UInt8], limits: Limits, _ body: (CalloutHit) -> Bool) throws(MatchFailure) {
        let scratch = MatchScratch.current(groups: captureCount + 1)
        scratch.inUse = true
        defer { scratch.inUse = false }
        let context = scratch.prepare(limits, jitted: jitted)
        let groups = captureCount + 1
        let rc: Int32 = withoutActuallyEscaping(body) { body in
            let box = CalloutBox(groups: groups, body: body)
            let data = Unmanaged.passUnretained(box).toOpaque()
            pcre2_set_callout_8(context, { block, data in
                guard let block, let data else { return 0 }
                let box = Unmanaged<CalloutBox>.fromOpaque(data).takeUnretainedValue()
                return box.handle(block.pointee) ? 0 : 1
            }, data)
            // The context is this thread's and reused: a callout left set would call into a dead box.
            defer { pcre2_set_callout_8(context, nil, nil) }
            return withExtendedLifetime(box) {
                bytes.withUnsafeBufferPointer { buffer -> Int32 in
                    var empty: UInt8 = 0
                    let base = buffer.baseAddress ?? withUnsafePointer(to: &empty) { $0 }
                    return pcre2_match_8(code, base, buffer.count, 0, UInt32(PCRE2_NO_UTF_CHECK), scratch.matchData, context)
                }
            }
        }
        if rc >= 0 || rc == PCRE2_ERROR_NOMATCH { return }
        let isLimit =
            rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT
            || rc == PCRE2_ERROR_JIT_STACKLIMIT
        throw MatchFailure(message: Pattern.message(for: rc), isLimit: isLimit)
    }
}

/// Carries the Swift closure through PCRE2's `void *` callout data.
private final class CalloutBox {
    let groups: Int
    let body: (Pattern.CalloutHit) -> Bool

    init(groups: Int, body: @escaping (Pattern.CalloutHit) -> Bool) {
        self.groups = groups
        self.body = body
    }

    func handle(_ block: pcre2_callout_block_8) -> Bool {
        body(
            Pattern.CalloutHit(
                number: Int(block.callout_number), start: Int(block.start_match), end: Int(block.current_position),
                groups: groups, captureTop: Int(block.capture_top), offsets: block.offset_vector))
    }
}
