import Decks
import Foundation
import Scheduling

/// A change a study session asks the caller to save, or (from ``StudySession/undo(at:)``)
/// to take back.
public enum SessionChange: Sendable, Hashable {
    /// An answer: save the review and the item's new state. Undo: delete the review and
    /// restore `before`.
    case reviewed(SessionReview)
    /// The item is buried until `until` (the start of the next study day). Undo: unbury it.
    case buried(StudyItem, until: Date)
    /// The item is suspended until the user unsuspends it. Undo: unsuspend it.
    case suspended(StudyItem)

    /// The item the change is about.
    public var item: StudyItem {
        switch self {
        case .reviewed(let review): review.item
        case .buried(let item, _), .suspended(let item): item
        }
    }
}
