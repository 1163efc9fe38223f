import Foundation
import GRDB
import Testing

/// Files that are not sound recall stores, seen from the command line: refused, untouched.
@Suite struct StoreDamageTests {
    @Test func aFileThatIsNotAStoreFailsWithExit1AndIsLeftAlone() throws {
        let sandbox = try REPLSandbox()
        let path = try sandbox.write("my shopping list\neggs\n", to: "list.sqlite")
        for arguments in [
            ["log", "--store", path], ["debug", "record-answer", "--store", path, "--deck", "d", "--card", "c"],
        ] {
            let run = try sandbox.pipe(arguments, input: "")
            #expect(run.status == 1)
            #expect(
                run.errors
                    == "error: cannot open progress store \(path): it is not a recall progress store (file is not a database); "
                    + "move it aside or pass another path with --store\n")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "my shopping list\neggs\n")
    }

    @Test func aDamagedStoreFailsWithExit1AndIsLeftAlone() throws {
        let sandbox = try REPLSandbox()
        let store = sandbox.path("progress.sqlite")
        let made = try sandbox.pipe(
            ["debug", "record-answer", "--store", store, "--deck", "plot", "--card", "ruth", "--count", "3"], input: "")
        #expect(made.status == 0)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: store))
        for offset in (4 * 4_096 + 8)..<(4 * 4_096 + 600) { bytes[offset] = 0x5A }
        try bytes.write(to: URL(fileURLWithPath: store))
        for arguments in [["log"], ["debug", "record-answer", "--deck", "plot", "--card", "ruth"]] {
            let run = try sandbox.pipe(arguments + ["--store", store], input: "")
            #expect(run.status == 1)
            #expect(
                run.errors.hasPrefix("error: cannot open progress store \(store): it is damaged (quick_check: "),
                "\(run.errors)")
            #expect(run.errors.hasSuffix("); restore a backup or move it aside to start afresh\n"))
            #expect(run.errors.split(separator: "\n").count == 1)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == bytes)
        // The prompt, and the subcommands that run one of its commands, refuse it too.
        for (arguments, input) in [([String](), "quit\n"), ([], ""), (["stats"], ""), (["study"], ""), (["quiz"], "")] {
            let run = try sandbox.pipe(arguments + ["--store", store], input: input)
            #expect(run.status == 1, "recall \(arguments)")
            #expect(
                run.errors.contains("cannot open progress store \(store): it is damaged (quick_check: "),
                "\(run.errors)")
            #expect(run.errors.split(separator: "\n").count == 1, "\(run.errors)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == bytes)
    }

    /// A store with three answers, edited by `sql` as someone with the `sqlite3` shell might
    /// (CHECK constraints ignored); returns its path and bytes.
    /// `sql` runs with CHECK constraints off; with `editingTheLog`, around the review log's
    /// append-only triggers too (dropped, then made again as they were).
    static func editedStore(_ sandbox: REPLSandbox, _ sql: String, editingTheLog: Bool = false) throws -> (String, Data)
    {
        let store = sandbox.path("progress.sqlite")
        let made = try sandbox.pipe(
            ["debug", "record-answer", "--store", store, "--deck", "plot", "--card", "ruth", "--count", "3"], input: "")
        #expect(made.status == 0)
        do {
            let queue = try DatabaseQueue(path: store)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
                let triggers =
                    editingTheLog
                    ? try String.fetchAll(
                        db,
                        sql: """
                            SELECT sql FROM sqlite_master WHERE type = 'trigger'
                            AND name IN ('review_append_only', 'review_states_sync_only')
                            """) : []
                if editingTheLog {
                    try db.execute(sql: "DROP TRIGGER review_append_only; DROP TRIGGER review_states_sync_only")
                }
                try db.execute(sql: sql)
                for trigger in triggers { try db.execute(sql: trigger) }
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }
        return (store, try Data(contentsOf: URL(fileURLWithPath: store)))
    }

    /// Every command refuses the store as damaged, exit 1, one line, and leaves it as it was.
    static func expectRefused(_ sandbox: REPLSandbox, _ store: String, _ bytes: Data, commands: [[String]]) throws {
        for arguments in commands {
            let run = try sandbox.pipe(arguments + ["--store", store], input: "")
            #expect(run.status == 1, "recall \(arguments): \(run.output)")
            #expect(
                run.errors.contains("progress store \(store): it is damaged ("), "recall \(arguments): \(run.errors)")
            #expect(run.errors.split(separator: "\n").count == 1, "\(run.errors)")
            #expect(!run.errors.contains("Fatal error"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == bytes)
    }

    /// Issue 16 F7: a row that breaks a CHECK constraint (a review of kind "stuny") is damage,
    /// whether the store is opened to read (log, stats) or to write (study, answers).
    @Test func aRowBreakingACheckConstraintIsDamage() throws {
        let sandbox = try REPLSandbox()
        let (store, bytes) = try Self.editedStore(
            sandbox,
            """
            INSERT INTO review (item_id, reviewed_at, study_day, kind, rating, before_phase, before_due, before_reps,
                                before_lapses, after_phase, after_due, after_reps, after_lapses)
            SELECT item_id, reviewed_at + 1, study_day, 'stuny', rating, before_phase, before_due, before_reps,
                   before_lapses, after_phase, after_due, after_reps, after_lapses
            FROM review LIMIT 1
            """)
        try Self.expectRefused(
            sandbox, store, bytes,
            commands: [["log"], ["stats"], ["study"], ["debug", "record-answer", "--deck", "plot", "--card", "ruth"]])
    }

    /// Issue 16 F8: values no recall wrote (a step of -1 in relearning, lapses or a review
    /// time of Int64.max) are damage too, never a crash.
    @Test(arguments: [
        "UPDATE item SET phase = 'relearning', step = -1",
        "UPDATE item SET lapses = 9223372036854775807",
        "UPDATE item SET due = 9223372036854775807",
        "UPDATE item SET stability = -3",
    ])
    func anItemValueOutOfRangeIsDamage(sql: String) throws {
        let sandbox = try REPLSandbox()
        let (store, bytes) = try Self.editedStore(sandbox, sql)
        try Self.expectRefused(
            sandbox, store, bytes,
            commands: [["stats"], ["debug", "record-answer", "--deck", "plot", "--card", "ruth"]])
    }

    @Test(arguments: [
        "reviewed_at = 9223372036854775807", "before_lapses = 9223372036854775807", "before_step = -1",
        "duration_ms = -5", "before_due = -9223372036854775808",
    ])
    func aReviewValueOutOfRangeIsDamage(assignment: String) throws {
        let sandbox = try REPLSandbox()
        let (store, bytes) = try Self.editedStore(
            sandbox,
            "UPDATE review SET \(assignment) WHERE id = 2", editingTheLog: true)
        try Self.expectRefused(sandbox, store, bytes, commands: [["log"]])
    }
}
