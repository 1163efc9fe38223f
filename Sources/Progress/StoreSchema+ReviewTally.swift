extension StoreSchema {
    /// How long one tally bucket lasts, in milliseconds: 15 minutes, so every study-day
    /// boundary (the rollover hour in any time zone in use, all offsets being whole quarter
    /// hours) falls between buckets, never inside one.
    static let tallyBucketMilliseconds: Int64 = 900_000

    /// The review tally: answers per deck and quarter hour, kept by triggers in the same
    /// transaction as each review-log insert or undo, so stats read a few thousand rows
    /// instead of the whole log.
    ///
    /// `answers` counts study and practice answers (manual changes are left out);
    /// `retention_reviews` the study answers to cards in the review phase and
    /// `retention_recalled` those rated hard, good or easy (true retention);
    /// `duration_ms` the time taken, where measured. The migration fills it from the log
    /// already there.
    static let reviewTally = """
        CREATE TABLE review_tally (
            deck_id TEXT NOT NULL,
            bucket INTEGER NOT NULL,
            answers INTEGER NOT NULL,
            practice INTEGER NOT NULL,
            retention_reviews INTEGER NOT NULL,
            retention_recalled INTEGER NOT NULL,
            duration_ms INTEGER NOT NULL,
            PRIMARY KEY (deck_id, bucket)
        ) WITHOUT ROWID;

        INSERT INTO review_tally
        SELECT item.deck_id, review.reviewed_at / \(tallyBucketMilliseconds), COUNT(*),
               SUM(review.kind = 'practice'),
               SUM(review.kind = 'study' AND review.before_phase = 'review'),
               SUM(review.kind = 'study' AND review.before_phase = 'review' AND review.rating >= 2),
               COALESCE(SUM(review.duration_ms), 0)
        FROM review JOIN item ON item.id = review.item_id
        WHERE review.kind <> 'manual'
        GROUP BY 1, 2;

        CREATE TRIGGER review_tally_insert AFTER INSERT ON review WHEN NEW.kind <> 'manual'
        BEGIN
            INSERT INTO review_tally
            SELECT item.deck_id, NEW.reviewed_at / \(tallyBucketMilliseconds), 1,
                   NEW.kind = 'practice',
                   NEW.kind = 'study' AND NEW.before_phase = 'review',
                   NEW.kind = 'study' AND NEW.before_phase = 'review' AND NEW.rating >= 2,
                   COALESCE(NEW.duration_ms, 0)
            FROM item WHERE item.id = NEW.item_id
            ON CONFLICT (deck_id, bucket) DO UPDATE SET
                answers = answers + 1,
                practice = practice + excluded.practice,
                retention_reviews = retention_reviews + excluded.retention_reviews,
                retention_recalled = retention_recalled + excluded.retention_recalled,
                duration_ms = duration_ms + excluded.duration_ms;
        END;

        CREATE TRIGGER review_tally_delete AFTER DELETE ON review WHEN OLD.kind <> 'manual'
        BEGIN
            UPDATE review_tally SET
                answers = answers - 1,
                practice = practice - (OLD.kind = 'practice'),
                retention_reviews = retention_reviews - (OLD.kind = 'study' AND OLD.before_phase = 'review'),
                retention_recalled = retention_recalled
                    - (OLD.kind = 'study' AND OLD.before_phase = 'review' AND OLD.rating >= 2),
                duration_ms = duration_ms - COALESCE(OLD.duration_ms, 0)
            WHERE deck_id = (SELECT deck_id FROM item WHERE id = OLD.item_id)
              AND bucket = OLD.reviewed_at / \(tallyBucketMilliseconds);
            DELETE FROM review_tally
            WHERE deck_id = (SELECT deck_id FROM item WHERE id = OLD.item_id)
              AND bucket = OLD.reviewed_at / \(tallyBucketMilliseconds) AND answers <= 0;
        END;
        """
}
