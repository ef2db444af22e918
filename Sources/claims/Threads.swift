import ArgumentParser
import ClaimKit

enum ThreadFormat: String, ExpressibleByArgument, CaseIterable { case text, json, dot, mermaid }

struct ThreadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thread", abstract: "Show a claim with its responses and their responses as a tree.")

    @OptionGroup var options: StoreOptions
    @Argument(help: "The claim id.") var id: Int
    @Option(help: "text, json, dot or mermaid.") var format: ThreadFormat = .text
    @Flag(help: "Same as --format json.") var json = false

    func run() throws {
        try guarded {
            let store = try options.openStore()
            let thread = try store.thread(id: id)
            switch json ? .json : format {
            case .text:
                for answer in try store.answers(of: id) {
                    print("answers \(answer.to.map { "#\($0)" } ?? "no stored claim") of \(answer.target ?? "unknown") [\(answer.relation)]")
                }
                print(ThreadRenderer.text(thread))
            case .json: print(ThreadRenderer.json(thread).text)
            case .dot: print(ThreadRenderer.dot(thread))
            case .mermaid: print(ThreadRenderer.mermaid(thread))
            }
        }
    }
}

struct ThreadsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "threads", abstract: "List claim-response threads, largest first.")

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("Only threads where this actor speaks.", valueName: "name")) var actor: String?
    @Flag(help: "Print JSON Lines, one thread a line.") var json = false

    func run() throws {
        try guarded {
            let threads = try options.openStore().threads(actor: actor)
            if json {
                for t in threads { print(ThreadRenderer.json(t).text) }
                return
            }
            for t in threads {
                print(ThreadRenderer.text(t))
                print("")
            }
            print("\(threads.count) threads")
        }
    }
}
