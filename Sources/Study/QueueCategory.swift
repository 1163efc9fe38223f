/// The three counts of a study header: new · learning · review.
public enum QueueCategory: String, Sendable, Hashable, CaseIterable {
    /// Never studied.
    case new
    /// In the learning or relearning steps.
    case learning
    /// Graduated and due for review.
    case review
}
