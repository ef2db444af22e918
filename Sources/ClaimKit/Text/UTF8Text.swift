/// An article's text as UTF-8 bytes, with the one conversion from byte offsets to code point offsets.
///
/// PCRE2 reports byte offsets; the export, Python and people count Unicode code points. Every span
/// stays in bytes through extraction and is converted here, once, on the way out.
public struct UTF8Text: Sendable {
    /// The bytes PCRE2 scans.
    public let bytes: [UInt8]
    /// Code points before every 64th byte, so a conversion counts at most 63 bytes.
    private let checkpoints: [Int32]
    private static let stride = 64

    public init(_ string: String) {
        self.init(bytes: Array(string.utf8))
    }

    /// Wraps bytes that are already valid UTF-8.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var checkpoints: [Int32] = []
        checkpoints.reserveCapacity(bytes.count / Self.stride + 1)
        var scalars: Int32 = 0
        bytes.withUnsafeBufferPointer { buffer in
            for i in 0..<buffer.count {
                if i % Self.stride == 0 { checkpoints.append(scalars) }
                if buffer[i] & 0xC0 != 0x80 { scalars += 1 }
            }
        }
        checkpoints.append(scalars)
        self.checkpoints = checkpoints
    }

    /// Number of bytes.
    public var count: Int { bytes.count }

    /// The code point offset of byte offset `byte` (which must fall on a code point boundary or the end).
    public func codePointOffset(ofByte byte: Int) -> Int {
        let clamped = max(0, min(byte, bytes.count))
        let block = clamped / Self.stride
        var scalars = Int(checkpoints[block])
        var i = block * Self.stride
        while i < clamped {
            if bytes[i] & 0xC0 != 0x80 { scalars += 1 }
            i += 1
        }
        return scalars
    }

    /// The text of a byte range.
    public func string(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, bytes.count))
        let upper = max(lower, min(range.upperBound, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// The byte at `i`, or 0 past either end.
    @inline(__always)
    public subscript(_ i: Int) -> UInt8 { i >= 0 && i < bytes.count ? bytes[i] : 0 }
}

/// A half-open range of UTF-8 byte offsets into an article.
public typealias ByteSpan = Range<Int>
