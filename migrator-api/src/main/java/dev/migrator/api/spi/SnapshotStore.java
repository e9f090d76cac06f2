package dev.migrator.api.spi;

/**
 * Where a target keeps the schema snapshot taken after each run that changed something, for drift detection: the
 * live schema is compared with the newest. One table (or collection), {@link #TABLE}, shared by every history table
 * of a schema and keyed by it, as the lock table is.
 */
public interface SnapshotStore {
    /** The table (or collection) that holds the snapshots. */
    String TABLE = "migrator_snapshot";

    /**
     * Appends a snapshot, creating the table if missing. Called under the migration lock, after the run's last
     * migration is recorded.
     */
    void append(StoredSnapshot snapshot);

    /** The newest snapshot of this history, or {@code null} when there is none. Creates nothing. */
    StoredSnapshot latest();

    /**
     * The live schema as this target stores it itself, or {@code null} (the default) where the engine encodes the
     * model of {@link TargetSession#snapshot()}. A target that reads its catalog as one text stores that text, so a
     * migrating run builds no model; {@link #model} builds it when a drift check compares. Called under the lock,
     * like {@link #append}.
     */
    default String captureContent() {
        return null;
    }

    /**
     * The schema that stored content holds, where this target wrote it ({@link #captureContent}); {@code null} for
     * content the engine encoded, which the engine decodes.
     */
    default SchemaModel model(String content) {
        return null;
    }

    /**
     * One stored snapshot.
     *
     * @param runId   the run that took it, as on its history rows
     * @param version the schema's version after that run; null when nothing versioned is applied
     * @param takenOn when it was taken
     * @param content the schema, as ASCII text: encoded by the engine (compressed), or by the target itself
     *                ({@link #captureContent})
     */
    record StoredSnapshot(String runId, String version, java.time.Instant takenOn, String content) {
        public StoredSnapshot {
            java.util.Objects.requireNonNull(runId, "runId");
            java.util.Objects.requireNonNull(takenOn, "takenOn");
            java.util.Objects.requireNonNull(content, "content");
        }
    }
}
