import GRDB

/// The store's schema, as GRDB migrations: each released version adds migrations, never edits one.
enum StoreSchema {
    /// `PRAGMA application_id` of every recall store: "RCLL".
    static let applicationID: Int32 = 0x5243_4C4C

    /// The migrator, for checking which migrations a store has (its study days are those of
    /// the default rollover: use `migrator(studyDays:)` to migrate).
    static var migrator: DatabaseMigrator { migrator(studyDays: StudyDayNumber(rollover: DayRollover())) }

    /// The migrator that creates and upgrades the schema, numbering the study days of the
    /// answers already in a store with `studyDays`.
    static func migrator(studyDays: StudyDayNumber) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: version1)
        }
        migrator.registerMigration("review-tally") { db in try db.execute(sql: reviewTally) }
        // These two number study days with the SQL function `recall_study_day`, registered
        // only while they run: since "study-day", nothing in the store calls it.
        migrator.registerMigration("review-days") { db in
            db.add(function: studyDays.function)
            defer { db.remove(function: studyDays.function) }
            try db.execute(sql: reviewDays)
        }
        migrator.registerMigration("study-day") { db in
            db.add(function: studyDays.function)
            defer { db.remove(function: studyDays.function) }
            try db.execute(sql: reviewStudyDay)
        }
        migrator.registerMigration("device-sync") { db in try db.execute(sql: deviceSync) }
        migrator.registerMigration("bury-siblings") { db in try db.execute(sql: burySiblings) }
        migrator.registerMigration("review-origin-index") { db in try db.execute(sql: reviewOriginIndex) }
        migrator.registerMigration("review-state-rewrite") { db in try db.execute(sql: reviewStateRewrite) }
        return migrator
    }

    /// The first schema. Times are Unix milliseconds (UTC); phases and kinds are lower-case words.
    static let version1 = """
        -- Decks seen by sync (last_synced: the last sync that changed something).
        CREATE TABLE deck (
            id TEXT NOT NULL PRIMARY KEY,
            first_seen INTEGER NOT NULL,
            last_synced INTEGER NOT NULL
        );

        -- One row per study item (a card, its reverse, each cloze deletion): what was seen
        -- and its scheduling state. Items are never deleted: a card gone from its deck is
        -- marked orphaned and keeps its history.
        CREATE TABLE item (
            id INTEGER PRIMARY KEY,
            deck_id TEXT NOT NULL REFERENCES deck(id),
            item_key TEXT NOT NULL,
            card_id TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            position INTEGER NOT NULL,
            first_seen INTEGER NOT NULL,
            edited_at INTEGER,
            orphaned_at INTEGER,
            phase TEXT NOT NULL DEFAULT 'new' CHECK (phase IN ('new', 'learning', 'review', 'relearning')),
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due INTEGER NOT NULL,
            last_review INTEGER,
            reps INTEGER NOT NULL DEFAULT 0,
            lapses INTEGER NOT NULL DEFAULT 0,
            suspended INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
            buried_until INTEGER,
            UNIQUE (deck_id, item_key)
        );
        CREATE INDEX item_due ON item (deck_id, phase, due, suspended, orphaned_at, buried_until);
        CREATE INDEX item_new ON item (deck_id, position) WHERE phase = 'new';
        CREATE INDEX item_orphaned ON item (orphaned_at) WHERE orphaned_at IS NOT NULL;

        -- Study sessions and quizzes.
        CREATE TABLE session (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('study', 'quiz')),
            decks TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            ended_at INTEGER,
            answered INTEGER NOT NULL DEFAULT 0,
            new_items INTEGER NOT NULL DEFAULT 0,
            again INTEGER NOT NULL DEFAULT 0,
            hard INTEGER NOT NULL DEFAULT 0,
            good INTEGER NOT NULL DEFAULT 0,
            easy INTEGER NOT NULL DEFAULT 0
        );

        -- The review log: append-only (undo deletes the last row; nothing updates a row).
        CREATE TABLE review (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES item(id),
            session_id INTEGER REFERENCES session(id),
            reviewed_at INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('study', 'practice', 'manual')),
            rating INTEGER CHECK (rating BETWEEN 1 AND 4),
            duration_ms INTEGER,
            before_phase TEXT NOT NULL,
            before_step INTEGER,
            before_stability REAL,
            before_difficulty REAL,
            before_due INTEGER NOT NULL,
            before_last_review INTEGER,
            before_reps INTEGER NOT NULL,
            before_lapses INTEGER NOT NULL,
            after_phase TEXT,
            after_step INTEGER,
            after_stability REAL,
            after_difficulty REAL,
            after_due INTEGER,
            after_last_review INTEGER,
            after_reps INTEGER,
            after_lapses INTEGER,
            CHECK ((rating IS NULL) = (kind = 'manual')),
            CHECK ((after_phase IS NULL) = (kind = 'practice'))
        );
        CREATE INDEX review_time ON review (reviewed_at);
        CREATE INDEX review_item ON review (item_id);
        CREATE INDEX review_session ON review (session_id) WHERE session_id IS NOT NULL;
        CREATE TRIGGER review_append_only BEFORE UPDATE ON review
        BEGIN
            SELECT RAISE(ABORT, 'the review log is append-only');
        END;

        -- Per-deck settings; a deck without a row uses the defaults.
        CREATE TABLE deck_settings (
            deck_id TEXT NOT NULL PRIMARY KEY,
            scheduler TEXT NOT NULL CHECK (scheduler IN ('fsrs', 'sm2')),
            desired_retention REAL NOT NULL,
            learning_steps TEXT NOT NULL,
            relearning_steps TEXT NOT NULL,
            maximum_interval INTEGER NOT NULL,
            fsrs_parameters TEXT,
            fuzz INTEGER NOT NULL,
            new_per_day INTEGER NOT NULL CHECK (new_per_day >= 0)
        );
        """
}
