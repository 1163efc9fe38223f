import Scheduling
import Study

/// Where a study session's answers and changes are saved (the progress store, or a fake
/// in tests and benchmarks).
public protocol SessionRecorder: AnyObject {
    /// Saves an answer (and the burial of the siblings it buried); it must be on disk when
    /// this returns. Returns the answer as saved: when the item was answered elsewhere since
    /// it was shown, its rating applied by `reschedule` to the item's newer state.
    func save(_ review: SessionReview, reschedule: (CardState) -> CardState) throws -> SessionReview
    /// Saves a bury or a suspend.
    func apply(_ change: SessionChange) throws
    /// Takes back a change the session undid (an answer, a bury or a suspend).
    func takeBack(_ change: SessionChange) throws
    /// Records the end of the session with its summary.
    func finish(_ summary: SessionSummary) throws
}
