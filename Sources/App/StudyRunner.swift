import Foundation
import Scheduling
import Study
import Terminal

/// Runs one study session at the terminal: asks each question, reads the answer and the
/// rating, saves every answer before the next card appears, and handles `:hint`, `:skip`,
/// `:bury`, `:suspend`, `:undo` and `:quit`.
public final class StudyRunner {
    /// What happens after a step of the dialogue.
    enum Step {
        /// Ask again at the same prompt.
        case stay
        /// Go on to the next question.
        case next
        /// The session is over.
        case end(SessionEnding)
    }

    /// The ratings typed as words, as well as digits.
    static let ratingWords: [String: Rating] = [
        "1": .again, "2": .hard, "3": .good, "4": .easy, "again": .again, "hard": .hard, "good": .good, "easy": .easy,
    ]

    let console: Console
    /// The screen, made for each use so it follows the terminal's width.
    var screen: StudyScreen { StudyScreen(style: console.style, wrapper: console.wrapper) }
    let recorder: SessionRecorder
    let clock: () -> Date
    let nextDay: (Date) -> Date
    /// The session being run.
    public private(set) var session: StudySession

    /// Prepares a session.
    ///
    /// - Parameters:
    ///   - nextDay: the start of the study day after a moment (where `:bury` buries to).
    public init(
        session: StudySession, console: Console, recorder: SessionRecorder, clock: @escaping () -> Date = Date.init,
        nextDay: @escaping (Date) -> Date
    ) {
        self.session = session
        self.console = console
        self.recorder = recorder
        self.clock = clock
        self.nextDay = nextDay
    }

    /// Runs the session until every card is done or the user ends it; the summary is shown
    /// by the caller.
    public func run() -> SessionEnding {
        console.reader.completion = SessionCommand.completion
        while let question = session.next(at: clock()) {
            console.say()
            console.say(
                screen.header(
                    deckTitle: question.deckTitle, typeName: question.typeName,
                    remaining: session.remaining(at: clock())))
            console.say(screen.question(question))
            switch ask(question) {
            case .stay, .next: continue
            case .end(let ending): return ending
            }
        }
        return .finished
    }

    /// Reads answers to `question` until one is graded, then the rating.
    func ask(_ question: Question) -> Step {
        while true {
            let text: String
            switch console.reader.readLine(prompt: screen.answerPrompt(for: question)) {
            case .interrupted: return .end(.interrupted)
            case .endOfInput: return .end(.endOfInput)
            case .line(let line): text = line
            }
            if let command = SessionCommand.parse(text) {
                let step = perform(command, question: question, answered: false)
                if case .stay = step { continue }
                return step
            }
            switch session.submit(text, at: clock()) {
            case .invalid(let message):
                console.tell(message)
            case .revealed:
                console.say(screen.revealed(question))
                return rate(proposed: nil)
            case .answered(let verdict):
                console.say(screen.verdict(verdict, for: question))
                return rate(proposed: verdict.proposedRating)
            }
        }
    }

    /// Shows the buttons and reads the rating (Enter accepts `proposed`), then saves the answer.
    func rate(proposed: Rating?) -> Step {
        guard let question = session.current else { return .next }
        console.say(screen.buttons(session.intervalLabels(at: clock()), proposed: proposed))
        while true {
            let text: String
            switch console.reader.readLine(prompt: screen.ratingPrompt(proposed: proposed)) {
            case .interrupted: return .end(.interrupted)
            case .endOfInput: return .end(.endOfInput)
            case .line(let line): text = line.trimmingCharacters(in: .whitespaces).lowercased()
            }
            if let command = SessionCommand.parse(text) {
                let step = perform(command, question: question, answered: true)
                if case .stay = step { continue }
                return step
            }
            guard let rating = text.isEmpty ? proposed : Self.ratingWords[text] else {
                let enter = proposed.map { ", or Enter for \($0.rawValue) \($0)" } ?? ""
                console.tell("Type 1 (again), 2 (hard), 3 (good) or 4 (easy)\(enter).")
                continue
            }
            let now = clock()
            guard let review = session.rate(rating, at: now, buryingSiblingsUntil: nextDay(now)) else { return .next }
            do {
                let saved = try recorder.save(review) { [session] state in session.reschedule(review, from: state) }
                if saved.before != review.before {
                    session.adoptSaved(before: saved.before, after: saved.after)
                    console.tell(
                        console.style.dim(
                            "This card was answered in another session meanwhile: your answer was applied to that newer state."
                        ))
                }
            } catch {
                _ = session.undo(at: clock())
                return .end(.failed("Your last answer could not be saved, so the session stopped: \(error)"))
            }
            return .next
        }
    }

    /// Runs a session command.
    func perform(_ parsed: Result<SessionCommand, SessionCommandError>, question: Question, answered: Bool) -> Step {
        let command: SessionCommand
        switch parsed {
        case .failure(let error):
            console.say(error.description)
            return .stay
        case .success(let value):
            command = value
        }
        switch command {
        case .help:
            for command in SessionCommand.listed {
                console.say(
                    "  :" + command.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0) + command.summary)
            }
            return .stay
        case .hint:
            if answered {
                console.say("The answer is already shown.")
            } else if let hint = question.hint ?? question.letterHint {
                console.say(console.style.dim("Hint: ") + screen.block(hint))
            } else {
                console.say("This card has no hint.")
            }
            return .stay
        case .skip:
            session.skip()
            console.say("Skipped: it comes back later in this session.")
            return .next
        case .bury:
            guard let change = session.bury(until: nextDay(clock())) else { return .next }
            return save(change, "Buried until tomorrow.")
        case .suspend:
            guard let change = session.suspend() else { return .next }
            return save(change, "Suspended: it will not come back until it is unsuspended (:undo takes it back now).")
        case .undo:
            guard let change = session.undo(at: clock()) else {
                console.say("Nothing to undo in this session.")
                return .stay
            }
            do {
                try recorder.takeBack(change)
            } catch {
                return .end(.failed("The undo could not be saved, so the session stopped: \(error)"))
            }
            console.tell("Undone: " + describe(change))
            return .next
        case .quit:
            return .end(.quit)
        }
    }

    /// Saves a bury or suspend and says so.
    private func save(_ change: SessionChange, _ message: String) -> Step {
        do {
            try recorder.apply(change)
        } catch {
            _ = session.undo(at: clock())
            return .end(.failed("That could not be saved, so the session stopped: \(error)"))
        }
        console.say(message)
        return .next
    }

    /// What an undone change was, in a few words.
    func describe(_ change: SessionChange) -> String {
        switch change {
        case .reviewed(let review): "the answer rated \(review.rating) is taken back."
        case .buried: "the card is no longer buried."
        case .suspended: "the card is no longer suspended."
        }
    }
}
