import Terminal
import Testing
@testable import App

@Suite struct OptimizeCommandTests {
    @Test func parsesAtThePromptAndAsASubcommand() throws {
        guard case .command(let parsed) = CommandRunner.parse(["optimize", "plot", "cast", "--json", "--apply"], atPrompt: true),
              let command = parsed as? OptimizeCommand else {
            Issue.record("optimize did not parse")
            return
        }
        #expect(command.decks == ["plot", "cast"])
        #expect(command.json && command.apply && command.csv == nil)
        guard case .command(let other) = CommandRunner.parse(["optimize", "--csv", "-"], atPrompt: false),
              let csv = other as? OptimizeCommand else {
            Issue.record("optimize --csv did not parse")
            return
        }
        #expect(csv.csv == "-")
    }

    @Test func progressBarDrawsOnlyWhenEnabledAndErasesItself() {
        let quiet = CapturedOutput()
        let off = FitProgressBar(errors: quiet, enabled: false, delay: 0)
        off.update(5, of: 10)
        off.finish()
        #expect(quiet.text == "")

        let late = CapturedOutput()
        let waiting = FitProgressBar(errors: late, enabled: true, delay: 3_600)
        waiting.update(5, of: 10)
        #expect(late.text == "")

        let errors = CapturedOutput()
        let bar = FitProgressBar(errors: errors, enabled: true, delay: 0)
        bar.update(1, of: 4)
        bar.update(1, of: 4)  // the same percentage: not redrawn
        bar.update(4, of: 4)
        bar.finish()
        #expect(errors.text == "\rfitting [#######-----------------------] 25%"
                + "\rfitting [##############################] 100%" + "\r\u{1B}[K")
    }

    @Test func countsAreGroupedInThousands() {
        #expect(OptimizeCommand.count(12_580) == "12 580")
        #expect(OptimizeCommand.count(1_000_000) == "1 000 000")
        #expect(OptimizeCommand.count(999) == "999")
    }
}
