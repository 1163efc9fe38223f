import Foundation
import GRDB
import GRDBSQLite
import Progress

/// `recall-bench sqlite-floor STORE [ANSWERS] [ITEMS]`: the SQLite work alone of a bulk
/// `recall sync` merge, as a floor to measure the merge against in the same run
/// (`recall-bench sync` runs it as a process of its own).
func runSQLiteFloor(_ arguments: [String]) throws {
    guard let path = arguments.first, arguments.count <= 3 else {
        throw StoreBenchmarkError(message: "usage: recall-bench sqlite-floor STORE [ANSWERS] [ITEMS]")
    }
    let answers = arguments.count > 1 ? Int(arguments[1]) ?? 0 : 2_000_000
    let items = arguments.count > 2 ? Int(arguments[2]) ?? 0 : 100_000
    guard answers >= 32, items > 0 else {
        throw StoreBenchmarkError(message: "ANSWERS must be at least 32 and ITEMS at least 1")
    }
    for step in try SQLiteFloor.run(path: path, answers: answers, items: items) {
        print("\(step.name): " + String(format: "%.2f s, CPU %.2f s", step.wall, step.cpu))
    }
}

/// The SQLite work alone of a bulk `recall sync` merge.
///
/// Into a copy of a fresh store, one transaction inserts `answers` review-log rows through the
/// store's own `BoundStatement` (24 columns, 32 rows per statement, ids in item order, times
/// and origins in an order unrelated to the ids, as a merge of two devices' journals has
/// them) and their origin rows, with the tally trigger, the time index and the origin index
/// dropped and built again at the end and CHECK constraints not evaluated per row; then it
/// commits and closes (the close checkpoints the WAL). It reads no journal and replays
/// nothing: everything it does, the merge does too.
struct SQLiteFloor {
    /// One timed step: its name, wall and CPU seconds.
    struct Step {
        var name: String
        var wall: Double
        var cpu: Double
    }

    /// Runs it on the store at `path` (a copy: it is written to) with `items` items.
    static func run(path: String, answers: Int, items: Int) throws -> [Step] {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY")
        }
        var steps: [Step] = []
        var last = (wall: DispatchTime.now().uptimeNanoseconds, cpu: cpuNanoseconds())
        func step(_ name: String) {
            let now = (wall: DispatchTime.now().uptimeNanoseconds, cpu: cpuNanoseconds())
            steps.append(
                Step(name: name, wall: Double(now.wall - last.wall) / 1e9, cpu: Double(now.cpu - last.cpu) / 1e9))
            last = now
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                try db.execute(
                    sql: "PRAGMA foreign_keys = OFF; PRAGMA cache_size = -65536; PRAGMA ignore_check_constraints = ON")
                last = (wall: DispatchTime.now().uptimeNanoseconds, cpu: cpuNanoseconds())
                try db.inTransaction(.immediate) {
                    try db.execute(
                        sql: "DROP TRIGGER review_day_insert; DROP INDEX review_time; DROP INDEX review_origin_origin")
                    try insert(answers: answers, items: items, into: db)
                    step("insert the review rows and their origins")
                    try db.execute(sql: "CREATE INDEX review_time ON review (reviewed_at)")
                    step("build the time index")
                    try db.execute(sql: "CREATE UNIQUE INDEX review_origin_origin ON review_origin (origin)")
                    step("build the origin index")
                    return .commit
                }
                step("commit")
            }
            try queue.close()
        }
        step("close (checkpoint)")
        return steps
    }

    /// The rows, 32 per statement.
    private static func insert(answers: Int, items: Int, into db: Database) throws {
        let rows = 32
        let row = "(" + Array(repeating: "?", count: 24).joined(separator: ", ") + ")"
        let insert = try BoundStatement(
            db,
            sql: """
                INSERT INTO review (id, item_id, session_id, reviewed_at, study_day, kind, rating, duration_ms,
                    before_phase, before_step, before_stability, before_difficulty, before_due, before_last_review,
                    before_reps, before_lapses, after_phase, after_step, after_stability, after_difficulty, after_due,
                    after_last_review, after_reps, after_lapses)
                VALUES \(Array(repeating: row, count: rows).joined(separator: ", "))
                """)
        let origin = try BoundStatement(
            db,
            sql: "INSERT INTO review_origin (review_id, origin) VALUES "
                + Array(repeating: "(?, ?)", count: rows).joined(separator: ", "))
        var random = CheckBenchmarkRandom(seed: 42)
        let start: Int64 = 1_735_689_600_000  // 2025-01-01
        for first in stride(from: 1, through: answers - rows + 1, by: rows) {
            for offset in 0..<rows {
                let id = Int64(first + offset)
                let base = Int32(offset * 24)
                let time = start + Int64(random.next() % 60_000_000) * 1_000  // within two years
                insert.bind(base + 1, id)
                insert.bind(base + 2, id * Int64(items) / Int64(answers) + 1)  // ids in item order
                insert.bind(base + 3, nil as Int64?)
                insert.bind(base + 4, time)
                insert.bind(base + 5, 20_089 + (time - start) / 86_400_000)
                insert.bind(base + 6, "study")
                insert.bind(base + 7, Int64(1 + random.next() % 4))
                insert.bind(base + 8, Int64(random.next() % 20_000))
                for state in 0..<2 {  // before and after
                    let column = base + 9 + Int32(state * 8)
                    insert.bind(column, "review")
                    insert.bind(column + 1, nil as Int64?)
                    insert.bind(column + 2, 1 + Double(random.next() % 100_000) / 997)
                    insert.bind(column + 3, 1 + Double(random.next() % 100_000) / 11_111)
                    insert.bind(column + 4, time + Int64(random.next() % 100) * 86_400_000)
                    insert.bind(column + 5, time - Int64(random.next() % 100) * 86_400_000)
                    insert.bind(column + 6, Int64(1 + random.next() % 40))
                    insert.bind(column + 7, Int64(random.next() % 5))
                }
                // Two devices, numbered in an order unrelated to the ids (a bijection of the id).
                let sequence = Int64((UInt64(id) &* 2_654_435_761) & 0xFFFF_FFFF)
                origin.bind(Int32(offset * 2 + 1), id)
                origin.bind(Int32(offset * 2 + 2), (1 + id % 2) << 40 | sequence)
            }
            try insert.run(db)
            try origin.run(db)
        }
    }

    private static func cpuNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
