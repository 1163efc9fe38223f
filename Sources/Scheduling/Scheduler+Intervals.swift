import Foundation

extension Scheduler {
    /// The label of the wait each rating would give, for the answer buttons ("10m", "2d", …).
    public func intervalLabels(_ state: CardState, at now: Date) -> [Rating: String] {
        preview(state, at: now).mapValues { IntervalFormatter.string(from: now, to: $0.due) }
    }
}
