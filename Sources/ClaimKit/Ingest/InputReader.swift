import Foundation

/// A text file read from disk or standard input.
public struct InputDocument: Sendable {
    /// The article key stem: the file name without its extension.
    public var stem: String
    public var path: String
    public var text: String
}

/// A problem with one input; the others are still ingested.
public struct InputProblem: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}

/// Reads the inputs of `claims ingest`: files, folders (recursively, `*.txt`) and `-` for stdin.
public struct InputReader {
    public init() {}

    /// Lists the files behind `paths`, with a problem for each path that gives none.
    public func expand(_ paths: [String]) -> (files: [String], problems: [InputProblem]) {
        var files: [String] = []
        var problems: [InputProblem] = []
        for item in walk(paths) {
            switch item {
            case .success(let file): files.append(file)
            case .failure(let problem): problems.append(problem)
            }
        }
        return (files, problems)
    }

    /// The files behind `paths`, in order, found as they are asked for (see `InputWalk`).
    public func walk(_ paths: [String]) -> InputWalk { InputWalk(paths) }

    /// Reads one file (or stdin for "-") as UTF-8 text.
    public func read(_ path: String) throws(InputProblem) -> InputDocument {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard FileManager.default.isReadableFile(atPath: path), let contents = FileManager.default.contents(atPath: path)
            else {
                throw InputProblem(path: path, message: "cannot read the file; check that it exists and is readable")
            }
            data = contents
        }
        let name = path == "-" ? "stdin" : ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return try decode(data, path: path, stem: name)
    }

    /// Validates and decodes bytes: not empty, not binary, valid UTF-8 (a leading BOM is dropped).
    public func decode(_ data: Data, path: String, stem: String) throws(InputProblem) -> InputDocument {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw InputProblem(path: path, message: "the file is empty; nothing to ingest")
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw InputProblem(
                path: path, message: "looks like a binary file (NUL byte at offset \(nul)); claims ingests UTF-8 text")
        }
        if let bad = Self.firstInvalidUTF8(bytes) {
            let line = bytes[..<bad].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw InputProblem(
                path: path,
                message: "invalid UTF-8 at byte offset \(bad) (line \(line)); convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)")
        }
        // Line ends become "\n": a CRLF or lone-CR file reads like any other, and stored offsets count
        // the text as stored.
        if bytes.contains(0x0D) {
            var normalized: [UInt8] = []
            normalized.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x0D {
                    normalized.append(0x0A)
                    if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                } else {
                    normalized.append(bytes[i])
                }
                i += 1
            }
            bytes = normalized
        }
        return InputDocument(stem: stem, path: path, text: String(decoding: bytes, as: UTF8.self))
    }

    /// The offset of the first byte that is not valid UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(b & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(b & 0x07)
            default: return i
            }
            guard i + length <= n else { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += length
        }
        return nil
    }
}
