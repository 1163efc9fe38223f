/// Value names that tell Tab completion at the prompt what an argument takes: an argument
/// declared with `valueName: CompletionValue.deck` completes deck ids, and so on. Options
/// with a fixed list of values complete them from `completion: .list([...])`.
enum CompletionValue {
    /// A deck id.
    static let deck = "deck"
    /// A deck or card tag.
    static let tag = "tag"
    /// A command name.
    static let command = "command"
}
