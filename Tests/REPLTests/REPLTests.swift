import Testing
@testable import REPL

@Suite struct TokenizerTests {
    @Test func splitsOnSpacesAndTabs() throws {
        #expect(try Tokenizer.split("  study  plot\tthemes ") == ["study", "plot", "themes"])
        #expect(try Tokenizer.split("") == [])
    }

    @Test func handlesQuotesAndEscapes() throws {
        #expect(try Tokenizer.split("study --tag 'major plot'") == ["study", "--tag", "major plot"])
        #expect(try Tokenizer.split(#"quiz --tag="a \"b\" c""#) == ["quiz", #"--tag=a "b" c"#])
        #expect(try Tokenizer.split(#"a\ b ''"#) == ["a b", ""])
        #expect(try Tokenizer.split(#"say "it's""#) == ["say", "it's"])
    }

    @Test func rejectsAnUnterminatedQuote() {
        #expect(throws: TokenizerError.unterminatedQuote("'")) { try Tokenizer.split("study 'plot") }
        #expect(TokenizerError.unterminatedQuote("\"").description == "unterminated quote: \" is never closed")
    }
}

@Suite struct SuggestionTests {
    let commands = CommandName.allCases.map(\.rawValue)

    @Test func suggestsTheNearestCommand() {
        #expect(Suggestion.nearest(to: "studdy", among: commands) == "study")
        #expect(Suggestion.nearest(to: "stuyd", among: commands) == "study")
        #expect(Suggestion.nearest(to: "sett", among: commands) == "settings")
        #expect(Suggestion.nearest(to: "QUIZZ", among: commands) == "quiz")
        #expect(Suggestion.nearest(to: "xyzzy", among: commands) == nil)
        #expect(Suggestion.nearest(to: "", among: commands) == nil)
    }
}

@Suite struct ShellCommandTests {
    @Test func parsesEveryCommand() throws {
        #expect(try ShellCommand.parse("decks") == .decks)
        #expect(try ShellCommand.parse("   ") == nil)
        #expect(try ShellCommand.parse("study plot themes --tag kathy") == .study(StudyRequest(decks: ["plot", "themes"], tags: ["kathy"])))
        #expect(try ShellCommand.parse("quiz --count=5 plot --tag a --tag b") == .quiz(QuizRequest(decks: ["plot"], tags: ["a", "b"], count: 5)))
        #expect(try ShellCommand.parse("quiz") == .quiz(QuizRequest(count: 10)))
        #expect(try ShellCommand.parse("stats plot") == .stats(deck: "plot"))
        #expect(
            try ShellCommand.parse("settings plot --scheduler SM2 --retention 85% --new-per-day 5")
                == .settings(SettingsRequest(deck: "plot", scheduler: .sm2, desiredRetention: 0.85, newCardsPerDay: 5)))
        #expect(try ShellCommand.parse("help study") == .help(topic: "study"))
        #expect(try ShellCommand.parse("EXIT") == .quit)
    }

    @Test func reportsMistakesExactly() {
        func message(_ line: String) -> String {
            do {
                _ = try ShellCommand.parse(line)
                return "no error"
            } catch {
                return error.description
            }
        }
        #expect(message("studdy") == #"unknown command "studdy" (did you mean "study"?)"#)
        #expect(message("fly") == #"unknown command "fly" (type "help" to see the commands)"#)
        #expect(message("quiz --cont 3") == #"quiz: unknown option "--cont" (did you mean "--count"?)"#)
        #expect(message("quiz --count") == "quiz: --count needs a value")
        #expect(message("quiz --count ten") == #"quiz: --count must be a whole number from 1 to 1000, not "ten""#)
        #expect(message("quiz --count 0") == #"quiz: --count must be a whole number from 1 to 1000, not "0""#)
        #expect(message("stats a b") == #"stats: unexpected argument "b" (see "help stats")"#)
        #expect(message("decks --all") == #"decks: unknown option "--all""#)
        #expect(message("settings --retention 1.5") == #"settings: --retention must be a number from 0.7 to 0.99, not "1.5""#)
        #expect(message("settings --scheduler anki") == #"settings: --scheduler must be fsrs or sm2, not "anki""#)
        #expect(message("settings --new-per-day -1") == #"settings: --new-per-day must be a whole number from 0 to 9999, not "-1""#)
        #expect(message("study 'plot") == "unterminated quote: ' is never closed")
    }
}

@Suite struct ShellCompletionTests {
    let completion = ShellCompletion(deckIDs: ["plot", "people", "themes"], tags: ["kathy", "ruth"])

    @Test func completesCommandsFirst() {
        #expect(completion.candidates(linePrefix: "", word: "st") == ["study", "stats"])
        #expect(completion.candidates(linePrefix: "", word: "") == CommandName.allCases.map(\.rawValue))
    }

    @Test func completesDecksTagsOptionsAndTopics() {
        #expect(completion.candidates(linePrefix: "study ", word: "p") == ["plot", "people"])
        #expect(completion.candidates(linePrefix: "study plot --tag ", word: "") == ["kathy", "ruth"])
        #expect(completion.candidates(linePrefix: "quiz ", word: "--") == ["--count", "--tag"])
        #expect(completion.candidates(linePrefix: "settings plot --scheduler ", word: "") == ["fsrs", "sm2"])
        #expect(completion.candidates(linePrefix: "help ", word: "s") == ["study", "stats", "settings"])
        #expect(completion.candidates(linePrefix: "decks ", word: "") == [])
        #expect(completion.candidates(linePrefix: "nonsense ", word: "") == [])
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
