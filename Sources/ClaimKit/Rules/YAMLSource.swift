import Yams

/// A YAML file being read, able to point at any node or at a character inside a scalar.
struct YAMLSource {
    let path: String
    let text: String
    let lines: [Substring]

    init(path: String, text: String) {
        self.path = path
        self.text = text
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lines.count else { return "" }
        var s = String(lines[line - 1])
        if s.hasSuffix("\r") { s.removeLast() }
        return s
    }

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: max(1, column), lineText: lineText(line))
    }

    func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return location(line: 1, column: 1) }
        return location(line: mark.line, column: mark.column)
    }

    /// The file position of the character at UTF-8 offset `byteOffset` inside a scalar's value.
    ///
    /// Exact for plain, single-line quoted and literal (`|`) scalars, which is how patterns are written.
    func location(inScalar node: Node, byteOffset: Int) -> SourceLocation {
        guard let scalar = node.scalar, let mark = scalar.mark else { return location(of: node) }
        let value = Array(scalar.string.utf8)
        var byteOffset = byteOffset
        // PCRE2 puts a missing ")" or "]" at the end of the pattern, after a block's final line break;
        // point at the end of the last line instead.
        while byteOffset > 0, byteOffset >= value.count || value[byteOffset] == 0x0A,
            byteOffset - 1 < value.count, value[byteOffset - 1] == 0x0A
        {
            byteOffset -= 1
        }
        let prefix = String(decoding: value[0..<min(byteOffset, value.count)], as: UTF8.self)
        let newlines = prefix.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        let column = prefix.split(separator: "\n", omittingEmptySubsequences: false).last.map { $0.count } ?? 0
        switch scalar.style {
        case .literal, .folded:
            let line = mark.line + 1 + newlines
            let indent = lineText(line).prefix { $0 == " " }.count
            return location(line: line, column: indent + column + 1)
        case .singleQuoted, .doubleQuoted:
            return location(line: mark.line + newlines, column: (newlines == 0 ? mark.column + 1 : 1) + column)
        default:
            return location(line: mark.line + newlines, column: (newlines == 0 ? mark.column : 1) + column)
        }
    }
}

extension Node {
    var stringValue: String? { scalar?.string }
}
