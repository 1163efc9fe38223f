import ArgumentParser
import Testing

@testable import App

@Suite struct ShellWordsTests {
    @Test func splitsOnSpacesAndTabs() throws {
        #expect(try ShellWords.split("  study  plot\tthemes ") == ["study", "plot", "themes"])
        #expect(try ShellWords.split("") == [])
    }

    @Test func handlesQuotesAndEscapes() throws {
        #expect(try ShellWords.split("study --tag 'major plot'") == ["study", "--tag", "major plot"])
        #expect(try ShellWords.split(#"quiz --tag="a \"b\" c""#) == ["quiz", #"--tag=a "b" c"#])
        #expect(try ShellWords.split(#"a\ b ''"#) == ["a b", ""])
        #expect(try ShellWords.split(#"say "it's""#) == ["say", "it's"])
    }

    @Test func rejectsAnUnterminatedQuote() {
        #expect(throws: ShellWords.UnterminatedQuote(quote: "'")) { try ShellWords.split("study 'plot") }
        #expect(ShellWords.UnterminatedQuote(quote: "\"").description == "unterminated quote: \" is never closed")
    }
}

@Suite struct SuggestionTests {
    let commands = CommandRegistry.visibleNames

    @Test func suggestsTheNearestCommand() {
        #expect(Suggestion.nearest(to: "studdy", among: commands) == "study")
        #expect(Suggestion.nearest(to: "stuyd", among: commands) == "study")
        #expect(Suggestion.nearest(to: "sett", among: commands) == "settings")
        #expect(Suggestion.nearest(to: "QUIZZ", among: commands) == "quiz")
        #expect(Suggestion.nearest(to: "xyzzy", among: commands) == nil)
        #expect(Suggestion.nearest(to: "", among: commands) == nil)
    }
}

/// The prompt and `recall` parse with the same command types.
@Suite struct CommandParsingTests {
    /// The command `words` parse to, as type `T`.
    func command<T: RecallCommand>(_ words: [String], as type: T.Type = T.self) -> T? {
        guard case .command(let command) = CommandRunner.parse(words, atPrompt: true) else { return nil }
        return command as? T
    }

    /// The error message and usage line `words` give.
    func usageError(_ words: [String]) -> String {
        switch CommandRunner.parse(words, atPrompt: true) {
        case .usageError(let message, let usage): "\(message) | \(usage)"
        default: "no error"
        }
    }

    @Test func parsesEveryCommand() throws {
        let study = try #require(command(["study", "plot", "themes", "--tag", "kathy"], as: StudyCommand.self))
        #expect(study.decks == ["plot", "themes"])
        #expect(study.tags == ["kathy"])
        let quiz = try #require(
            command(["quiz", "--count=5", "plot", "--tag", "a", "--tag", "b"], as: QuizCommand.self))
        #expect(quiz.decks == ["plot"])
        #expect(quiz.tags == ["a", "b"])
        #expect(quiz.count == 5)
        #expect(command(["quiz"], as: QuizCommand.self)?.count == QuizCommand.defaultCount)
        #expect(command(["stats", "plot"], as: StatsCommand.self)?.deck == "plot")
        let settings = try #require(
            command(
                ["settings", "plot", "--scheduler", "SM2", "--retention", "85%", "--new-per-day", "5"],
                as: SettingsCommand.self))
        #expect(settings.deck == "plot")
        #expect(settings.scheduler == .sm2)
        #expect(settings.retention == 0.85)
        #expect(settings.newPerDay == 5)
        #expect(command(["help", "study"], as: HelpCommand.self)?.topic == ["study"])
        #expect(command(["exit"], as: QuitCommand.self) != nil)
        #expect(command(["decks", "--json"], as: DecksCommand.self)?.json == true)
        #expect(
            command(["replay", "h.csv", "--desired-retention", "0.8"], as: ReplayCommand.self)?.desiredRetention == 0.8)
        guard case .nothing = CommandRunner.parse([], atPrompt: true) else {
            Issue.record("an empty line is nothing to do")
            return
        }
    }

    @Test func reportsMistakesExactly() {
        let root = "recall [--decks <dir> ...] [--store <path>] <subcommand>"
        let quiz = "recall quiz [<deck> ...] [--count <n>] [--tag <tag> ...] [--decks <dir> ...] [--store <path>]"
        let settings =
            "recall settings [<deck>] [--scheduler <name>] [--retention <r>] [--new-per-day <n>] [--bury-siblings <on|off>] [--sync-dir <dir>] [--decks <dir> ...] [--store <path>]"
        #expect(usageError(["studdy"]) == #"unknown command "studdy" (did you mean "study"?) | "# + root)
        #expect(usageError(["fly"]) == #"unknown command "fly" (type "help" to see the commands) | "# + root)
        #expect(
            usageError(["--store", "x"]) == #"unknown command "--store" (type "help" to see the commands) | "# + root)
        #expect(usageError(["quiz", "--cont", "3"]) == "unknown option '--cont'. Did you mean '--count'? | " + quiz)
        #expect(usageError(["quiz", "--count"]) == "missing value for '--count <n>' | " + quiz)
        let count = "expected a whole number from 1 to 1000 | " + quiz
        #expect(usageError(["quiz", "--count", "ten"]) == "the value 'ten' is invalid for '--count <n>': " + count)
        #expect(usageError(["quiz", "--count", "0"]) == "the value '0' is invalid for '--count <n>': " + count)
        #expect(usageError(["quiz", "--count", "-1"]) == "the value '-1' is invalid for '--count <n>': " + count)
        #expect(usageError(["quiz", "--count", "+5"]) == "the value '+5' is invalid for '--count <n>': " + count)
        #expect(usageError(["stats", "a", "b"]).hasPrefix("unexpected argument 'b' | recall stats "))
        #expect(usageError(["decks", "--all"]).hasPrefix("unknown option '--all' | recall decks "))
        let retention = "expected a number from 0.7 to 0.99, such as 0.9 or 90% | " + settings
        for value in ["1.5", "0.6999", "0x1.8p-1", "9e-1", "nan", ".", "0.9.1", "-0.8"] {
            #expect(
                usageError(["settings", "--retention", value])
                    == "the value '\(value)' is invalid for '--retention <r>': " + retention)
        }
        #expect(
            usageError(["settings", "--scheduler", "anki"])
                == "the value 'anki' is invalid for '--scheduler <name>': expected fsrs or sm2 | " + settings)
        #expect(
            usageError(["settings", "--new-per-day", "-1"])
                == "the value '-1' is invalid for '--new-per-day <n>': expected a whole number from 0 to 9999 | "
                + settings)
    }

    @Test func retentionIsTakenExactlyAsWritten() throws {
        #expect(try OptionValue.retention("0.7") == 0.7)
        #expect(try OptionValue.retention("0.99") == 0.99)
        #expect(try OptionValue.retention("90%") == 0.9)
        #expect(try OptionValue.retention("0.905") == 0.905)
        #expect(throws: OptionValue.ValueError.self) { try OptionValue.retention("0.991") }
    }
}

