import Foundation
import Testing

/// What one run of the built `claims` binary printed and how it ended.
struct CLIResult: CustomStringConvertible {
    var status: Int32
    var reason: Process.TerminationReason
    var stdout: String
    var stderr: String

    var stdoutLines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    var description: String { "exit \(status) (\(reason == .exit ? "exit" : "signal"))\nstdout:\n\(stdout)\nstderr:\n\(stderr)" }
}

/// A scratch folder for one test: the database, inputs, and the captured output all live in it.
struct Workspace {
    let url: URL
    /// The database every command of this workspace gets through --db.
    var db: String { path("claims.sqlite") }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("claims-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file.path
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Data(text.utf8)) }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// Runs `claims ARGS` with the working directory here, CLAIMS_DB, CLAIMS_RULES and CLAIMS_HOME unset.
    func run(_ arguments: [String], stdin: String? = nil) throws -> CLIResult {
        let binary = CLI.binary
        try #require(
            FileManager.default.isExecutableFile(atPath: binary.path),
            "the claims binary is missing at \(binary.path); run `swift build` (or `swift test`, which builds it) in \(CLI.packageRoot.path)"
        )
        let id = UUID().uuidString
        let out = try write(".out-\(id)", Data())
        let err = try write(".err-\(id)", Data())
        let input = try write(".in-\(id)", Data((stdin ?? "").utf8))
        defer { for file in [out, err, input] { try? FileManager.default.removeItem(atPath: file) } }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = url
        var environment = ProcessInfo.processInfo.environment
        for name in ["CLAIMS_DB", "CLAIMS_RULES", "CLAIMS_HOME"] { environment.removeValue(forKey: name) }
        process.environment = environment
        let outHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        let errHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        let inHandle = try FileHandle(forReadingFrom: URL(fileURLWithPath: input))
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = inHandle
        try process.run()
        process.waitUntilExit()
        try? outHandle.close()
        try? errHandle.close()
        try? inHandle.close()
        return CLIResult(
            status: process.terminationStatus, reason: process.terminationReason,
            stdout: try String(contentsOfFile: out, encoding: .utf8), stderr: try String(contentsOfFile: err, encoding: .utf8))
    }

    /// Runs `claims COMMAND --db DB ARGS`.
    func claims(_ command: [String], _ arguments: [String] = [], stdin: String? = nil) throws -> CLIResult {
        try run(command + ["--db", db] + arguments, stdin: stdin)
    }
}

/// Runs `body` with a fresh workspace, removed afterwards.
func withWorkspace<T>(_ body: (Workspace) throws -> T) throws -> T {
    let workspace = try Workspace()
    defer { workspace.remove() }
    return try body(workspace)
}

enum CLI {
    /// Tests/claimsTests/Support/CLI.swift -> the package root.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let binary = packageRoot.appendingPathComponent(".build/debug/claims")

    /// A small article of our own with two claims by Sunniva Aas.
    static let quayArticle = """
        Quay repairs delayed again
        Harbour director Sunniva Aas said the repairs would take another year.
        “We ran out of steel,” Aas said.
        """

    /// Parses each line as a JSON object.
    static func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
        }
    }
}
