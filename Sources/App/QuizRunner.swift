import Foundation
import Study
import Terminal

/// Runs a practice quiz at the terminal: every question, graded as it is answered and saved
/// as practice, then the score and the missed questions.
public final class QuizRunner {
    let console: Console
    /// The screen, made for each use so it follows the terminal's width.
    var screen: StudyScreen { StudyScreen(style: console.style, wrapper: console.wrapper) }
    let recorder: QuizRecorder
    let clock: () -> Date
    /// The quiz being run.
    public private(set) var quiz: Quiz

    /// Prepares a quiz.
    public init(quiz: Quiz, console: Console, recorder: QuizRecorder, clock: @escaping () -> Date = Date.init) {
        self.quiz = quiz
        self.console = console
        self.recorder = recorder
        self.clock = clock
    }

    /// Asks every question until the end or until the user stops; the result is shown by the caller.
    public func run() -> SessionEnding {
        console.reader.completion = SessionCommand.completion
        while let question = quiz.next(at: clock()) {
            console.say()
            let number = console.style.bold("Question \(quiz.number) of \(quiz.questions.count)")
            console.say(
                number + console.style.dim(" · " + screen.clean(question.deckTitle) + " · " + question.typeName))
            console.say(screen.question(question))
            if let ending = ask(question) { return ending }
        }
        return .finished
    }

    /// Reads answers until one is graded; returns the ending if the quiz ends here.
    func ask(_ question: Question) -> SessionEnding? {
        while true {
            let text: String
            switch console.reader.readLine(prompt: screen.answerPrompt(for: question)) {
            case .interrupted: return .interrupted
            case .endOfInput: return .endOfInput
            case .line(let line): text = line
            }
            if let parsed = SessionCommand.parse(text) {
                switch parsed {
                case .failure(let error):
                    console.say(error.description)
                case .success(.quit):
                    return .quit
                case .success(.skip):
                    guard let answer = quiz.giveUp(at: clock()) else { return nil }
                    console.say("Skipped.")
                    console.say(screen.answer(for: question))
                    return save(answer)
                case .success(.help):
                    console.say("  :skip     give up on this question (it counts as missed)")
                    console.say("  :quit     end the quiz (Ctrl-C does too)")
                case .success:
                    console.tell("Not in a quiz: type an answer, :skip to give up on the question, or :quit.")
                }
                continue
            }
            switch quiz.submit(text, at: clock()) {
            case .invalid(let message):
                console.tell(message)
            case .graded(let answer):
                console.say(screen.verdict(answer.verdict, for: question))
                return save(answer)
            }
        }
    }

    private func save(_ answer: QuizAnswer) -> SessionEnding? {
        do {
            try recorder.save(answer)
        } catch {
            return .failed("Your last answer could not be saved, so the quiz stopped: \(error)")
        }
        return nil
    }
}
