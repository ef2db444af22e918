import ArgumentParser
import ClaimKit
import Foundation

@main
struct Claims: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "Who said what, about whom: extract attributed claims from news articles into SQLite.",
        subcommands: [Ingest.self, Actors.self, List.self, Show.self, Search.self, ThreadCommand.self, ThreadsCommand.self, Reextract.self, Export.self, Backup.self, Bench.self, RulesCommand.self])
}

/// Options every command shares.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (default: $CLAIMS_DB or claims.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("A rules folder over the bundled rules (default: $CLAIMS_RULES).", valueName: "dir"))
    var rules: String?

    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["CLAIMS_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "claims.sqlite"
    }

    func openStore() throws -> ClaimStore { try ClaimStore(path: databasePath) }
    func loadRules() throws -> RuleSet { try RuleSet.load(userDirectory: rules) }
}

/// Prints an error the way every command does and exits 1.
func fail(_ error: any Error) -> ExitCode {
    if let exit = error as? ExitCode { return exit }
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    return .failure
}

/// Runs a command body, turning any thrown error into a message on stderr and exit code 1.
func guarded(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as RuleErrors {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        throw ExitCode.failure
    } catch {
        throw fail(error)
    }
}

func printErr(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
