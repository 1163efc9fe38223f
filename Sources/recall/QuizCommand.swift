import ArgumentParser
import REPL

/// `recall quiz`: Take a practice quiz; answers do not change the schedule.
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Take a practice quiz; answers do not change the schedule.",
        discussion: CommandName.quiz.details
    )

    @Argument(help: "The decks to draw questions from (default: every deck).")
    var decks: [String] = []

    @Option(help: ArgumentHelp("How many questions (default 10).", valueName: "n"))
    var count: String?

    @Option(name: .customLong("tag"), help: ArgumentHelp("Only cards (or decks) with this tag (repeatable).", valueName: "tag"))
    var tags: [String] = []

    @OptionGroup var deckOptions: DeckOptions
    @OptionGroup var storeOptions: StoreOptions

    mutating func validate() throws {
        if let count { _ = try QuizCommand.parse(count: count) }
    }

    mutating func run() throws {
        let number = try count.map(QuizCommand.parse(count:)) ?? QuizRequest.defaultCount
        try Recall.perform(.quiz(QuizRequest(decks: decks, tags: tags, count: number)), deckOptions, storeOptions)
    }

    static func parse(count: String) throws -> Int {
        do {
            return try QuizRequest.parseCount(count)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
