extension StoreSchema {
    /// The "study-day" migration: each review-log row keeps the study day it was answered on
    /// (`study_day`, numbered by `StudyDayNumber` in the answering process, where the answer
    /// was given), and the day tallies' triggers read it instead of calling
    /// `recall_study_day`, a function only recall's own connections had. So the store is
    /// plain SQLite: any SQLite client can insert and delete reviews, and the tallies follow.
    ///
    /// Needs `recall_study_day` registered on the migrating connection (see
    /// `StoreSchema.migrator(studyDays:)`): it numbers the rows already there, and the
    /// tallies are rebuilt from them so that they agree with the rows exactly.
    static let reviewStudyDay = """
        DROP TRIGGER review_day_insert;
        DROP TRIGGER review_day_delete;
        DROP TRIGGER review_append_only;

        ALTER TABLE review ADD COLUMN study_day INTEGER;
        UPDATE review SET study_day = \(StudyDayNumber.functionName)(reviewed_at);

        CREATE TRIGGER review_append_only BEFORE UPDATE ON review
        BEGIN
            SELECT RAISE(ABORT, 'the review log is append-only');
        END;

        DELETE FROM review_day;
        DELETE FROM review_total;
        INSERT INTO review_day
        SELECT review.study_day, item.deck_id, \(tallies)
        FROM review JOIN item ON item.id = review.item_id
        WHERE review.kind <> 'manual'
        GROUP BY 1, 2;
        INSERT INTO review_total
        SELECT deck_id, SUM(answers), SUM(practice), SUM(retention_reviews), SUM(retention_recalled), SUM(duration_ms)
        FROM review_day GROUP BY deck_id;

        CREATE TRIGGER review_day_insert AFTER INSERT ON review WHEN NEW.kind <> 'manual'
        BEGIN
            INSERT INTO review_day
            SELECT COALESCE(NEW.study_day, \(fallback("NEW"))), item.deck_id, \(newTallies)
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
            WHERE day = COALESCE(OLD.study_day, \(fallback("OLD")))
              AND deck_id = (SELECT deck_id FROM item WHERE id = OLD.item_id);
            DELETE FROM review_day
            WHERE day = COALESCE(OLD.study_day, \(fallback("OLD")))
              AND deck_id = (SELECT deck_id FROM item WHERE id = OLD.item_id) AND answers <= 0;
            UPDATE review_total SET \(subtractOld)
            WHERE deck_id = (SELECT deck_id FROM item WHERE id = OLD.item_id);
        END;
        """

    /// The study day of the review-log row `row` (`NEW` or `OLD`) when it has none (a row
    /// inserted by hand, with the `sqlite3` shell say): its UTC date, days starting at 04:00 UTC.
    static func fallback(_ row: String) -> String {
        "((\(row).reviewed_at - 14400000) / 86400000)"
    }
}

extension StoreSchema {
    /// The "bury-siblings" migration: the per-deck setting that buries a card's other items
    /// once one is answered in a study session (on unless turned off).
    static let burySiblings = """
        ALTER TABLE deck_settings ADD COLUMN bury_siblings INTEGER NOT NULL DEFAULT 1 CHECK (bury_siblings IN (0, 1));
        """
}
