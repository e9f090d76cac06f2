package dev.migrator.core;

import dev.migrator.api.ConfigurationException;
import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SnapshotStore;
import dev.migrator.api.spi.SnapshotStore.StoredSnapshot;
import dev.migrator.api.spi.TargetSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Drift: what changed in a schema outside the migrations (a column added by hand, an index dropped, a type
 * changed). Each run that changes something stores a snapshot of the schema under the lock; a check compares the
 * live schema with the newest. A no-op boot neither takes nor reads one.
 *
 * <pre>{@code
 * SchemaDrift drift = SchemaDrift.check(migrator);
 * drift.differences().forEach(System.out::println);
 * }</pre>
 */
public final class SchemaDrift {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaDrift.class);
    /** The live side of each difference line. */
    static final String LIVE = "now";
    /** The stored side of each difference line. */
    static final String STORED = "after the last migration run";

    private final String target;
    private final StoredSnapshot snapshot;
    private final List<String> differences;

    private SchemaDrift(String target, StoredSnapshot snapshot, List<String> differences) {
        this.target = target;
        this.snapshot = snapshot;
        this.differences = List.copyOf(differences);
    }

    /**
     * Compares the live schema of a migrator's target with the snapshot stored by its last run. Reads only; locks
     * and creates nothing.
     *
     * @throws ConfigurationException where the target keeps no snapshots (a target of another kind)
     */
    public static SchemaDrift check(Migrator migrator) {
        Objects.requireNonNull(migrator, "migrator");
        try (TargetSession session = migrator.target().open(migrator.targetSettings())) {
            SnapshotStore store = session.snapshots();
            if (store == null) {
                throw new ConfigurationException(session.describe() + " keeps no schema snapshots, so drift cannot "
                        + "be checked there; drift detection works on the JDBC and MongoDB targets");
            }
            StoredSnapshot last = store.latest();
            if (last == null) {
                LOG.info("{} has no schema snapshot yet: the next migrate or rollback that changes something stores "
                        + "one, and drift is checked against it from then on", session.describe());
                return new SchemaDrift(session.describe(), null, List.of());
            }
            SchemaModel stored = store.model(last.content());
            if (stored == null) {
                stored = SnapshotCodec.decode(last.content());
            }
            return new SchemaDrift(session.describe(), last,
                    SchemaDiff.between(session.snapshot(), stored, LIVE, STORED));
        }
    }

    /**
     * Stores the schema as a run that changed something left it. Called under the lock. A failure here does not fail
     * the run, whose migrations are applied and recorded: it is logged, and drift is then checked against the
     * previous snapshot.
     */
    static void record(TargetSession session, String runId, String version, Clock clock) {
        SnapshotStore store = session.snapshots();
        if (store == null) {
            return;
        }
        long start = System.nanoTime();
        try {
            // The target's own form where it has one (the catalog text of PostgreSQL, MySQL and H2): no model built
            // on a run's path.
            String content = store.captureContent();
            if (content == null) {
                content = SnapshotCodec.encode(session.snapshot());
            }
            store.append(new StoredSnapshot(runId, version, clock.instant(), content));
            LOG.debug("Stored the schema snapshot of run {} ({} characters) in {} ms", runId, content.length(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("The run succeeded, but its schema snapshot could not be stored in {}: {}. Drift is checked "
                    + "against the previous snapshot until a run stores one", SnapshotStore.TABLE, e.getMessage());
        }
    }

    /** The target, described without credentials. */
    public String target() {
        return target;
    }

    /** Whether a run stored a snapshot to compare with; without one, {@link #differences()} is empty. */
    public boolean hasSnapshot() {
        return snapshot != null;
    }

    /** The version after the run that stored the snapshot; null when none, or nothing versioned was applied. */
    public String snapshotVersion() {
        return snapshot == null ? null : snapshot.version();
    }

    /** When the snapshot was taken; null when there is none. */
    public Instant snapshotTakenOn() {
        return snapshot == null ? null : snapshot.takenOn();
    }

    /**
     * One line per difference, such as {@code column orders.note: present now, absent after the last migration run};
     * empty when there is none.
     */
    public List<String> differences() {
        return differences;
    }
}
