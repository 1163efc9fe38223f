import Foundation
import Scheduling
import Study

extension StudyScreen {
    /// The end-of-session screen: cards studied, right and wrong, time spent, and what is
    /// due next and when.
    public func summary(_ summary: SessionSummary, ending: SessionEnding, outlook: DueOutlook?, at now: Date) -> String
    {
        var lines: [String] = []
        if let message = ending.message { lines.append(message) }
        if summary.studied == 0 {
            lines.append(style.bold("No cards studied") + " (\(Self.duration(summary.elapsed))).")
        } else {
            lines.append(
                style.bold("Studied \(Self.count(summary.studied, "card"))") + " in \(Self.duration(summary.elapsed)): "
                    + style.green("\(summary.right) right") + ", " + style.red("\(summary.wrong) wrong") + ".")
            let ratings = Rating.allCases.map { "\($0) \(summary.ratings[$0, default: 0])" }.joined(separator: " · ")
            lines.append("  " + ratings + (summary.newStudied > 0 ? "  (\(summary.newStudied) new)" : ""))
        }
        var extras: [String] = []
        if summary.buried > 0 { extras.append("\(summary.buried) buried") }
        if summary.suspended > 0 { extras.append("\(summary.suspended) suspended") }
        if summary.notReached.total > 0 { extras.append("\(Self.count(summary.notReached.total, "card")) not reached") }
        if !extras.isEmpty { lines.append("  " + extras.joined(separator: ", ") + ".") }
        lines.append(whatNext(summary, outlook: outlook, at: now))
        if let reviews = outlook?.reviewsToday, let streak = outlook?.streak {
            lines.append(
                "Today: \(Self.count(reviews, "answer")) · streak \(Self.count(streak.current, "day")) (type \"stats\" for more)."
            )
        }
        return lines.joined(separator: "\n")
    }

    /// "Next: …": the first learning card still in its steps, then what is due today and tomorrow.
    func whatNext(_ summary: SessionSummary, outlook: DueOutlook?, at now: Date) -> String {
        var parts: [String] = []
        if let first = summary.pendingLearning.first {
            let wait = IntervalFormatter.string(from: now, to: first.due)
            parts.append(
                "\(Self.count(summary.pendingLearning.count, "learning card")) to see again, the first in \(wait)")
        }
        if let outlook {
            let laterToday = max(0, outlook.today - summary.pendingLearning.count)
            if laterToday > 0 { parts.append("\(laterToday) more due today") }
            if outlook.tomorrow > 0 { parts.append("\(outlook.tomorrow) due tomorrow") }
        }
        guard !parts.isEmpty else { return "Next: nothing else is due today or tomorrow." }
        return "Next: " + parts.joined(separator: "; ") + "."
    }
}
