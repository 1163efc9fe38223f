import Foundation
import Testing

@testable import Scheduling

/// Undo restores the state from before a review; reviewing it again must give the same result.
struct UndoTests {
    @Test(arguments: [SchedulerKind.fsrs, .sm2], [false, true])
    func restoredStateSchedulesExactlyAsBefore(kind: SchedulerKind, fuzz: Bool) throws {
        let scheduler = try SchedulerConfiguration(kind: kind, fuzz: fuzz).makeScheduler(fuzzSeed: 42)
        var state = CardState.new(due: referenceStart)
        var now = referenceStart
        let ratings: [Rating] = [.good, .good, .good, .hard, .again, .good, .easy, .good]
        for rating in ratings {
            let before = state
            let answered = scheduler.review(state, rating: rating, at: now)
            // Round-trip the saved state through JSON, as a store would.
            let restored = try JSONDecoder().decode(CardState.self, from: JSONEncoder().encode(before))
            #expect(restored == before)
            #expect(scheduler.review(restored, rating: rating, at: now) == answered)
            #expect(scheduler.preview(restored, at: now)[rating] == answered)
            state = answered
            now = state.due.addingTimeInterval(3_600)
        }
    }
}
