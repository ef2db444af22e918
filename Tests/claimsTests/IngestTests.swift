import Foundation
import Testing

/// `claims ingest`: files, folders and stdin; a bad file is named on stderr and the rest is stored.
@Suite struct IngestTests {
    @Test func goodFileIsStoredAndInvalidUTF8FileIsNamed() throws {
        try withWorkspace { ws in
            try ws.write("in/quay.txt", CLI.quayArticle)
            let bad = try ws.write("in/latin1.txt", Data(Array("Aas said the caf".utf8) + [0xE9, 0x0A]))
            let result = try ws.claims(["ingest"], [ws.path("in")])
            #expect(result.status == 1, "\(result)")
            #expect(result.reason == .exit)
            #expect(
                result.stdoutLines == ["ingested quay: 2 claims", "1 articles stored, 0 skipped, 2 claims, 1 errors"], "\(result)")
            #expect(
                result.stderr
                    == "error: \(bad): invalid UTF-8 at byte offset 16 (line 1); convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)\n"
            )
            let list = try ws.claims(["list"], ["--actor", "Sunniva Aas"])
            #expect(list.status == 0, "\(list)")
            #expect(list.stdout.contains("the repairs would take another year"))
            #expect(list.stdout.contains("“We ran out of steel,”"))
            #expect(list.stdoutLines.last == "2 claims")
        }
    }

    @Test func reingestPrintsSkipped() throws {
        try withWorkspace { ws in
            let file = try ws.write("quay.txt", CLI.quayArticle)
            let first = try ws.claims(["ingest"], [file])
            #expect(first.status == 0, "\(first)")
            let second = try ws.claims(["ingest"], [file])
            #expect(second.status == 0, "\(second)")
            #expect(
                second.stdoutLines == [
                    "skipped quay: same content as quay is already stored", "0 articles stored, 1 skipped, 0 claims, 0 errors",
                ])
            #expect(second.stderr == "")
        }
    }

    @Test func ingestReadsStandardInputAsStdin() throws {
        try withWorkspace { ws in
            let result = try ws.claims(["ingest"], ["-"], stdin: "Mayor Ines Dahl said the bridge tolls would rise in April.\n")
            #expect(result.status == 0, "\(result)")
            #expect(result.stdoutLines.first == "ingested stdin: 1 claims")
            let list = try ws.claims(["list"], ["--actor", "ines dahl", "--json"])
            let claims = try CLI.jsonLines(list.stdout)
            #expect(claims.count == 1)
            #expect((claims.first?["content"] as? [String: Any])?["text"] as? String == "the bridge tolls would rise in April")
            let export = try CLI.jsonLines(try ws.claims(["export"]).stdout)
            #expect(export.first?["key"] as? String == "stdin")
        }
    }

    @Test func jsonReport() throws {
        try withWorkspace { ws in
            let result = try ws.claims(["ingest"], ["--json", try ws.write("quay.txt", CLI.quayArticle), ws.path("missing.txt")])
            #expect(result.status == 1)
            let report = try #require(try CLI.jsonLines(result.stdout).first)
            #expect((report["inserted"] as? [[String: Any]])?.first?["key"] as? String == "quay")
            #expect((report["errors"] as? [String]) == ["\(ws.path("missing.txt")): no such file or folder; check the path"])
        }
    }

    @Test func noPathsIsAUsageError() throws {
        try withWorkspace { ws in
            let result = try ws.claims(["ingest"])
            #expect(result.status == 64, "\(result)")
            #expect(result.stderr.contains("give at least one file, folder or - to ingest") || result.stderr.contains("Missing expected argument"))
            #expect(result.stderr.contains("Usage: claims ingest"))
        }
    }
}
