import Decks
import Foundation
import Progress
import Scheduling
import Study
import Terminal

/// One study item as `cards` shows it; its JSON keys are exactly `deck`, `card`, `item`,
/// `type`, `prompt`, `state`, `due`, `stability`, `difficulty`, `reps`, `lapses`,
/// `suspended`, `buried` (later commands and their tests rely on them).
struct CardRow: Encodable, Hashable {
    var deck: String
    var card: String
    var item: String
    var type: String
    var prompt: String
    /// new, learning, review or relearning.
    var state: String
    /// When it is due; `nil` for a new item.
    var due: Date?
    var stability: Double?
    var difficulty: Double?
    var reps: Int
    var lapses: Int
    var suspended: Bool
    /// Buried until a moment still to come.
    var buried: Bool
    /// The expected answer (searched, not shown).
    var answer: String

    enum CodingKeys: String, CodingKey {
        case deck, card, item, type, prompt, state, due, stability, difficulty, reps, lapses, suspended, buried
    }

    /// The row of `item` (of `card` in `deck`), with its stored schedule if any; the deck's
    /// text sanitised.
    init(deck: Deck, card: Card, item: StudyItem, stored: StoredItem?, now: Date) {
        var random = SplitMix64(seed: 0)
        let question = Question(card: card, item: item, random: &random)
        self.deck = Sanitizer.clean(deck.id, keepNewlines: false)
        self.card = Sanitizer.clean(card.id, keepNewlines: false)
        self.item = Sanitizer.clean(item.key, keepNewlines: false)
        type = card.content.typeName
        prompt = Sanitizer.clean(question?.prompt ?? "", keepNewlines: false)
        answer = Sanitizer.clean(question?.expectedAnswer ?? "", keepNewlines: false)
        let state = stored?.state
        self.state = (state?.phase ?? .new).rawValue
        due = state.flatMap { $0.phase == .new ? nil : $0.due }
        stability = state?.stability.map(Self.rounded)
        difficulty = state?.difficulty.map(Self.rounded)
        reps = state?.reps ?? 0
        lapses = state?.lapses ?? 0
        suspended = stored?.suspended ?? false
        buried = stored?.buriedUntil.map { $0 > now } ?? false
    }

    /// Six decimals, as `replay` prints them.
    static func rounded(_ value: Double) -> Double {
        (value * 1_000_000).rounded() / 1_000_000
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(deck, forKey: .deck)
        try container.encode(card, forKey: .card)
        try container.encode(item, forKey: .item)
        try container.encode(type, forKey: .type)
        try container.encode(prompt, forKey: .prompt)
        try container.encode(state, forKey: .state)
        try container.encode(due.map(Self.utc), forKey: .due)
        try container.encode(stability, forKey: .stability)
        try container.encode(difficulty, forKey: .difficulty)
        try container.encode(reps, forKey: .reps)
        try container.encode(lapses, forKey: .lapses)
        try container.encode(suspended, forKey: .suspended)
        try container.encode(buried, forKey: .buried)
    }

    /// "2026-11-22T09:30:12Z".
    static func utc(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// "2026-11-22 09:30", local time.
    static func local(_ date: Date) -> String {
        let parts = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
    }

    /// The rows as an aligned table, each prompt cut so a row fits in `width` columns.
    static func table(_ rows: [CardRow], width: Int, style: Style) -> String {
        let header = [
            "DECK", "CARD", "ITEM", "TYPE", "STATE", "DUE", "STAB", "DIFF", "REPS", "LAPSES", "FLAGS", "PROMPT",
        ]
        var cells = rows.map { row -> [String] in
            let flags = [row.suspended ? "suspended" : nil, row.buried ? "buried" : nil].compactMap { $0 }.joined(
                separator: ",")
            return [
                row.deck, row.card, row.item, row.type, row.state, row.due.map(local) ?? "-",
                row.stability.map { String(format: "%.2f", $0) } ?? "-",
                row.difficulty.map { String(format: "%.2f", $0) } ?? "-",
                String(row.reps), String(row.lapses), flags.isEmpty ? "-" : flags, row.prompt,
            ]
        }
        let used = (0..<header.count - 1).reduce(0) { total, column in
            total + 2 + cells.reduce(DisplayWidth.of(header[column])) { max($0, DisplayWidth.of($1[column])) }
        }
        let room = max(20, width - used)
        for index in cells.indices {
            cells[index][header.count - 1] = StatsScreen.cut(cells[index][header.count - 1], to: room)
        }
        return Table.render(header: header, rows: cells, style: style)
    }
}
