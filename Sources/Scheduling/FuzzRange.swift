/// The spread fuzz may give a review interval (py-fsrs 6.3.2's fuzz ranges).
public enum FuzzRange {
    /// The interval range [low, high] in days a fuzzed `days` interval is drawn from.
    ///
    /// delta = 1 + 0.15 · |[2.5, 7] ∩ [2.5, I]| + 0.10 · |[7, 20] ∩ [2.5, I]| + 0.05 · |[20, ∞) ∩ [2.5, I]|;
    /// the range is [max(2, round(I − delta)), min(round(I + delta), maximum)].
    public static func bounds(days: Int, maximumInterval: Int) -> ClosedRange<Int> {
        let interval = Double(days)
        var delta = 1.0
        for (start, end, factor) in [(2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, Double.infinity, 0.05)] {
            delta += factor * max(min(interval, end) - start, 0)
        }
        let high = min(Int((interval + delta).rounded(.toNearestOrEven)), maximumInterval)
        let low = min(max(2, Int((interval - delta).rounded(.toNearestOrEven))), high)
        return low...high
    }

    /// The fuzzed interval for `days`, given a uniform `unit` in [0, 1); intervals under 2.5
    /// days are not fuzzed. The result grows with `days` for a fixed `unit`.
    public static func fuzzed(days: Int, maximumInterval: Int, unit: Double) -> Int {
        guard Double(days) >= 2.5 else { return days }
        let range = bounds(days: days, maximumInterval: maximumInterval)
        let value = unit * Double(range.upperBound - range.lowerBound + 1) + Double(range.lowerBound)
        return min(Int(value.rounded(.toNearestOrEven)), maximumInterval)
    }
}
