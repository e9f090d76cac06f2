package dev.migrator.testkit;

import dev.migrator.core.MigrationStatus;
import dev.migrator.core.Migrator;
import dev.migrator.core.RollbackResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One migration's round trip in a {@link ReversibilityCheck}: snapshot, up, snapshot, down, compare with the first,
 * up again, compare with the second. Each step is a separate migrator run, on its own connections.
 */
final class RoundTrip {
    private static final Logger LOG = LoggerFactory.getLogger(RoundTrip.class);

    private final Migrator migrator;
    private final String version;
    private final String label;
    private final ReversibilityCheck.DataCheck dataCheck;

    RoundTrip(Migrator migrator, MigrationStatus migration, ReversibilityCheck.DataCheck dataCheck) {
        this.migrator = migrator;
        this.version = migration.version();
        this.label = "Version " + migration.version() + " (" + migration.script() + ")";
        this.dataCheck = dataCheck;
    }

    /** Applies an irreversible migration that the check was told to allow. */
    void applyOnly() {
        step("up", () -> migrator.migrateTo(version));
        LOG.debug("{} is irreversible, as allowed: applied, not undone", label);
    }

    /**
     * Runs the round trip.
     *
     * @param warmUp whether to apply and undo the migration once first, because repeatable migrations run with it
     *               and their objects must count as there before the up
     */
    void run(boolean warmUp) {
        if (warmUp) {
            step("up (with the repeatable migrations, before its round trip)", () -> migrator.migrateTo(version));
            down("down (after the first up, which also ran the repeatable migrations)");
        }
        Object dataBefore = seed();
        SchemaSnapshot beforeUp = SchemaSnapshot.of(migrator);
        step("up", () -> migrator.migrateTo(version));
        SchemaSnapshot afterUp = SchemaSnapshot.of(migrator);
        down("down");
        SchemaSnapshot afterDown = SchemaSnapshot.of(migrator);
        fail(afterDown.diff(beforeUp, "after down", "before up"),
                "its down does not put the schema back as it was before its up");
        if (dataCheck != null) {
            Object dataAfter = read();
            if (!Objects.equals(dataBefore, dataAfter)) {
                throw new AssertionError(label + " does not keep its data across up and down (preservesData): "
                        + "read " + dataBefore + " before up, " + dataAfter + " after down");
            }
        }
        step("up again, after its down,", () -> migrator.migrateTo(version));
        SchemaSnapshot afterUpAgain = SchemaSnapshot.of(migrator);
        fail(afterUpAgain.diff(afterUp, "after up again", "after the first up"),
                "applied again after its down, it does not give the schema it gave the first time");
        LOG.debug("{} is reversible: up, down and up again give the expected schemas", label);
    }

    private void down(String step) {
        RollbackResult result = step(step, () -> migrator.rollback(1));
        // rollback(1) undoes the newest application, which must be this one; anything else is an engine fault.
        if (result.undone().size() != 1 || !version.equals(result.undone().get(0).version())) {
            throw new AssertionError(label + ": its " + step + " undid " + result.undone() + " instead");
        }
    }

    private Object seed() {
        if (dataCheck == null) {
            return null;
        }
        try {
            dataCheck.seed().run();
        } catch (Exception e) {
            throw new AssertionError(label + ": preservesData's seed failed before its up: " + e.getMessage(), e);
        }
        return read();
    }

    private Object read() {
        try {
            return dataCheck.read().call();
        } catch (Exception e) {
            throw new AssertionError(label + ": preservesData's read failed: " + e.getMessage(), e);
        }
    }

    private <T> T step(String step, Supplier<T> run) {
        try {
            return run.get();
        } catch (RuntimeException e) {
            throw new AssertionError(label + ": its " + step + " failed: " + e.getMessage(), e);
        }
    }

    private void fail(List<String> differences, String problem) {
        if (!differences.isEmpty()) {
            throw new AssertionError(label + ": " + problem + ":\n  " + String.join("\n  ", differences));
        }
    }
}
