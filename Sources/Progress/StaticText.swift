import Scheduling

/// A NUL-terminated copy of a short name, made once and never freed, that SQLite can be
/// given without copying it (the names of phases and kinds, bound a million times each).
struct StaticText: @unchecked Sendable {
    /// The bytes (valid for the life of the process).
    let pointer: UnsafePointer<CChar>
    /// Their count, without the NUL.
    let count: Int32

    /// A copy of `text`.
    init(_ text: String) {
        let bytes = Array(text.utf8CString)
        let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        copy.initialize(from: bytes, count: bytes.count)
        pointer = UnsafePointer(copy)
        count = Int32(bytes.count - 1)
    }

    /// Every card phase's name.
    static let phases: [CardPhase: StaticText] = Dictionary(
        uniqueKeysWithValues: CardPhase.allCases.map { ($0, StaticText($0.rawValue)) })
    /// Every review kind's name.
    static let kinds: [ReviewKind: StaticText] = Dictionary(
        uniqueKeysWithValues: ReviewKind.allCases.map { ($0, StaticText($0.rawValue)) })
}
