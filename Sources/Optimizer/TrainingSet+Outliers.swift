extension TrainingSet {
    /// The items fsrs-rs fits on, after its outlier filter.
    public struct Split: Sendable {
        /// The items that pretrain the initial stabilities: each card's first review with
        /// `delta_t > 0`, in the groups (first rating, `delta_t`) the filter kept.
        public var initialization: [Item]
        /// The items to train on, in the set's order: those whose card's first rating and first
        /// `delta_t > 0` are not in a group the filter removed.
        public var training: [Item]
    }

    /// The position of a card's first review with `delta_t > 0`, if any.
    func firstLongTermPosition(ofCard card: Int) -> Int? {
        let start = Int(cardStarts[card])
        let end = Int(cardStarts[card + 1])
        var index = start + 1
        while index < end {
            if deltas[index] > 0 { return index - start }
            index += 1
        }
        return nil
    }

    /// Per card, the position of its first review with `delta_t > 0` (−1 when it has none).
    func firstLongTermPositions() -> [Int32] {
        (0..<cardCount).map { Int32(firstLongTermPosition(ofCard: $0) ?? -1) }
    }

    /// The rating of a card's first review.
    func firstRating(ofCard card: Int) -> Int { Int(ratings[Int(cardStarts[card])]) }

    /// Splits the items as fsrs-rs's `prepare_training_data` does.
    ///
    /// The first-long-term items are grouped by first rating, then by `delta_t`. Within a
    /// rating, groups are taken from the smallest (ties: shortest `delta_t` first) and removed
    /// until 5 % of the rating's items (at least 20) are gone; of the rest, groups with fewer
    /// than 6 items or a `delta_t` over 100 days (365 for Easy) are removed too. Training items
    /// whose card falls in a removed (rating, `delta_t`) pair are dropped.
    public func splitForTraining() -> Split {
        // rating → delta_t → indices of first-long-term items.
        let firstLongTerm = firstLongTermPositions()
        var groups: [Int: [Int32: [Int]]] = [:]
        for (index, item) in items.enumerated() where item.length == firstLongTerm[Int(item.card)] + 1 {
            let card = Int(item.card)
            let delta = deltas[Int(cardStarts[card]) + Int(item.length) - 1]
            groups[firstRating(ofCard: card), default: [:]][delta, default: []].append(index)
        }
        var removed: [Set<Int32>] = Array(repeating: [], count: 5)
        var kept: [Int] = []
        for rating in groups.keys.sorted() {
            guard let byDelta = groups[rating] else { continue }
            // Largest first (ties: longest delta_t first), then walked from the end.
            let subgroups = byDelta.sorted { ($0.value.count, $0.key) > ($1.value.count, $1.key) }
            let total = subgroups.reduce(0) { $0 + $1.value.count }
            var removedCount = 0
            for (delta, indices) in subgroups.reversed() {
                if removedCount + indices.count >= max(20, total / 20) {
                    if indices.count >= 6 && delta <= (rating != 4 ? 100 : 365) {
                        kept.append(contentsOf: indices)
                    } else {
                        removed[rating].insert(delta)
                    }
                } else {
                    removedCount += indices.count
                    removed[rating].insert(delta)
                }
            }
        }
        let training = items.filter { item in
            let card = Int(item.card)
            let position = firstLongTerm[card]
            guard position >= 0 else { return true }
            return !removed[firstRating(ofCard: card)].contains(deltas[Int(cardStarts[card] + position)])
        }
        return Split(initialization: kept.map { items[$0] }, training: training)
    }
}
