import Foundation
import Optimizer
import Progress
import Scheduling
import Terminal
import Testing

@testable import App

@Suite struct OptimizeCommandTests {
    @Test func parsesAtThePromptAndAsASubcommand() throws {
        guard
            case .command(let parsed) = CommandRunner.parse(
                ["optimize", "plot", "cast", "--json", "--apply"], atPrompt: true),
            let command = parsed as? OptimizeCommand
        else {
            Issue.record("optimize did not parse")
            return
        }
        #expect(command.decks == ["plot", "cast"])
        #expect(command.json && command.apply && command.csv == nil)
        guard case .command(let other) = CommandRunner.parse(["optimize", "--csv", "-"], atPrompt: false),
            let csv = other as? OptimizeCommand
        else {
            Issue.record("optimize --csv did not parse")
            return
        }
        #expect(csv.csv == "-")
    }

    @Test func countsAreGroupedInThousands() {
        #expect(OptimizeCommand.count(12_580) == "12 580")
        #expect(OptimizeCommand.count(1_000_000) == "1 000 000")
        #expect(OptimizeCommand.count(999) == "999")
    }
}

@Suite struct OptimizerHistoryTests {
    @Test func memoryStatesReplayEachCardFromItsLastLearningStart() throws {
        let day: Int64 = 86_400_000_000
        let start: Int64 = 1_704_096_000_000_000  // 2024-01-01T08:00Z
        let reviews = [
            HistoryReview(card: 0, time: start, rating: .good, startsLearning: true),
            HistoryReview(card: 1, time: start, rating: .again, startsLearning: true),
            HistoryReview(card: 0, time: start + 2 * day, rating: .good, startsLearning: false),
            HistoryReview(card: 1, time: start + day, rating: .good, startsLearning: false),
            HistoryReview(card: 1, time: start + 5 * day, rating: .easy, startsLearning: true),  // after a reset
            HistoryReview(card: 1, time: start + 9 * day, rating: .hard, startsLearning: false),
        ]
        let history = OptimizerHistory(
            reviews: reviews, cardCount: 2, items: [ItemRef(deckID: "a", key: "x"), ItemRef(deckID: "b", key: "y")],
            clock: StudyDayClock(timeZone: TimeZone(secondsFromGMT: 0) ?? .current))
        let fsrs = try FSRS(
            parameters: FSRSParameters([
                0.5, 1.8, 4.0, 12.0, 5.8, 1.1, 2.2, 0.01, 1.6, 0.25, 1.1, 1.8, 0.09,
                0.35, 1.9, 0.45, 2.4, 0.4, 0.2, 0.1, 0.3,
            ]))
        let states = history.memoryStates { $0 == "a" || $0 == "b" ? fsrs : nil }
        func replay(_ steps: [(Int64, Rating)]) -> CardState {
            var state = CardState.new(due: Date(timeIntervalSince1970: Double(steps[0].0) / 1e6))
            for (time, rating) in steps {
                state = fsrs.review(state, rating: rating, at: Date(timeIntervalSince1970: Double(time) / 1e6))
            }
            return state
        }
        let x = replay([(start, .good), (start + 2 * day, .good)])
        let y = replay([(start + 5 * day, .easy), (start + 9 * day, .hard)])
        #expect(states.count == 2)
        #expect(
            states[0].item == ItemRef(deckID: "a", key: "x") && states[0].stability == x.stability
                && states[0].difficulty == x.difficulty)
        #expect(
            states[1].item == ItemRef(deckID: "b", key: "y") && states[1].stability == y.stability
                && states[1].difficulty == y.difficulty)
        // Decks without an FSRS scheduler (SM-2) are left alone.
        #expect(history.memoryStates { $0 == "a" ? fsrs : nil }.map(\.item) == [ItemRef(deckID: "a", key: "x")])
    }
}
