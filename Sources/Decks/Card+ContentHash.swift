extension Card {
    /// A stable hash of what the card asks and accepts, so the progress store can notice
    /// an edited card: 16 lowercase hex digits of FNV-1a 64.
    ///
    /// It covers the type and what the card asks and accepts (front and back; prompt and
    /// answers; prompt, choices and answer; statement and answer; cloze text), as exact
    /// UTF-8, each followed by a 0x1F separator. It leaves out the id, `reverse` (adding
    /// the reverse card does not change the forward one) and the editorial fields (tags,
    /// hint, explanation, source, location): fixing a typo in an explanation is not a new
    /// card. The same on every run and platform.
    public var contentHash: String {
        var hash = FNV1a64()
        hash.combine(field: content.typeName)
        switch content {
        case .basic(let front, let back, _):
            hash.combine(field: front)
            hash.combine(field: back)
        case .typed(let prompt, let answers):
            hash.combine(field: prompt)
            hash.combine(field: String(answers.count))
            for answer in answers { hash.combine(field: answer) }
        case .choice(let prompt, let choices, let answer):
            hash.combine(field: prompt)
            hash.combine(field: String(choices.count))
            for choice in choices { hash.combine(field: choice) }
            hash.combine(field: answer)
        case .trueFalse(let statement, let answer):
            hash.combine(field: statement)
            hash.combine(field: answer ? "true" : "false")
        case .cloze(let text):
            hash.combine(field: text)
        }
        return hash.hexDigest
    }
}
