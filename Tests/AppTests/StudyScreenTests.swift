import Decks
import Foundation
import Progress
import Scheduling
import Study
import Terminal
import Testing

@testable import App

@Suite struct StudyScreenTests {
    let plain = StudyScreen(style: .plain, wrapper: TextWrapper(width: 40))
    let wide = StudyScreen(style: .plain, wrapper: TextWrapper(width: 80))
    let colour = StudyScreen(style: Style(enabled: true), wrapper: TextWrapper(width: 40))

    func question(prompt: String, kind: QuestionKind, expected: String, explanation: String? = nil) -> Question {
        Question(
            item: StudyItem(deckID: "d", cardID: "c", variant: .forward), deckTitle: "Deck\u{1B}]0;title\u{07}",
            kind: kind,
            prompt: prompt, hint: nil, expectedAnswer: expected, explanation: explanation, source: nil, location: nil)
    }

    @Test func deckTextIsSanitisedBeforeItIsShown() {
        let asked = question(
            prompt: "Who\u{1B}[2J narrates?", kind: .typed(answers: ["Kathy"]), expected: "Ka\u{9B}31mthy")
        #expect(
            wide.header(deckTitle: asked.deckTitle, typeName: asked.typeName, remaining: QueueCounts(new: 1))
                == "Deck · typed    new 1 · learning 0 · review 0")
        #expect(plain.question(asked) == "Who narrates?")
        #expect(plain.verdict(.incorrect(closest: nil, differences: []), for: asked) == "Wrong.\nAnswer: Kathy")
    }

    @Test func choicesAreLabelledAndLongTextWraps() {
        let options = [
            ChoiceOption(label: "a", text: "Ruth"),
            ChoiceOption(label: "b", text: "A guardian who tells the students the truth"),
        ]
        let asked = question(
            prompt: "Who is Kathy's closest friend at Hailsham and later?", kind: .choice(options: options, correct: 0),
            expected: "a) Ruth")
        #expect(
            plain.question(asked) == """
                Who is Kathy's closest friend at
                Hailsham and later?
                  a) Ruth
                  b) A guardian who tells the students
                     the truth
                """)
        #expect(plain.answerPrompt(for: asked) == "a-b> ")
        // A right choice needs no "Answer:" line.
        #expect(plain.verdict(.correct, for: asked) == "Right.")
    }

    @Test func differencesAreMarkedWithoutColourAndColouredOnATerminal() {
        let segments = [
            DiffSegment(.same, "Hailsh"), DiffSegment(.typedOnly, "e"), DiffSegment(.expectedOnly, "a"),
            DiffSegment(.same, "m"),
        ]
        #expect(plain.diff(segments) == "Hailsh[-e-]{+a+}m")
        #expect(
            colour.diff(segments)
                == "Hailsh\u{1B}[31m\u{1B}[9me\u{1B}[0m\u{1B}[0m\u{1B}[32m\u{1B}[1ma\u{1B}[0m\u{1B}[0mm")
    }

    // F6 (issue 16): the header and the rating line were never wrapped: 113 columns on a
    // 40-column terminal.
    @Test func theHeaderAndTheButtonsFitTheScreen() {
        let title = "Never Let Me Go: Context and Reception, with the film and the critics"
        let header = plain.header(
            deckTitle: title, typeName: "choice", remaining: QueueCounts(new: 12, learning: 3, review: 140))
        #expect(
            header
                == "Never Let Me Go: Context and Reception,\nwith the film and the critics · choice\nnew 12 · learning 3 · review 140"
        )
        let labels: [Rating: String] = [.again: "10m", .hard: "2d", .good: "4d", .easy: "9d"]
        #expect(plain.buttons(labels) == "1 again 10m  2 hard 2d  3 good 4d\n4 easy 9d")
        let narrow = StudyScreen(style: .plain, wrapper: TextWrapper(width: 12))
        #expect(narrow.buttons(labels).split(separator: "\n").count == 4)
        for screen in [plain, narrow] {
            let lines =
                (screen.header(deckTitle: title, typeName: "choice", remaining: QueueCounts(new: 1)) + "\n"
                + screen.buttons(labels))
                .split(separator: "\n")
            #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= screen.wrapper.width }, "\(lines)")
        }
        // Styled, the proposed button is bold on whichever line it lands.
        let styled = StudyScreen(style: Style(enabled: true), wrapper: TextWrapper(width: 40))
        #expect(styled.buttons(labels, proposed: .easy).hasSuffix("\n" + Style(enabled: true).bold("4 easy 9d")))
    }

    @Test func buttonsShowEachInterval() {
        let labels: [Rating: String] = [.again: "10m", .hard: "2d", .good: "4d", .easy: "9d"]
        #expect(wide.buttons(labels) == "1 again 10m  2 hard 2d  3 good 4d  4 easy 9d")
        #expect(plain.ratingPrompt(proposed: .good) == "rating [3 good]> ")
        #expect(plain.ratingPrompt(proposed: nil) == "rating 1-4> ")
    }

    @Test func theSummarySaysWhatWasDoneAndWhatComesNext() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let summary = SessionSummary(
            studied: 10, newStudied: 4, right: 8, wrong: 2, ratings: [.again: 2, .hard: 1, .good: 6, .easy: 1],
            buried: 1,
            suspended: 0, startedAt: now, elapsed: 192, answeringTime: 150,
            pendingLearning: [
                SessionSummary.PendingItem(
                    item: StudyItem(deckID: "d", cardID: "c", variant: .forward), due: now.addingTimeInterval(600))
            ],
            notReached: QueueCounts())
        #expect(
            plain.summary(summary, ending: .interrupted, outlook: DueOutlook(today: 3, tomorrow: 14), at: now) == """
                Session ended (Ctrl-C). Every answer is saved.
                Studied 10 cards in 3m 12s: 8 right, 2 wrong.
                  again 2 · hard 1 · good 6 · easy 1  (4 new)
                  1 buried.
                Next: 1 learning card to see again, the first in 10m; 2 more due today; 14 due tomorrow.
                """)
        // With the stats' figures, a line on today's answers and the streak.
        let outlook = DueOutlook(
            today: 0, tomorrow: 2, reviewsToday: 31, streak: StudyStreak(current: 6, longest: 9, studiedToday: true))
        #expect(
            plain.summary(summary, ending: .finished, outlook: outlook, at: now).components(separatedBy: "\n").suffix(2)
                == [
                    "Next: 1 learning card to see again, the first in 10m; 2 due tomorrow.",
                    "Today: 31 answers · streak 6 days (type \"stats\" for more).",
                ])
        #expect(StudyScreen.duration(3725) == "1h 02m")
    }

    @Test func theQuizResultListsEveryMissedQuestion() {
        let asked = question(prompt: "Which school?", kind: .typed(answers: ["Hailsham"]), expected: "Hailsham")
        let missed = QuizAnswer(
            question: asked, answer: "Cottages", verdict: .incorrect(closest: nil, differences: []), time: Date(),
            duration: 3)
        let result = QuizResult(total: 3, answered: 3, correct: 2, missed: [missed])
        #expect(
            plain.quizResult(result, ending: .finished) == """
                Score: 2/3 (67%).
                Missed:
                  1. Which school?
                     you: Cottages
                     answer: Hailsham
                """)
    }
}