@Suite struct CommandCompletionTests {
    let completion = CommandCompletion(deckIDs: ["plot", "people", "themes"], tags: ["kathy", "ruth"])

    @Test func completesCommandsFirst() {
        #expect(completion.candidates(linePrefix: "", word: "st") == ["study", "stats"])
        #expect(completion.candidates(linePrefix: "", word: "qu") == ["quiz", "quit"])
        #expect(completion.candidates(linePrefix: "", word: "e") == ["export", "exit"])
        #expect(completion.candidates(linePrefix: "", word: "deb") == [])  // hidden
    }

    @Test func completesDecksTagsOptionsAndTopicsFromTheDefinitions() {
        #expect(completion.candidates(linePrefix: "study ", word: "p") == ["plot", "people"])
        #expect(completion.candidates(linePrefix: "study plot --tag ", word: "") == ["kathy", "ruth"])
        #expect(completion.candidates(linePrefix: "quiz ", word: "--c") == ["--count"])
        #expect(completion.candidates(linePrefix: "quiz --count ", word: "") == [])
        #expect(completion.candidates(linePrefix: "settings plot --scheduler ", word: "") == ["fsrs", "sm2"])
        #expect(completion.candidates(linePrefix: "replay h.csv --scheduler ", word: "s") == ["sm2"])
        #expect(completion.candidates(linePrefix: "help ", word: "s") == ["study", "stats", "settings", "sync"])
        #expect(completion.candidates(linePrefix: "stats plot ", word: "") == [])  // one deck only
        #expect(completion.candidates(linePrefix: "log --deck ", word: "t") == ["themes"])
        #expect(completion.candidates(linePrefix: "decks ", word: "") == [])
        #expect(completion.candidates(linePrefix: "nonsense ", word: "") == [])
    }

    @Test func everyVisibleCommandCompletes() {
        let names = CommandRegistry.commands.filter { $0.configuration.shouldDisplay }.map { $0._commandName }
        #expect(Set(completion.candidates(linePrefix: "", word: "")).isSuperset(of: names))
    }
}

@Suite struct DeckSuggestionTests {
    @Test func aPartOfALongIdSuggestsIt() {
        let ids = ["never-let-me-go-plot", "never-let-me-go-themes"]
        #expect(Suggestion.nearest(to: "plot", among: ids) == "never-let-me-go-plot")
        #expect(Suggestion.nearest(to: "never", among: ids) == nil)
        #expect(Suggestion.nearest(to: "go", among: ids) == nil)
    }
}
