internal import CPCRE2

/// A PCRE2 pattern compiled once and JIT-compiled, matched against UTF-8 bytes.
///
/// The compiled code is immutable and shared; each match call brings its own match data.
public final class Pattern: @unchecked Sendable {
    let code: OpaquePointer
    /// Named groups and their numbers.
    public let groupNumbers: [String: Int]
    public let captureCount: Int
    /// Bytes of compiled code, without the header and name table PCRE2 keeps with it: this build of PCRE2
    /// refuses a pattern whose code passes `Pattern.sizeLimit`.
    public let compiledSize: Int
    /// What PCRE2 compiles at most, with the 2-byte links of Debian's build: 64 KiB.
    public static let sizeLimit = 65_536
    /// The expanded source that was compiled.
    public let source: String
    let jitted: Bool

    /// Limits that stop a pattern that backtracks without end.
    public struct Limits: Sendable {
        public var match: UInt32 = 10_000_000
        public var depth: UInt32 = 100_000
        public var heapKiB: UInt32 = 64 * 1024
        public init() {}
    }

    /// A compile failure: PCRE2's message and the byte offset in `source` where it stopped.
    public struct CompileFailure: Error, Sendable {
        public let message: String
        public let offset: Int
    }

    /// Compiles `source` in UTF mode with Unicode properties, extended syntax when `extended`.
    public init(_ source: String, extended: Bool = true, caseless: Bool = false) throws(CompileFailure) {
        var options = UInt32(PCRE2_UTF | PCRE2_UCP)
        if extended { options |= UInt32(PCRE2_EXTENDED) }
        if caseless { options |= UInt32(PCRE2_CASELESS) }
        var errorCode: Int32 = 0
        var errorOffset = 0
        let bytes = Array(source.utf8)
        let compiled = bytes.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count, options, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            throw CompileFailure(message: Pattern.message(for: errorCode), offset: errorOffset)
        }
        code = compiled
        self.source = source
        jitted = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0

        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        captureCount = Int(count)
        var nameCount: UInt32 = 0
        var entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>?
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_NAMECOUNT), &nameCount)
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_NAMETABLE), &table)
        compiledSize = Pattern.infoSize(compiled) - Int(nameCount) * Int(entrySize) - Pattern.header
        var names: [String: Int] = [:]
        if let table {
            for i in 0..<Int(nameCount) {
                let entry = table + i * Int(entrySize)
                let number = Int(entry[0]) << 8 | Int(entry[1])
                var end = 2
                while entry[end] != 0 { end += 1 }
                let name = String(decoding: UnsafeBufferPointer(start: entry + 2, count: end - 2), as: UTF8.self)
                names[name] = number
            }
        }
        groupNumbers = names
    }

    deinit { pcre2_code_free_8(code) }

    static func infoSize(_ compiled: OpaquePointer) -> Int {
        var size = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_SIZE), &size)
        return size
    }

    /// The bytes PCRE2 keeps before a pattern's code: the size of the empty pattern, less its seven bytes
    /// of code (a bracket, its end and the end mark).
    static let header: Int = {
        var errorCode: Int32 = 0
        var errorOffset = 0
        guard let empty = pcre2_compile_8("", 0, 0, &errorCode, &errorOffset, nil) else { return 0 }
        defer { pcre2_code_free_8(empty) }
        return infoSize(empty) - 7
    }()

    static func message(for errorCode: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = pcre2_get_error_message_8(errorCode, &buffer, buffer.count)
        return n > 0 ? String(decoding: buffer[0..<Int(n)], as: UTF8.self) : "PCRE2 error \(errorCode)"
    }

    /// A failure while matching: a limit was hit, or PCRE2 reported an error.
    public struct MatchFailure: Error, Sendable {
        public let message: String
        public let isLimit: Bool
    }

    /// Every non-overlapping match in `text`, each as its group ranges (index 0 is the whole match).
    public func matches(in text: UTF8Text, limits: Limits = Limits()) throws(MatchFailure) -> [PatternMatch] {
        var results: [PatternMatch] = []
        try scan(text.bytes, limits: limits) { (match: PatternMatch) -> Bool in
            results.append(match)
            return true
        }
        return results
    }

    /// The first match at or after `start`.
    public func firstMatch(in text: UTF8Text, from start: Int = 0, limits: Limits = Limits()) throws(MatchFailure)
        -> PatternMatch?
    {
        var found: PatternMatch?
        try scan(text.bytes, from: start, limits: limits) { match in
            found = match
            return false
        }
        return found
    }

    /// Calls `body` with every match from `start`; `body` returns where the next search starts (at
    /// least one code point past the last match's start), so matches may overlap.
    public func forEachMatch(
        _ bytes: [UInt8], from start: Int = 0, limits: Limits = Limits(), _ body: (PatternMatch) -> Int?
    ) throws(MatchFailure) {
        var next: Int? = start
        while let from = next, from <= bytes.count {
            var found = false
            try scan(bytes, from: from, limits: limits) { (match: PatternMatch) -> Bool in
                found = true
                var resume = max(body(match) ?? match.range.upperBound, match.range.lowerBound + 1)
                // A search must start on a code point boundary: PCRE2 does not check, it misreads.
                while resume < bytes.count && bytes[resume] & 0xC0 == 0x80 { resume += 1 }
                next = resume
                return false
            }
            if !found { return }
        }
    }

    /// Walks matches from `start`; `body` returns false to stop.
    func scan(_ bytes: [UInt8], from start: Int = 0, limits: Limits, _ body: (PatternMatch) -> Bool)
        throws(MatchFailure)
    {
        // One match context, JIT stack and match data per thread, reused by every scan: creating a JIT
        // stack maps memory, and doing that per scan costs more than many matches.
        let scratch = MatchScratch.current(groups: captureCount + 1)
        scratch.inUse = true
        defer { scratch.inUse = false }
        let matchData = scratch.matchData
        let context = scratch.prepare(limits, jitted: jitted)

        let groupCount = captureCount + 1
        let failure: MatchFailure? = bytes.withUnsafeBufferPointer { buffer -> MatchFailure? in
            // An empty array may have no base address; PCRE2 accepts any non-null pointer for length 0.
            var empty: UInt8 = 0
            let base = buffer.baseAddress ?? withUnsafePointer(to: &empty) { $0 }
            var offset = start
            while offset <= buffer.count {
                // Swift strings are valid UTF-8, and checking on every call makes a match loop quadratic.
                let rc = pcre2_match_8(
                    code, base, buffer.count, offset, UInt32(PCRE2_NO_UTF_CHECK), matchData, context)
                if rc == PCRE2_ERROR_NOMATCH { return nil }
                if rc < 0 {
                    let isLimit =
                        rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT
                        || rc == PCRE2_ERROR_JIT_STACKLIMIT
                    return MatchFailure(message: Pattern.message(for: rc), isLimit: isLimit)
                }
                let ovector = pcre2_get_ovector_pointer_8(matchData)!
                var ranges: [ByteSpan?] = []
                ranges.reserveCapacity(groupCount)
                let unset = cpcre2_unset()
                for g in 0..<groupCount {
                    let s = ovector[2 * g]
                    let e = ovector[2 * g + 1]
                    ranges.append(s == unset ? nil : Int(s)..<Int(max(s, e)))
                }
                let whole = ranges[0]!
                if !body(PatternMatch(ranges: ranges, names: groupNumbers)) { return nil }
                if whole.isEmpty {
                    // Step over one whole code point so an empty match cannot loop forever.
                    var next = whole.upperBound + 1
                    while next < buffer.count && buffer[next] & 0xC0 == 0x80 { next += 1 }
                    offset = next
                } else {
                    offset = whole.upperBound
                }
            }
            return nil
        }
        if let failure { throw failure }
    }
}

