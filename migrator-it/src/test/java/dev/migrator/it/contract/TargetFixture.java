package dev.migrator.it.contract;

import dev.migrator.api.Migration;
import dev.migrator.api.spi.HistoryRecord;
import dev.migrator.api.spi.LeaseLock;
import dev.migrator.api.spi.MigrationTarget;
import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.TargetSession;
import dev.migrator.api.spi.TargetSettings;
import dev.migrator.core.Migrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One database the contract runs against, fresh for each test: its target, how its scripts say the few things the
 * contract needs (create and drop a table, insert a row, fail), and how to read back what a user would see. Reads
 * go through the target's own session (snapshot, history), so a fixture holds no per-database SQL for them.
 */
abstract class TargetFixture implements AutoCloseable {
    static final TargetSettings SETTINGS = new TargetSettings(null, "migrator_history", "migrator_lock");

    private RecordingTarget recording;

    /** The target as the database offers it. */
    abstract MigrationTarget rawTarget();

    /** A statement that creates table (or collection) {@code name}. */
    abstract String create(String name);

    abstract String drop(String name);

    /** A statement that inserts a row with this id. */
    abstract String insert(String table, int id);

    /** A statement that deletes every row of {@code table}. */
    abstract String deleteAll(String table);

    /** A statement that fails when it runs (it refers to something missing). */
    abstract String failing();

    /** One script of these statements, in this target's script language. */
    abstract String script(String... statements);

    /** Runs a statement outside any migration, as an operator would by hand. */
    abstract void execute(String statement);

    /** How many rows {@code table} holds. */
    abstract long count(String table);

    /** A Java migration of this target's kind that creates {@code table}, and drops it when undone. */
    abstract Migration<?> javaCreate(String version, String table);

    /** Whether a failed atomic script also takes back its DDL (false on H2 playing a database that can). */
    boolean ddlRollsBack() {
        return true;
    }

    /** Ends every other server session, as a crash or a network cut would; only for targets with session locks. */
    void endOtherSessions() {
        throw new UnsupportedOperationException(this + " has no session lock");
    }

    @Override
    public void close() {
    }

    /** The target every migrator of the test uses: it remembers each history row it reads, for the invariants. */
    final RecordingTarget target() {
        if (recording == null) {
            recording = new RecordingTarget(rawTarget());
        }
        return recording;
    }

    final Migrator.Builder migrator(Path dir) {
        return Migrator.builder().target(target()).locations("filesystem:" + dir);
    }

    /** Writes script {@code name} (without suffix) of these statements into {@code dir}. */
    final void write(Path dir, String name, String... statements) throws IOException {
        Files.writeString(dir.resolve(name + rawTarget().scriptSuffix()), script(statements));
    }

    final TargetSession open() {
        return rawTarget().open(SETTINGS);
    }

    /** The tables (collections) of the schema, lower-cased, without the history and lock tables. */
    final List<String> tables() {
        try (TargetSession session = open()) {
            return session.snapshot().objects().stream()
                    .filter(o -> o.kind().equals("table") || o.kind().equals("collection"))
                    .map(SchemaModel.SchemaObject::name).map(n -> n.toLowerCase(Locale.ROOT)).sorted().toList();
        }
    }

    final List<HistoryRecord> historyRecords() {
        try (TargetSession session = open()) {
            return session.history().read();
        }
    }

    /** The history as "version action outcome", in rank order, STARTED rows left out. */
    final List<String> history() {
        return historyRecords().stream().filter(r -> r.outcome() != HistoryRecord.Outcome.STARTED)
                .map(r -> r.version() + " " + r.action() + " " + r.outcome()).toList();
    }

    final boolean leaseLocked() {
        try (TargetSession session = open()) {
            return session.lock() instanceof LeaseLock;
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName().replace("Fixture", "");
    }
}
