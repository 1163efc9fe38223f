import Foundation
import GRDB
import GRDBSQLite
import Scheduling

/// A prepared statement driven through SQLite's C API, for the millions of inserts of an
/// import, a sync merge or an Anki export: values are bound one by one, with no
/// `StatementArguments` array built per row.
public struct BoundStatement {
    /// The GRDB statement (it owns the SQLite handle).
    public let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Prepares `sql` on `db` (`cached`: reuses the connection's cached statement for it).
    public init(_ db: Database, cached: Bool = false, sql: String) throws {
        statement = try cached ? db.cachedStatement(sql: sql) : db.makeStatement(sql: sql)
        // GRDB resets a statement before it runs it, not after: values bound to one that ran
        // and was not reset would be refused.
        sqlite3_reset(statement.sqliteStatement)
        sqlite3_clear_bindings(statement.sqliteStatement)
    }

    /// Binds parameter `index` (1-based).
    public func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    /// Binds parameter `index` (1-based).
    public func bind(_ index: Int32, _ value: Int?) {
        bind(index, value.map(Int64.init))
    }

    /// Binds parameter `index` (1-based).
    public func bind(_ index: Int32, _ value: Bool) {
        sqlite3_bind_int64(handle, index, value ? 1 : 0)
    }

    /// Binds parameter `index` (1-based).
    public func bind(_ index: Int32, _ value: Double?) {
        if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    /// Binds parameter `index` (1-based); SQLite copies the text.
    public func bind(_ index: Int32, _ value: String?) {
        guard var text = value else {
            sqlite3_bind_null(handle, index)
            return
        }
        text.withUTF8 { bytes in
            _ = sqlite3_bind_text(
                handle, index, bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                Int32(bytes.count), Self.transient)
        }
    }

    /// Binds parameter `index` (1-based) to `text`, which SQLite reads in place (no copy).
    private func bind(_ index: Int32, static text: StaticText) {
        sqlite3_bind_text(handle, index, text.pointer, text.count, nil)
    }

    /// Binds parameter `index` (1-based) to the kind's name.
    public func bind(_ index: Int32, _ kind: ReviewKind) {
        bind(index, static: StaticText.kinds[kind] ?? StaticText(kind.rawValue))
    }

    /// Binds a card state (or eight NULLs) from parameter `index` on, in the order of
    /// `StateColumns.names` and with the values of `StateColumns.values(of:)`.
    public func bind(_ index: Int32, _ state: CardState?) {
        guard let state else {
            for offset in 0..<Int32(StateColumns.names.count) { sqlite3_bind_null(handle, index + offset) }
            return
        }
        bind(index, static: StaticText.phases[state.phase] ?? StaticText(state.phase.rawValue))
        bind(index + 1, state.step)
        bind(index + 2, state.stability)
        bind(index + 3, state.difficulty)
        bind(index + 4, state.due.unixMilliseconds)
        bind(index + 5, state.lastReview?.unixMilliseconds)
        bind(index + 6, state.reps)
        bind(index + 7, state.lapses)
    }

    /// Runs the statement with the values bound, then resets it.
    public func run(_ db: Database) throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}
