/// Sentence boundaries of a text, found once: a full stop, question or exclamation mark (and any closing
/// quote) followed by white space and a capital or an opening quote, or a line break.
public struct Sentences: Sendable {
    /// Start byte of each sentence, ascending.
    public let starts: [Int]

    public init(_ text: UTF8Text) {
        var starts = [0]
        let b = text.bytes
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == 0x0A {
                var j = i + 1
                while j < b.count, b[j] == 0x0A || b[j] == 0x20 || b[j] == 0x0D { j += 1 }
                if j < b.count, j > starts.last! { starts.append(j) }
                i = j
                continue
            }
            if c == UInt8(ascii: ".") || c == UInt8(ascii: "?") || c == UInt8(ascii: "!") {
                var j = i + 1
                // Closing quotes: " ' and the UTF-8 right single and double quotes.
                while j < b.count {
                    if b[j] == 0x22 || b[j] == 0x27 { j += 1; continue }
                    if j + 2 < b.count, b[j] == 0xE2, b[j + 1] == 0x80, b[j + 2] == 0x99 || b[j + 2] == 0x9D { j += 3; continue }
                    break
                }
                if j < b.count, b[j] == 0x20 {
                    var k = j
                    while k < b.count, b[k] == 0x20 { k += 1 }
                    if k < b.count, (b[k] >= 0x41 && b[k] <= 0x5A) || b[k] == 0x22 || b[k] == 0x27 || b[k] == 0xE2 {
                        // Not after a one-letter initial or a short title ("Mr.", "U.S.").
                        var w = i
                        while w > 0, (b[w - 1] >= 0x41 && b[w - 1] <= 0x5A) || (b[w - 1] >= 0x61 && b[w - 1] <= 0x7A) { w -= 1 }
                        let word = i - w
                        let capital = w < b.count && b[w] >= 0x41 && b[w] <= 0x5A
                        if !(c == UInt8(ascii: ".") && capital && word >= 1 && word <= 3) {
                            starts.append(k)
                        }
                    }
                }
                i = j
                continue
            }
            i += 1
        }
        self.starts = starts
    }

    /// The index of the sentence holding byte `position`.
    public func index(of position: Int) -> Int {
        var lo = 0
        var hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= position { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The byte range of sentence `index` in a text of `count` bytes.
    public func range(_ index: Int, count: Int) -> ByteSpan {
        starts[index]..<(index + 1 < starts.count ? starts[index + 1] : count)
    }
}
