package dev.migrator.api.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the append-only history: one attempt to apply, undo, baseline or repair a migration. The applied state
 * of every migration is derived from these rows in {@code rank} order; rows are never updated or deleted.
 *
 * @param rank          the row's position, unique and increasing; a second writer with the same rank fails
 * @param version       the version, {@code null} for a repeatable migration
 * @param description   the description
 * @param type          {@code SQL}, {@code JSON}, {@code JAVA} or {@code BASELINE}
 * @param script        the file or class name
 * @param checksum      the checksum of the script as run ({@code v1:...}), {@code null} where none
 * @param action        what was attempted
 * @param outcome       how it ended
 * @param installedBy   who ran it: the configured identity, else the operating-system user
 * @param databaseUser  the database user
 * @param host          the host the run came from
 * @param toolVersion   the migrator version
 * @param runId         the run, shared by the rows one run writes
 * @param installedOn   when the attempt ended (or began, for {@link Outcome#STARTED})
 * @param executionMillis how long it took
 * @param error         the error for a failed attempt, shortened, never holding a password; else {@code null}
 */
public record HistoryRecord(int rank, String version, String description, String type, String script,
                            String checksum, Action action, Outcome outcome, String installedBy,
                            String databaseUser, String host, String toolVersion, String runId,
                            Instant installedOn, long executionMillis, String error) {

    /** What a history row records. */
    public enum Action {
        /** The migration's up ran. */
        APPLY,
        /** The migration's down ran. */
        UNDO,
        /** An existing schema was marked as being at {@code version}. */
        BASELINE,
        /** A FAILED entry was cleared by {@code repair()} after a human fixed the database. */
        REPAIR,
        /** The recorded checksum and description were re-aligned with the script by {@code repair()}. */
        REALIGN
    }

    /** How an attempt ended. */
    public enum Outcome {
        /** It completed. */
        SUCCESS,
        /** It failed and part of it stayed applied: the migration is FAILED until {@code repair()}. */
        FAILED,
        /** It failed and was rolled back entirely: nothing changed, the migration is as it was before. */
        REVERTED,
        /**
         * It began and cannot be rolled back; a later row says how it ended. Left alone, it means the run died
         * midway: the migration is FAILED until {@code repair()}.
         */
        STARTED
    }

    public HistoryRecord {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(installedOn, "installedOn");
    }
}
