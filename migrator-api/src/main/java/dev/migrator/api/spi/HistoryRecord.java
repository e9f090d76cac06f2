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
 * @param checksum      the checksum of the script as run ({@code v2:...}; {@code v1:...} in rows written before v2), {@code null} where none
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
 * @param sessionId     the database's id of the session that ran the attempt ({@code pg_backend_pid()},
 *                      {@code CONNECTION_ID()}, ...), recorded on STARTED rows so that a later run can tell whether
 *                      it still runs on the server; else {@code null}
 * @param progress      for a script that failed where DDL commits implicitly: how many statements committed and a
 *                      hash of each (written and read by the target), so a later run resumes after them; else {@code null}
 * @param note          why a human recorded this row ({@code markApplied}'s reason), or the risk-lint findings the
 *                      script acknowledged; else {@code null}
 */
public record HistoryRecord(int rank, String version, String description, String type, String script,
                            String checksum, Action action, Outcome outcome, String installedBy,
                            String databaseUser, String host, String toolVersion, String runId,
                            Instant installedOn, long executionMillis, String error, String sessionId,
                            String progress, String note) {

    /**
     * The fields of a row, declared once: both history stores build their columns (or document keys), reads and
     * writes from this list. The column name is part of the stored format that tools read: never rename one.
     */
    public enum Field {
        RANK("installed_rank", "rank", 0),
        VERSION("version", "version", 50),
        DESCRIPTION("description", "description", 200),
        TYPE("type", "type", 20),
        SCRIPT("script", "script", 1000),
        CHECKSUM("checksum", "checksum", 80),
        ACTION("action", "action", 20),
        OUTCOME("outcome", "outcome", 20),
        INSTALLED_BY("installed_by", "installedBy", 100),
        DATABASE_USER("database_user", "databaseUser", 100),
        HOST("host", "host", 255),
        TOOL_VERSION("tool_version", "toolVersion", 30),
        RUN_ID("run_id", "runId", 36),
        INSTALLED_ON("installed_on", "installedOn", 0),
        EXECUTION_TIME("execution_time", "executionMillis", 0),
        ERROR("error", "error", 2000),
        SESSION_ID("session_id", "sessionId", 64),
        PROGRESS("progress", "progress", 4000),
        NOTE("note", "note", 2000);

        private final String column;
        private final String key;
        private final int maxLength;

        Field(String column, String key, int maxLength) {
            this.column = column;
            this.key = key;
            this.maxLength = maxLength;
        }

        /** The SQL column name. */
        public String column() {
            return column;
        }

        /** The document key (MongoDB). */
        public String key() {
            return key;
        }

        /** The longest text the field holds (longer values are cut when stored); 0 for a number or a time. */
        public int maxLength() {
            return maxLength;
        }

        /** Whether a row always has a value here. */
        public boolean required() {
            return switch (this) {
                case RANK, DESCRIPTION, TYPE, SCRIPT, ACTION, OUTCOME, INSTALLED_ON, EXECUTION_TIME -> true;
                default -> false;
            };
        }

        /** Whether the field was added after the first release: an older history table lacks it until upgraded. */
        public boolean added() {
            return this == SESSION_ID || this == PROGRESS || this == NOTE;
        }

        /** The text value of a text field of {@code r}, or null. */
        public String text(HistoryRecord r) {
            return switch (this) {
                case VERSION -> r.version();
                case DESCRIPTION -> r.description();
                case TYPE -> r.type();
                case SCRIPT -> r.script();
                case CHECKSUM -> r.checksum();
                case ACTION -> r.action().name();
                case OUTCOME -> r.outcome().name();
                case INSTALLED_BY -> r.installedBy();
                case DATABASE_USER -> r.databaseUser();
                case HOST -> r.host();
                case TOOL_VERSION -> r.toolVersion();
                case RUN_ID -> r.runId();
                case ERROR -> r.error();
                case SESSION_ID -> r.sessionId();
                case PROGRESS -> r.progress();
                case NOTE -> r.note();
                case RANK, INSTALLED_ON, EXECUTION_TIME -> throw new IllegalArgumentException(this + " is not text");
            };
        }
    }

    /** A row without a session id, progress or note: what most rows are. */
    public HistoryRecord(int rank, String version, String description, String type, String script,
                         String checksum, Action action, Outcome outcome, String installedBy, String databaseUser,
                         String host, String toolVersion, String runId, Instant installedOn, long executionMillis,
                         String error) {
        this(rank, version, description, type, script, checksum, action, outcome, installedBy, databaseUser, host,
                toolVersion, runId, installedOn, executionMillis, error, null, null, null);
    }

    /**
     * A row read back from a store: text fields by {@link Field}, plus the rank, time and duration.
     *
     * @throws IllegalArgumentException when the action or outcome is not one migrator writes
     */
    public static HistoryRecord of(int rank, java.util.function.Function<Field, String> text, Instant installedOn,
                                   long executionMillis) {
        return new HistoryRecord(rank, text.apply(Field.VERSION), text.apply(Field.DESCRIPTION),
                text.apply(Field.TYPE), text.apply(Field.SCRIPT), text.apply(Field.CHECKSUM),
                Action.valueOf(text.apply(Field.ACTION)), Outcome.valueOf(text.apply(Field.OUTCOME)),
                text.apply(Field.INSTALLED_BY), text.apply(Field.DATABASE_USER), text.apply(Field.HOST),
                text.apply(Field.TOOL_VERSION), text.apply(Field.RUN_ID), installedOn, executionMillis,
                text.apply(Field.ERROR), text.apply(Field.SESSION_ID), text.apply(Field.PROGRESS),
                text.apply(Field.NOTE));
    }

    /** This row as it ends {@code millis} after it began: its time moved on by that much, its duration set. */
    public HistoryRecord finished(long millis) {
        return new HistoryRecord(rank, version, description, type, script, checksum, action, outcome, installedBy,
                databaseUser, host, toolVersion, runId, installedOn.plusMillis(millis), millis, error, sessionId,
                progress, note);
    }

    /** This row with the id of the database session that runs it. */
    public HistoryRecord withSessionId(String id) {
        return new HistoryRecord(rank, version, description, type, script, checksum, action, outcome, installedBy,
                databaseUser, host, toolVersion, runId, installedOn, executionMillis, error, id, progress, note);
    }

    /** This row with the progress of a partly committed script. */
    public HistoryRecord withProgress(String statementProgress) {
        return new HistoryRecord(rank, version, description, type, script, checksum, action, outcome, installedBy,
                databaseUser, host, toolVersion, runId, installedOn, executionMillis, error, sessionId,
                statementProgress, note);
    }

    /** This row with a note. */
    public HistoryRecord withNote(String text) {
        return new HistoryRecord(rank, version, description, type, script, checksum, action, outcome, installedBy,
                databaseUser, host, toolVersion, runId, installedOn, executionMillis, error, sessionId, progress,
                text);
    }

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
        REALIGN,
        /**
         * A FAILED or unfinished migration was finished by hand and recorded as applied by
         * {@code markApplied(version, reason)}; the reason is the row's note. It is never run again.
         */
        MARK_APPLIED,
        /** A migration another tool (Flyway, Liquibase, ...) applied was taken over into this history. */
        ADOPT,
        /**
         * Another tool's command ran under migrator's lock ({@code migrator exec}): the script is the command (secrets
         * masked), the note what it applied or undid. It changes no migration's state; the ADOPT and UNDO rows
         * written with it do.
         */
        EXEC
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
