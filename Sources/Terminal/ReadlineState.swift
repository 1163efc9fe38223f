import Foundation

/// The state readline's C callbacks reach: the line just read and the completion candidates.
///
/// Readline calls back through plain C function pointers, which cannot capture Swift
/// context, so the state they need is global. Readline is single-threaded and recall only
/// calls it from the one thread that reads input, so the lock is never contended; it is
/// there so the compiler can prove the global is safe to share under Swift 6 concurrency.
final class ReadlineState: @unchecked Sendable {
    /// The one instance the callbacks use.
    static let shared = ReadlineState()

    private let lock = NSLock()
    private var _completedLine: LineInput?
    private var _provider: CompletionProvider?
    private var _candidates: [String] = []
    private var _nextCandidate = 0

    /// The result handed over by readline's line handler, if a line was completed.
    var completedLine: LineInput? {
        get { lock.withLock { _completedLine } }
        set { lock.withLock { _completedLine = newValue } }
    }

    /// Who proposes completions.
    var provider: CompletionProvider? {
        get { lock.withLock { _provider } }
        set { lock.withLock { _provider = newValue } }
    }

    /// Starts a completion attempt with these candidates.
    func beginCompletion(_ candidates: [String]) {
        lock.withLock {
            _candidates = candidates
            _nextCandidate = 0
        }
    }

    /// The next candidate of the current attempt, or `nil` when they are all given.
    func nextCandidate() -> String? {
        lock.withLock {
            guard _nextCandidate < _candidates.count else { return nil }
            defer { _nextCandidate += 1 }
            return _candidates[_nextCandidate]
        }
    }
}
