/// A JSON syntax error: where it is, what is wrong, and the card being parsed if any.
struct JSONSyntaxError: Error, Sendable, Equatable {
    /// The byte offset of the problem in the file.
    var offset: Int
    /// What is wrong and how to fix it.
    var message: String
    /// The 0-based index in the top-level `cards` list of the card the error is in.
    var cardIndex: Int?
    /// That card's `id`, when it was read before the error.
    var cardID: String?
}
