import Scheduling

extension SplitMix64 {
    /// A uniform integer in `0..<bound` (`bound` must be positive), without modulo bias.
    ///
    /// Study draws all its chance — shuffled choices, quiz picks — through this and
    /// ``shuffled(_:)`` rather than the standard library's `shuffled(using:)`, whose draws
    /// are not promised to stay the same across Swift versions: a seed must always give
    /// the same session.
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let limit = UInt64(bound)
        // Lemire's method: reject the few draws that would favour the low values.
        let threshold = (0 &- limit) % limit
        while true {
            let product = next().multipliedFullWidth(by: limit)
            if product.low >= threshold { return Int(product.high) }
        }
    }

    /// The elements of `elements` in a uniformly random order (Fisher–Yates).
    public mutating func shuffled<Element>(_ elements: [Element]) -> [Element] {
        var result = elements
        var index = result.count - 1
        while index > 0 {
            result.swapAt(index, nextInt(below: index + 1))
            index -= 1
        }
        return result
    }
}
