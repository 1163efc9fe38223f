/// Proposes completions for the word under the cursor.
///
/// It is given the text of the line before the word and the word so far, and returns the
/// candidates (those that do not start with the word are dropped by the reader).
public typealias CompletionProvider = @Sendable (_ linePrefix: String, _ word: String) -> [String]
