package dev.migrator.api.spi;

import java.util.List;

/**
 * The append-only history of one target. The engine reads it once per run (and once more after taking the lock)
 * and keeps count of ranks itself.
 */
public interface HistoryStore {

    /** Whether the history exists yet. Creates nothing. */
    boolean exists();

    /** Creates the schema (if configured and missing) and the history, if missing. Idempotent. */
    void create();

    /** Every row, in rank order; empty when the history does not exist. */
    List<HistoryRecord> read();

    /** Appends one row in its own transaction. */
    void append(HistoryRecord record);

    /**
     * Appends rows in one transaction where the store has transactions: all of them are stored, or none. The
     * default appends them one by one (a store without transactions).
     */
    default void appendAll(List<HistoryRecord> records) {
        for (HistoryRecord r : records) {
            append(r);
        }
    }
}
