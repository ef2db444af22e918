import Foundation
import Testing

@testable import ClaimKit

/// Inputs to ingest: each bad one gives a problem naming its path and saying what to do.
@Suite struct InputReaderTests {
    let reader = InputReader()

    @Test func readsUTF8TextAndTakesTheStemFromTheFileName() throws {
        try withScratch { scratch in
            let path = try scratch.write("harbour_2024-03-05.txt", "Der Hafen öffnet. 港が開く。\n")
            let document = try reader.read(path)
            #expect(document.stem == "harbour_2024-03-05")
            #expect(document.path == path)
            #expect(document.text == "Der Hafen öffnet. 港が開く。\n")
        }
    }

    @Test func leadingByteOrderMarkIsDropped() throws {
        let document = try reader.decode(Data([0xEF, 0xBB, 0xBF] + Array("Calm seas.".utf8)), path: "bom.txt", stem: "bom")
        #expect(document.text == "Calm seas.")
    }

    @Test func emptyFile() throws {
        try withScratch { scratch in
            for (name, contents) in [("empty.txt", ""), ("blank.txt", " \n\t\r\n")] {
                let path = try scratch.write(name, contents)
                let problem = #expect(throws: InputProblem.self) { try reader.read(path) }
                #expect(problem?.path == path)
                #expect(problem?.description == "\(path): the file is empty; nothing to ingest")
            }
        }
    }

    @Test func binaryFile() throws {
        try withScratch { scratch in
            let path = try scratch.write("photo.txt", Data([0x47, 0x49, 0x46, 0x00, 0x01, 0x02]))
            let problem = #expect(throws: InputProblem.self) { try reader.read(path) }
            #expect(problem?.path == path)
            #expect(
                problem?.description == "\(path): looks like a binary file (NUL byte at offset 3); claims ingests UTF-8 text")
        }
    }

    @Test func invalidUTF8NamesTheOffsetAndLine() throws {
        try withScratch { scratch in
            // "café" written in Latin-1 on the second line: 0xE9 alone is not UTF-8.
            let path = try scratch.write("latin1.txt", Data(Array("First line.\ncaf".utf8) + [0xE9, 0x0A]))
            let problem = #expect(throws: InputProblem.self) { try reader.read(path) }
            #expect(problem?.path == path)
            #expect(
                problem?.description
                    == "\(path): invalid UTF-8 at byte offset 15 (line 2); convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)"
            )
        }
    }

    @Test(arguments: [
        ([0xC0, 0x80], 2),  // overlong NUL
        ([0xED, 0xA0, 0x80], 2),  // a UTF-16 surrogate
        ([0xF4, 0x90, 0x80, 0x80], 2),  // past U+10FFFF
        ([0xE6, 0x9D], 2),  // truncated at the end
        ([0x80], 2),  // a lone continuation byte
    ])
    func malformedSequencesAreRefusedAtTheirFirstByte(bytes: [UInt8], offset: Int) throws {
        let problem = #expect(throws: InputProblem.self) {
            try reader.decode(Data(Array("ok".utf8) + bytes), path: "x.txt", stem: "x")
        }
        #expect(problem?.message.hasPrefix("invalid UTF-8 at byte offset \(offset) (line 1)") == true)
    }

    @Test func wellFormedMultibyteTextIsAccepted() throws {
        let text = "é 東京 🙂 \u{10FFFF}"
        #expect(try reader.decode(Data(text.utf8), path: "ok.txt", stem: "ok").text == text)
    }

    @Test func missingPath() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("nowhere-\(UUID().uuidString).txt").path
        let (files, problems) = reader.expand([missing])
        #expect(files.isEmpty)
        #expect(problems.map(\.description) == ["\(missing): no such file or folder; check the path"])
        let problem = #expect(throws: InputProblem.self) { try reader.read(missing) }
        #expect(problem?.description == "\(missing): cannot read the file; check that it exists and is readable")
    }

    @Test func folderWithoutTextFiles() throws {
        try withScratch { scratch in
            try scratch.write("notes/readme.md", "Not an article.")
            try scratch.write("notes/deeper/data.csv", "a,b")
            let folder = scratch.path("notes")
            let (files, problems) = reader.expand([folder])
            #expect(files.isEmpty)
            #expect(
                problems.map(\.description)
                    == ["\(folder): folder holds no .txt files; claims ingests UTF-8 text files named *.txt"])
        }
    }

    @Test func folderIsWalkedRecursivelyForTextFiles() throws {
        try withScratch { scratch in
            try scratch.write("inbox/b.txt", "Bravo.")
            try scratch.write("inbox/a.txt", "Alpha.")
            try scratch.write("inbox/later/c.txt", "Charlie.")
            try scratch.write("inbox/later/deeper/d.txt", "Delta.")
            try scratch.write("inbox/later/skip.md", "Not this.")
            let folder = scratch.path("inbox")
            let single = try scratch.write("single.txt", "Echo.")
            let (files, problems) = reader.expand([folder, single, "-"])
            #expect(problems.isEmpty)
            #expect(
                files == [
                    "\(folder)/a.txt", "\(folder)/b.txt", "\(folder)/later/c.txt", "\(folder)/later/deeper/d.txt", single, "-",
                ])
        }
    }

    @Test func walkGivesFilesAndProblemsInTheOrderOfTheInputs() throws {
        try withScratch { scratch in
            try scratch.write("one/b.txt", "Bravo.")
            try scratch.write("one/a/z.txt", "Zulu.")
            try scratch.write("empty/notes.md", "Not an article.")
            let missing = scratch.path("missing.txt")
            let items = Array(reader.walk([scratch.path("one"), missing, scratch.path("empty"), "-"]))
            let root = String(scratch.path("one").dropLast(3))
            let told = items.map { item -> String in
                switch item {
                case .success(let path): return path.replacingOccurrences(of: root, with: "")
                case .failure(let problem): return "problem: " + problem.path.replacingOccurrences(of: root, with: "")
                }
            }
            // A folder's names in order, its sub-folder where its name sorts; the empty folder's problem at its end.
            #expect(told == ["one/a/z.txt", "one/b.txt", "problem: missing.txt", "problem: empty", "-"])
        }
    }

    /// CRLF and lone CR line ends read as "\n", so titles, sentences and offsets work as in any file.
    @Test func carriageReturnsBecomeLineFeeds() throws {
        let reader = InputReader()
        let lone = try reader.decode(Data("Mayor says tolls will rise\rMayor Ada Lund said the tolls would rise in May.\r".utf8), path: "cr.txt", stem: "cr")
        #expect(lone.text == "Mayor says tolls will rise\nMayor Ada Lund said the tolls would rise in May.\n")
        let crlf = try reader.decode(Data("Night trains return\r\n\r\nThe line reopens.\r\n".utf8), path: "crlf.txt", stem: "crlf")
        #expect(crlf.text == "Night trains return\n\nThe line reopens.\n")
        let rules = try RuleSet.load(userDirectory: nil)
        let article = try #require(PageSplitter(rules: rules).split(lone).first)
        #expect(article.title == "Mayor says tolls will rise")
        let claims = try Analyzer(rules: rules).analyze(article).claims
        // The headline's own claim ("Mayor says ...") comes first; the body's names Ada Lund.
        #expect(claims.count == 2)
        #expect(claims.last?.speaker?.name == "Ada Lund")
    }
}
