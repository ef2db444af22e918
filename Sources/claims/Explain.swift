import ArgumentParser
import ClaimKit
import Foundation

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show which rules matched a text, what they captured, who the speaker is, and what was dropped and why.")

    @OptionGroup var options: StoreOptions
    @Argument(help: "The text to explain.") var text: String?
    @Option(help: ArgumentHelp("Read the text from a file.", valueName: "path")) var file: String?

    func validate() throws {
        if (text == nil) == (file == nil) { throw ValidationError("give either TEXT or --file PATH") }
    }

    func run() throws {
        try guarded {
            let rules = try options.loadRules()
            let input: String
            if let file {
                input = try InputReader().read(file).text
            } else {
                input = text ?? ""
            }
            let report = try ExplainReport(rules: rules, text: input)
            print(report.render())
        }
    }
}
