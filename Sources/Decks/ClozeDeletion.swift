/// One deletion of a cloze text: `{{c2::Hailsham}}` or `{{c2::Hailsham::a school}}`.
public struct ClozeDeletion: Sendable, Hashable {
    /// The deletion number: `c2` → 2. Deletions with the same number are asked together.
    public var number: Int
    /// The hidden text, which is the answer.
    public var answer: String
    /// The hint shown in place of the blank (`[a school]`), if the deletion has one.
    public var hint: String?

    /// Creates a deletion.
    public init(number: Int, answer: String, hint: String? = nil) {
        self.number = number
        self.answer = answer
        self.hint = hint
    }

    /// The blank shown in the question: `[...]`, or `[hint]` when the deletion has a hint.
    public var blank: String {
        "[" + (hint ?? "...") + "]"
    }
}