/// The byte ranges of one match's groups.
public struct PatternMatch: Sendable {
    /// Group ranges by number; nil where a group did not take part.
    public let ranges: [ByteSpan?]
    let names: [String: Int]

    /// The whole match.
    public var range: ByteSpan { ranges[0]! }

    /// The range of a named group, nil when it did not take part or does not exist.
    public subscript(_ name: String) -> ByteSpan? {
        guard let n = names[name], n < ranges.count else { return nil }
        return ranges[n]
    }
}

/// The per-thread state PCRE2 needs to match: a match context with a JIT stack, and match data large
/// enough for the patterns seen so far on this thread.
final class MatchScratch {
    let context: OpaquePointer
    let jitStack: OpaquePointer
    private(set) var matchData: OpaquePointer
    private var pairs: Int
    /// Set while a scan runs, so a scan started from inside another's callback gets its own.
    var inUse = false

    private init() {
        context = pcre2_match_context_create_8(nil)!
        jitStack = pcre2_jit_stack_create_8(32 * 1024, 8 * 1024 * 1024, nil)!
        pairs = 64
        matchData = pcre2_match_data_create_8(UInt32(pairs), nil)!
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_jit_stack_free_8(jitStack)
        pcre2_match_context_free_8(context)
    }

    private static let key = "ClaimKit.MatchScratch"

    /// This thread's scratch, with match data for at least `groups` groups.
    static func current(groups: Int) -> MatchScratch {
        let dictionary = Thread.current.threadDictionary
        let scratch: MatchScratch
        if let existing = dictionary[key] as? MatchScratch {
            if existing.inUse {
                let nested = MatchScratch()
                nested.grow(to: groups)
                return nested
            }
            scratch = existing
        } else {
            scratch = MatchScratch()
            dictionary[key] = scratch
        }
        scratch.grow(to: groups)
        return scratch
    }

    /// This scratch's match context, set to `limits`, with the JIT stack when the pattern was JIT-compiled.
    func prepare(_ limits: Pattern.Limits, jitted: Bool) -> OpaquePointer {
        pcre2_set_match_limit_8(context, limits.match)
        pcre2_set_depth_limit_8(context, limits.depth)
        pcre2_set_heap_limit_8(context, limits.heapKiB)
        pcre2_jit_stack_assign_8(context, nil, jitted ? UnsafeMutableRawPointer(jitStack) : nil)
        return context
    }

    private func grow(to groups: Int) {
        guard groups > pairs else { return }
        pcre2_match_data_free_8(matchData)
        pairs = groups
        matchData = pcre2_match_data_create_8(UInt32(groups), nil)!
    }
}

import Foundation
