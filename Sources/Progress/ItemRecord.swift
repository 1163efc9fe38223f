import Foundation
import GRDB
import Scheduling

/// A row of `item`: one study item, its card, its schedule and its flags.
///
/// Decoded by hand from ``databaseSelection``'s columns, in that order: queues and stats read
/// thousands of items, and GRDB's `Decodable` decoding costs about 20 µs a row.
struct ItemRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "item"
    /// The columns read, in the order `init(row:)` reads them.
    static let columns = [
        "id", "deck_id", "item_key", "card_id", "content_hash", "orphaned_at", "phase", "step", "stability",
        "difficulty", "due", "last_review", "reps", "lapses", "suspended", "buried_until",
    ]
    static var databaseSelection: [any SQLSelectable] { columns.map { Column($0) } }
    /// The columns, comma-separated, for SQL written by hand (`prefix` names the table).
    static func columnList(prefix: String = "") -> String {
        columns.map { prefix + $0 }.joined(separator: ", ")
    }

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

    init(row: Row) throws {
        id = row[0]
        deckId = row[1]
        itemKey = row[2]
        cardId = row[3]
        contentHash = row[4]
        orphanedAt = row[5]
        phase = row[6]
        step = row[7]
        stability = row[8]
        difficulty = row[9]
        due = row[10]
        lastReview = row[11]
        reps = row[12]
        lapses = row[13]
        suspended = row[14]
        buriedUntil = row[15]
    }

    /// The item's reference.
    var ref: ItemRef { ItemRef(deckID: deckId, key: itemKey) }

    /// Its schedule, checked.
    func state() throws(StateDecodingError) -> CardState {
        guard
            let state = try StoredValue.state(
                phase: phase, step: step, stability: stability, difficulty: difficulty, due: due,
                lastReview: lastReview,
                reps: reps, lapses: lapses)
        else { throw StateDecodingError(detail: "an item without a state") }
        return state
    }

    /// Everything about the item, checked.
    func stored() throws(StateDecodingError) -> StoredItem {
        StoredItem(
            ref: ref, cardID: cardId, contentHash: contentHash, state: try state(), suspended: suspended,
            buriedUntil: try buriedUntil.map { value throws(StateDecodingError) in
                try StoredValue.time(value, "buried_until")
            },
            orphanedAt: try orphanedAt.map { value throws(StateDecodingError) in
                try StoredValue.time(value, "orphaned_at")
            })
    }

    /// The item of `ref`, if the store has it.
    static func fetchOne(_ db: Database, ref: ItemRef) throws -> ItemRecord? {
        try ItemRecord.filter(Column("deck_id") == ref.deckID && Column("item_key") == ref.key).fetchOne(db)
    }
}
