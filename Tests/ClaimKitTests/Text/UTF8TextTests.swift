import Testing

@testable import ClaimKit

/// Byte offsets (what PCRE2 reports) to code point offsets (what the export and Python count).
@Suite struct UTF8TextTests {
    /// Code point offsets of every code point boundary, counted independently of UTF8Text.
    static func boundaries(_ string: String) -> [(byte: Int, codePoint: Int)] {
        var out: [(Int, Int)] = [(0, 0)]
        var byte = 0
        for (i, scalar) in string.unicodeScalars.enumerated() {
            byte += String(scalar).utf8.count
            out.append((byte, i + 1))
        }
        return out
    }

    @Test func asciiOffsetsAreByteOffsets() {
        let text = UTF8Text("Nobody said a word.")
        #expect(text.count == 19)
        for byte in 0...19 { #expect(text.codePointOffset(ofByte: byte) == byte) }
    }

    @Test func twoThreeAndFourByteCodePoints() {
        // é is 2 bytes, 東 and 京 3 bytes each, 🙂 4 bytes: each one code point.
        let text = UTF8Text("é東京🙂!")
        #expect(text.count == 2 + 3 + 3 + 4 + 1)
        #expect(text.codePointOffset(ofByte: 0) == 0)
        #expect(text.codePointOffset(ofByte: 2) == 1)
        #expect(text.codePointOffset(ofByte: 5) == 2)
        #expect(text.codePointOffset(ofByte: 8) == 3)
        #expect(text.codePointOffset(ofByte: 12) == 4)
        #expect(text.codePointOffset(ofByte: 13) == 5)
        #expect(text.string(8..<12) == "🙂")
        #expect(text.string(2..<8) == "東京")
    }

    @Test func emojiStraddlingTheCheckpointStride() {
        // 62 ASCII bytes, then 🙂 at bytes 62..<66: it straddles the checkpoint at byte 64.
        let string = String(repeating: "a", count: 62) + "🙂" + "bc"
        let text = UTF8Text(string)
        #expect(text.count == 68)
        #expect(text.codePointOffset(ofByte: 62) == 62)
        #expect(text.codePointOffset(ofByte: 66) == 63)
        #expect(text.codePointOffset(ofByte: 67) == 64)
        #expect(text.codePointOffset(ofByte: 68) == 65)
        #expect(text.string(62..<66) == "🙂")
    }

    @Test func everyBoundaryOfALongMixedTextAcrossManyCheckpoints() {
        var string = ""
        for i in 0..<40 { string += "Zoë in 東京 said \(i) 🙂, café. " }
        let text = UTF8Text(string)
        #expect(text.count > 64 * 20)
        let expected = Self.boundaries(string)
        for (byte, codePoint) in expected {
            #expect(text.codePointOffset(ofByte: byte) == codePoint, "byte \(byte)")
        }
        #expect(text.codePointOffset(ofByte: text.count) == string.unicodeScalars.count)
        // Every slice between two boundaries decodes back to the same scalars.
        let scalars = Array(string.unicodeScalars)
        for k in stride(from: 0, to: expected.count - 7, by: 5) {
            let (from, a) = expected[k]
            let (to, b) = expected[k + 7]
            #expect(text.string(from..<to) == String(String.UnicodeScalarView(scalars[a..<b])))
        }
    }

    @Test func lengthsThatAreExactMultiplesOfTheStride() {
        for length in [0, 64, 128] {
            let text = UTF8Text(String(repeating: "x", count: length))
            #expect(text.codePointOffset(ofByte: length) == length)
        }
        // 32 two-byte characters: exactly 64 bytes, 32 code points.
        let accents = UTF8Text(String(repeating: "é", count: 32))
        #expect(accents.count == 64)
        #expect(accents.codePointOffset(ofByte: 64) == 32)
        #expect(accents.codePointOffset(ofByte: 62) == 31)
    }

    @Test func outOfRangeOffsetsAreClamped() {
        let text = UTF8Text("東京")
        #expect(text.codePointOffset(ofByte: -5) == 0)
        #expect(text.codePointOffset(ofByte: 600) == 2)
        #expect(text.string(3..<600) == "京")
        #expect(text.string(-2..<3) == "東")
        #expect(text.string(5..<5) == "")
        #expect(text[-1] == 0)
        #expect(text[6] == 0)
        #expect(text[0] == 0xE6)
    }
}
