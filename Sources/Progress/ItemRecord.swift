import Foundation
import GRDB
import Scheduling

/// A row of `item`: one study item, its card, its schedule and its flags.
struct ItemRecord: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "item"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    var id: Int64
    var deckId: String
    var itemKey: String
    var cardId: String
    var contentHash: String
    var orphanedAt: Int64?
    var phase: String
    var step: Int64?
    var stability: Double?
    var difficulty: Double?
    var due: Int64
    var lastReview: Int64?
    var reps: Int64
    var lapses: Int64
    var suspended: Bool
    var buriedUntil: Int64?

    /// The item's reference.
    var ref: ItemRef { ItemRef(deckID: deckId, key: itemKey) }

    /// Its schedule, checked.
    func state() throws(StateDecodingError) -> CardState {
        guard let state = try StoredValue.state(
            phase: phase, step: step, stability: stability, difficulty: difficulty, due: due, lastReview: lastReview,
            reps: reps, lapses: lapses)
        else { throw StateDecodingError(detail: "an item without a state") }
        return state
    }

    /// Everything about the item, checked.
    func stored() throws(StateDecodingError) -> StoredItem {
        StoredItem(
            ref: ref, cardID: cardId, contentHash: contentHash, state: try state(), suspended: suspended,
            buriedUntil: try buriedUntil.map { value throws(StateDecodingError) in try StoredValue.time(value, "buried_until") },
            orphanedAt: try orphanedAt.map { value throws(StateDecodingError) in try StoredValue.time(value, "orphaned_at") })
    }

    /// The item of `ref`, if the store has it.
    static func fetchOne(_ db: Database, ref: ItemRef) throws -> ItemRecord? {
        try ItemRecord.filter(Column("deck_id") == ref.deckID && Column("item_key") == ref.key).fetchOne(db)
    }
}
