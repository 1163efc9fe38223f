import Decks
import Foundation
import Scheduling
import Testing

@testable import Study

/// Answering one item of a card buries its siblings (its reverse, its other cloze deletions)
/// until the next study day, as Anki does, unless the deck keeps them.
struct SiblingBuryingTests {
    static let nextDay = t0 + 18 * 3_600

    /// The forward and reverse of a basic card, the two deletions of a cloze, and another card,
    /// all new, in deck `deck`.
    static func cards(deck: String = "plot", reversePhase: CardPhase = .new) -> [StudyCard] {
        let basic = Card(id: "b", content: .basic(front: "Who narrates?", back: "Kathy", reverse: true))
        let cloze = Card(id: "c", content: .cloze(text: "{{c1::Ruth}} and {{c2::Tommy}}"))
        let other = Card(id: "o", content: .basic(front: "Where?", back: "Hailsham", reverse: false))
        func study(_ card: Card, _ variant: StudyItem.Variant, phase: CardPhase = .new) -> StudyCard {
            var state = CardState.new(due: t0)
            if phase != .new {
                state = CardState(
                    phase: phase, step: phase == .review ? nil : 0, stability: 3, difficulty: 5, due: t0,
                    lastReview: t0 - 86_400, reps: 2)
            }
            return StudyCard(
                item: StudyItem(deckID: deck, cardID: card.id, variant: variant), card: card, deckTitle: "Plot",
                state: state)
        }
        return [
            study(basic, .forward), study(basic, .reverse, phase: reversePhase), study(cloze, .cloze(1)),
            study(cloze, .cloze(2)), study(other, .forward),
        ]
    }

    /// Answers good to whatever comes next until the session ends; the keys asked.
    static func drain(_ session: inout StudySession, burying: Bool = true) -> (asked: [String], buried: [String]) {
        var asked: [String] = []
        var buried: [String] = []
        var now = t0
        while let question = session.next(at: now), asked.count < 50 {
            asked.append(question.item.key)
            let review = session.rate(.easy, at: now, buryingSiblingsUntil: burying ? nextDay : nil)
            buried += review?.buriedSiblings.map(\.key) ?? []
            if let review, !review.buriedSiblings.isEmpty { #expect(review.siblingsBuriedUntil == nextDay) }
            now += 1
        }
        return (asked, buried)
    }

    @Test func answeringOneSideBuriesTheOthersUntilTheNextDay() {
        var session = StudySession(cards: Self.cards(), scheduler: FakeScheduler(), startedAt: t0)
        #expect(session.remaining(at: t0).new == 5)
        let (asked, buried) = Self.drain(&session)
        #expect(asked == ["b", "c#c1", "o"])
        #expect(buried == ["b#reverse", "c#c2"])
    }

    @Test func aDeckThatKeepsSiblingsAsksEverySide() {
        var session = StudySession(
            cards: Self.cards(), scheduler: FakeScheduler(), options: StudySessionOptions(siblingsKeptIn: ["plot"]),
            startedAt: t0)
        let (asked, buried) = Self.drain(&session)
        #expect(asked == ["b", "b#reverse", "c#c1", "c#c2", "o"])
        #expect(buried.isEmpty)
        // Only that deck: the same cards in another deck are buried.
        var other = StudySession(
            cards: Self.cards(deck: "cast"), scheduler: FakeScheduler(),
            options: StudySessionOptions(siblingsKeptIn: ["plot"]),
            startedAt: t0)
        #expect(Self.drain(&other).buried == ["b#reverse", "c#c2"])
    }

    @Test func withoutADayToBuryUntilNothingIsBuried() {
        var session = StudySession(cards: Self.cards(), scheduler: FakeScheduler(), startedAt: t0)
        #expect(Self.drain(&session, burying: false).asked.count == 5)
    }

    @Test func undoBringsTheSiblingsBack() {
        var session = StudySession(cards: Self.cards(), scheduler: FakeScheduler(), startedAt: t0)
        _ = session.next(at: t0)
        let review = session.rate(.easy, at: t0, buryingSiblingsUntil: Self.nextDay)
        #expect(review?.buriedSiblings.map(\.key) == ["b#reverse"])
        #expect(session.remaining(at: t0).new == 3)
        guard case .reviewed(let undone)? = session.undo(at: t0) else {
            Issue.record("nothing undone")
            return
        }
        #expect(undone.buriedSiblings.map(\.key) == ["b#reverse"])
        #expect(session.remaining(at: t0).new == 5)
    }

    @Test func aSiblingInTheLearningStepsStays() {
        var session = StudySession(
            cards: Self.cards(reversePhase: .learning), scheduler: FakeScheduler(), startedAt: t0)
        let (asked, buried) = Self.drain(&session)
        #expect(asked.contains("b#reverse"))
        #expect(!buried.contains("b#reverse"))
    }
}
