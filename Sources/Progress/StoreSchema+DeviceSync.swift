extension StoreSchema {
    /// The current time as Unix milliseconds, in SQL (for triggers; SQLite 3.40 has no `unixepoch('subsec')`).
    static let nowMillisecondsSQL = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"

    /// The tables of device sync (`recall sync`, the `DeviceSync` target): this store's device
    /// id, the journal position of every event, and what other devices' journals were read up to.
    ///
    /// An event's origin is one integer: `device_sync_device.ref << 40 | sequence`, the device
    /// ref being local to this store (the journals name devices by their id). Triggers note the
    /// changes the journal must carry that happen outside device sync: an undo of a review that
    /// was already journaled, and a deck's settings saved or reset. `applying` is 1 while device
    /// sync itself rewrites rows, so its own deletes and settings writes are not noted.
    static let deviceSync = """
        -- One row: this store's device id, its next sequence number, how far its own journal
        -- was written (sequence and bytes), the review id below which every local review has
        -- an origin (`local_mark`), and the configured sync folder.
        CREATE TABLE device_sync_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            device_id TEXT NOT NULL,
            next_sequence INTEGER NOT NULL DEFAULT 1,
            written_through INTEGER NOT NULL DEFAULT 0,
            journal_size INTEGER NOT NULL DEFAULT 0,
            local_mark INTEGER NOT NULL DEFAULT 0,
            applying INTEGER NOT NULL DEFAULT 0,
            folder TEXT
        );
        INSERT INTO device_sync_state (id, device_id) VALUES (1, lower(hex(randomblob(8))));

        -- The devices whose events the store holds.
        CREATE TABLE device_sync_device (
            ref INTEGER PRIMARY KEY,
            device_id TEXT NOT NULL UNIQUE
        );

        -- The origin of every journaled review (local reviews get one when they are journaled).
        CREATE TABLE review_origin (
            review_id INTEGER PRIMARY KEY,
            origin INTEGER NOT NULL UNIQUE
        );

        -- Reviews taken back after they were journaled: they never come back, and the fields
        -- of this device's own reviews rewrite its journal when it is lost. `undo_origin` is
        -- the undo event's origin (NULL until a local undo is journaled).
        CREATE TABLE device_sync_undone (
            origin INTEGER PRIMARY KEY,
            deck_id TEXT,
            item_key TEXT,
            reviewed_at INTEGER,
            kind TEXT,
            rating INTEGER,
            duration_ms INTEGER,
            undo_origin INTEGER UNIQUE,
            undone_at INTEGER NOT NULL
        );

        -- Reviews of items this store does not have yet (their deck has not arrived).
        CREATE TABLE device_sync_pending (
            origin INTEGER PRIMARY KEY,
            deck_id TEXT NOT NULL,
            item_key TEXT NOT NULL,
            reviewed_at INTEGER NOT NULL,
            kind TEXT NOT NULL,
            rating INTEGER,
            duration_ms INTEGER
        );
        CREATE INDEX device_sync_pending_item ON device_sync_pending (deck_id, item_key);

        -- Settings events (local and received); the latest by time wins. `settings` NULL is a reset.
        CREATE TABLE device_sync_setting_event (
            origin INTEGER PRIMARY KEY,
            deck_id TEXT NOT NULL,
            changed_at INTEGER NOT NULL,
            settings TEXT
        );
        CREATE INDEX device_sync_setting_deck ON device_sync_setting_event (deck_id, changed_at);

        -- Decks whose settings changed here since the last sync.
        CREATE TABLE device_sync_setting_pending (
            deck_id TEXT NOT NULL PRIMARY KEY,
            changed_at INTEGER NOT NULL
        );

        -- Where each other journal was read up to (bytes and lines).
        CREATE TABLE device_sync_offset (
            file TEXT NOT NULL PRIMARY KEY,
            offset INTEGER NOT NULL,
            line INTEGER NOT NULL
        );

        \(reviewUndoneTrigger)

        CREATE TRIGGER device_sync_settings_insert AFTER INSERT ON deck_settings
        WHEN (SELECT applying FROM device_sync_state) = 0
        BEGIN
            INSERT OR REPLACE INTO device_sync_setting_pending VALUES (NEW.deck_id, \(nowMillisecondsSQL));
        END;
        CREATE TRIGGER device_sync_settings_update AFTER UPDATE ON deck_settings
        WHEN (SELECT applying FROM device_sync_state) = 0
        BEGIN
            INSERT OR REPLACE INTO device_sync_setting_pending VALUES (NEW.deck_id, \(nowMillisecondsSQL));
        END;
        CREATE TRIGGER device_sync_settings_delete AFTER DELETE ON deck_settings
        WHEN (SELECT applying FROM device_sync_state) = 0
        BEGIN
            INSERT OR REPLACE INTO device_sync_setting_pending VALUES (OLD.deck_id, \(nowMillisecondsSQL));
        END;
        """

    /// The trigger that notes an undo of a journaled review (shared by the "device-sync"
    /// migration and "review-origin-index", which rebuilds the table it reads).
    static let reviewUndoneTrigger = """
        CREATE TRIGGER device_sync_review_undone AFTER DELETE ON review
        WHEN (SELECT applying FROM device_sync_state) = 0
        BEGIN
            INSERT INTO device_sync_undone (origin, deck_id, item_key, reviewed_at, kind, rating, duration_ms, undone_at)
            SELECT review_origin.origin, item.deck_id, item.item_key, OLD.reviewed_at, OLD.kind, OLD.rating,
                   OLD.duration_ms, \(nowMillisecondsSQL)
            FROM review_origin JOIN item ON item.id = OLD.item_id
            WHERE review_origin.review_id = OLD.id;
            DELETE FROM review_origin WHERE review_id = OLD.id;
            -- The next review may reuse this id: look at it again when journaling.
            UPDATE device_sync_state SET local_mark = MIN(local_mark, OLD.id - 1);
        END;
        """

    /// The "review-origin-index" migration: `review_origin`'s origins get a unique index of
    /// their own, `review_origin_origin`, in place of the table's UNIQUE constraint, so that a
    /// large merge can drop it and build it again once, in one sort, instead of inserting
    /// millions of origins into it one by one.
    static let reviewOriginIndex = """
        DROP TRIGGER device_sync_review_undone;
        CREATE TABLE review_origin_rebuilt (
            review_id INTEGER PRIMARY KEY,
            origin INTEGER NOT NULL
        );
        INSERT INTO review_origin_rebuilt (review_id, origin) SELECT review_id, origin FROM review_origin;
        DROP TABLE review_origin;
        ALTER TABLE review_origin_rebuilt RENAME TO review_origin;
        CREATE UNIQUE INDEX review_origin_origin ON review_origin (origin);
        \(reviewUndoneTrigger)
        """

    /// The "review-state-rewrite" migration: device sync, and only it, may rewrite the states
    /// a review-log row holds in place. When a merge brings answers older than ones already
    /// logged, replaying the card changes the before and after states of its later rows; they
    /// were deleted and inserted again (with four tally upserts and every index updated
    /// each time), and are now updated, at a tenth of the cost.
    ///
    /// Every other column stays immutable for everyone, and the states stay immutable outside
    /// device sync (`applying` is 1 only inside its transactions). Because `before_phase`
    /// decides whether a study answer counts towards retention, a rewrite that moves it into or
    /// out of the review phase moves the day's and the deck's retention tallies with it.
    static let reviewStateRewrite = """
        DROP TRIGGER review_append_only;
        CREATE TRIGGER review_append_only BEFORE UPDATE OF
            id, item_id, session_id, reviewed_at, kind, rating, duration_ms, study_day ON review
        BEGIN
            SELECT RAISE(ABORT, 'the review log is append-only');
        END;
        CREATE TRIGGER review_states_sync_only BEFORE UPDATE OF
            before_phase, before_step, before_stability, before_difficulty, before_due, before_last_review,
            before_reps, before_lapses, after_phase, after_step, after_stability, after_difficulty, after_due,
            after_last_review, after_reps, after_lapses ON review
        WHEN (SELECT applying FROM device_sync_state) IS NOT 1
        BEGIN
            SELECT RAISE(ABORT, 'the review log is append-only');
        END;
        CREATE TRIGGER review_day_rewrite AFTER UPDATE OF before_phase ON review
        WHEN NEW.kind = 'study' AND (OLD.before_phase = 'review') <> (NEW.before_phase = 'review')
        BEGIN
            UPDATE review_day SET \(retentionMove)
            WHERE day = COALESCE(NEW.study_day, \(fallback("NEW"))) AND deck_id = (SELECT deck_id FROM item WHERE id = NEW.item_id);
            UPDATE review_total SET \(retentionMove)
            WHERE deck_id = (SELECT deck_id FROM item WHERE id = NEW.item_id);
        END;
        """

    /// Moves one study answer into the retention tallies (its card now in the review phase
    /// before it) or out of them.
    private static let retentionMove = """
        retention_reviews = retention_reviews + (CASE WHEN NEW.before_phase = 'review' THEN 1 ELSE -1 END),
        retention_recalled = retention_recalled
            + (CASE WHEN NEW.rating >= 2 THEN (CASE WHEN NEW.before_phase = 'review' THEN 1 ELSE -1 END) ELSE 0 END)
        """
}
