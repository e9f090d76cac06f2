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
}
