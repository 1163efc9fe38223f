extension StoreSchema {
    /// The answers per deck and study day, and per deck in all, kept by triggers in the same
    /// transaction as each review-log insert or undo, so stats read a few rows per day
    /// instead of the whole log. Replaces the quarter-hour `review_tally`, which grew to a
    /// row per answer for histories spread over years.
    ///
    /// `day` is the study day's number (`recall_study_day`, see `StudyDayNumber`; since the
    /// "study-day" migration, the review row's `study_day`, see `reviewStudyDay`);
    /// `answers` counts study and practice answers (manual changes are left out);
    /// `retention_reviews` the study answers to cards in the review phase and
    /// `retention_recalled` those rated hard, good or easy (true retention); `duration_ms`
    /// the time taken, where measured. The migration fills both from the log already there.
    static let reviewDays = """
        DROP TRIGGER review_tally_insert;
        DROP TRIGGER review_tally_delete;
        DROP TABLE review_tally;

        CREATE TABLE review_day (
            day INTEGER NOT NULL,
            deck_id TEXT NOT NULL,
            answers INTEGER NOT NULL,
            practice INTEGER NOT NULL,
            retention_reviews INTEGER NOT NULL,
            retention_recalled INTEGER NOT NULL,
            duration_ms INTEGER NOT NULL,
            PRIMARY KEY (day, deck_id)
        ) WITHOUT ROWID;

        CREATE TABLE review_total (
            deck_id TEXT NOT NULL PRIMARY KEY,
            answers INTEGER NOT NULL,
            practice INTEGER NOT NULL,
            retention_reviews INTEGER NOT NULL,
            retention_recalled INTEGER NOT NULL,
            duration_ms INTEGER NOT NULL
        ) WITHOUT ROWID;

        INSERT INTO review_day
        SELECT \(StudyDayNumber.functionName)(review.reviewed_at), item.deck_id, \(tallies)
        FROM review JOIN item ON item.id = review.item_id
        WHERE review.kind <> 'manual'
        GROUP BY 1, 2;

        INSERT INTO review_total
        SELECT deck_id, SUM(answers), SUM(practice), SUM(retention_reviews), SUM(retention_recalled), SUM(duration_ms)
        FROM review_day GROUP BY deck_id;

        CREATE TRIGGER review_day_insert AFTER INSERT ON review WHEN NEW.kind <> 'manual'
        BEGIN
            INSERT INTO review_day
            SELECT \(StudyDayNumber.functionName)(NEW.reviewed_at), item.deck_id, \(newTallies)
            FROM item WHERE item.id = NEW.item_id
            ON CONFLICT (day, deck_id) DO UPDATE SET \(accumulate);
            INSERT INTO review_total
            SELECT item.deck_id, \(newTallies)
            FROM item WHERE item.id = NEW.item_id
            ON CONFLICT (deck_id) DO UPDATE SET \(accumulate);
        END;

        CREATE TRIGGER review_day_delete AFTER DELETE ON review WHEN OLD.kind <> 'manual'
        BEGIN
            UPDATE review_day SET \(subtractOld)
            WHERE day = \(StudyDayNumber.functionName)(OLD.reviewed_at)
              AND deck_id = (SELECT deck_id FROM item WHERE id = OLD.item_id);
            DELETE FROM review_day
            WHERE day = \(StudyDayNumber.functionName)(OLD.reviewed_at)
              AND deck_id = (SELECT deck_id FROM item WHERE id = OLD.item_id) AND answers <= 0;
            UPDATE review_total SET \(subtractOld)
            WHERE deck_id = (SELECT deck_id FROM item WHERE id = OLD.item_id);
        END;
        """

    /// The five tallies of a group of review-log rows.
    static let tallies = """
        COUNT(*), SUM(review.kind = 'practice'),
        SUM(review.kind = 'study' AND review.before_phase = 'review'),
        SUM(review.kind = 'study' AND review.before_phase = 'review' AND review.rating >= 2),
        COALESCE(SUM(review.duration_ms), 0)
        """

    /// The five tallies of the row being inserted.
    static let newTallies = """
        1, NEW.kind = 'practice', NEW.kind = 'study' AND NEW.before_phase = 'review',
        NEW.kind = 'study' AND NEW.before_phase = 'review' AND NEW.rating >= 2, COALESCE(NEW.duration_ms, 0)
        """

    /// Adds an upsert's new tallies to the row already there.
    static let accumulate = """
        answers = answers + excluded.answers, practice = practice + excluded.practice,
        retention_reviews = retention_reviews + excluded.retention_reviews,
        retention_recalled = retention_recalled + excluded.retention_recalled,
        duration_ms = duration_ms + excluded.duration_ms
        """

    /// Takes the deleted row's tallies off.
    static let subtractOld = """
        answers = answers - 1, practice = practice - (OLD.kind = 'practice'),
        retention_reviews = retention_reviews - (OLD.kind = 'study' AND OLD.before_phase = 'review'),
        retention_recalled = retention_recalled - (OLD.kind = 'study' AND OLD.before_phase = 'review' AND OLD.rating >= 2),
        duration_ms = duration_ms - COALESCE(OLD.duration_ms, 0)
        """
}
