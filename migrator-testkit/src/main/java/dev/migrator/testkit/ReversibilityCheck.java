package dev.migrator.testkit;

import dev.migrator.core.MigrationState;
import dev.migrator.core.MigrationStatus;
import dev.migrator.core.Migrator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Proves that every versioned migration's down undoes its up. On an empty database, for each migration in order:
 * snapshot the schema, up ({@code migrateTo} that version), snapshot, down ({@code rollback(1)}), compare with the
 * first snapshot, up again, compare with the second. Every step is its own migrator run on fresh connections, as a
 * deployment and a later rollback would be, so that a down that only works in the session of its up is caught.
 *
 * <pre>{@code
 * ReversibilityCheck.of(Migrator.builder().target(JdbcTarget.of(dataSource)))
 *         .allowIrreversible("7")
 *         .verify();
 * }</pre>
 *
 * A failure throws {@link AssertionError} naming the migration and what differs, such as
 * {@code index orders_customer_idx on orders(customer_id): present after down, absent before up}.
 *
 * <p>Repeatable migrations run where {@code migrate()} runs them: with the last versioned migration. So that their
 * objects do not read as left behind by that migration's down, the last migration is applied and undone once before
 * its round trip.
 *
 * <p>Immutable: each method returns a new check. The database is left fully migrated.
 */
public final class ReversibilityCheck {
    private static final Logger LOG = LoggerFactory.getLogger(ReversibilityCheck.class);

    private final Migrator migrator;
    private final Set<String> allowedIrreversible;
    private final Map<String, DataCheck> dataChecks;

    private ReversibilityCheck(Migrator migrator, Set<String> allowedIrreversible, Map<String, DataCheck> dataChecks) {
        this.migrator = migrator;
        this.allowedIrreversible = allowedIrreversible;
        this.dataChecks = dataChecks;
    }

    /**
     * A check of the migrations a migrator would run, configured as for the application (target, locations,
     * placeholders, schema, history table). The builder is built now, so a bad setting fails here.
     */
    public static ReversibilityCheck of(Migrator.Builder builder) {
        Objects.requireNonNull(builder, "builder");
        return new ReversibilityCheck(builder.build(), Set.of(), Map.of());
    }

    /**
     * Lets the named versions have no down: each is applied and the check goes on after it. Any other migration
     * without a down fails the check.
     */
    public ReversibilityCheck allowIrreversible(String... versions) {
        Objects.requireNonNull(versions, "versions");
        Set<String> allowed = new LinkedHashSet<>(allowedIrreversible);
        for (String v : versions) {
            allowed.add(normalise(Objects.requireNonNull(v, "version")));
        }
        return new ReversibilityCheck(migrator, Set.copyOf(allowed), dataChecks);
    }

    /**
     * Declares that a migration keeps data across its up and down. Just before that version's up, {@code seed}
     * runs (insert rows the up will have to carry) and {@code read} reads the data; after the down, {@code read}
     * must return an equal value. For example:
     *
     * <pre>{@code
     * .preservesData("3", () -> execute("INSERT INTO customers (name) VALUES ('Ada')"),
     *                     () -> query("SELECT id, name FROM customers ORDER BY id"))
     * }</pre>
     *
     * The seeded rows stay, so later migrations run on a table that holds data.
     */
    public ReversibilityCheck preservesData(String version, Seed seed, Callable<?> read) {
        Objects.requireNonNull(version, "version");
        Map<String, DataCheck> checks = new HashMap<>(dataChecks);
        checks.put(normalise(version), new DataCheck(Objects.requireNonNull(seed, "seed"),
                Objects.requireNonNull(read, "read")));
        return new ReversibilityCheck(migrator, allowedIrreversible, Map.copyOf(checks));
    }

    /**
     * Runs the check.
     *
     * @throws AssertionError        naming the first migration whose down does not undo its up (or that cannot be
     *                               applied again after it), and what differs; or listing the migrations that have no
     *                               down and are not allowed to
     * @throws IllegalStateException when the database already has migrations applied: the check needs an empty one
     */
    public void verify() {
        long start = System.nanoTime();
        List<MigrationStatus> statuses = migrator.info();
        refuseUsedDatabase(statuses);
        List<MigrationStatus> versioned = statuses.stream().filter(s -> s.version() != null).toList();
        boolean repeatables = statuses.stream().anyMatch(s -> s.version() == null);
        if (versioned.isEmpty()) {
            throw new AssertionError("ReversibilityCheck found no versioned migration for " + migrator.target()
                    + ": check the locations (and migrations) the migrator is given");
        }
        checkNames(versioned);
        List<String> irreversible = versioned.stream().filter(s -> !s.reversible())
                .map(MigrationStatus::version).filter(v -> !allowedIrreversible.contains(v)).toList();
        if (!irreversible.isEmpty()) {
            throw new AssertionError(irreversibleMessage(versioned, irreversible));
        }
        int roundTrips = 0;
        for (int i = 0; i < versioned.size(); i++) {
            MigrationStatus m = versioned.get(i);
            RoundTrip trip = new RoundTrip(migrator, m, dataChecks.get(m.version()));
            if (!m.reversible()) {
                trip.applyOnly();
                continue;
            }
            trip.run(repeatables && i == versioned.size() - 1);
            roundTrips++;
        }
        LOG.info("Reversibility check passed on {}: {} migration{} undone and re-applied, {} allowed irreversible, "
                + "in {} ms", migrator.target(), roundTrips, roundTrips == 1 ? "" : "s",
                versioned.size() - roundTrips, (System.nanoTime() - start) / 1_000_000);
    }

    private void refuseUsedDatabase(List<MigrationStatus> statuses) {
        List<String> used = statuses.stream().filter(s -> s.state() != MigrationState.PENDING)
                .map(s -> (s.version() == null ? s.description() : s.version()) + " " + s.state())
                .toList();
        if (!used.isEmpty()) {
            throw new IllegalStateException("ReversibilityCheck needs an empty database, but "
                    + migrator.target() + " already has a history in " + migrator.targetSettings().historyTable()
                    + " (" + String.join(", ", used) + "). Run it on a fresh database (TestDatabases.create(kind) "
                    + "gives one), so that each up and down starts from a known schema");
        }
    }

    /** A version named in the configuration that no migration has is a typo, not something to skip quietly. */
    private void checkNames(List<MigrationStatus> versioned) {
        Set<String> known = versioned.stream().map(MigrationStatus::version).collect(Collectors.toSet());
        List<String> unknown = new ArrayList<>();
        allowedIrreversible.stream().filter(v -> !known.contains(v)).sorted().forEach(v -> unknown.add(
                "allowIrreversible(\"" + v + "\") names no migration"));
        dataChecks.keySet().stream().filter(v -> !known.contains(v)).sorted().forEach(v -> unknown.add(
                "preservesData(\"" + v + "\", ...) names no migration"));
        versioned.stream().filter(s -> !s.reversible() && dataChecks.containsKey(s.version())).forEach(s ->
                unknown.add("preservesData(\"" + s.version() + "\", ...) names a migration without a down"));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("ReversibilityCheck is told about versions it cannot check: "
                    + String.join("; ", unknown) + ". The versions found are "
                    + versioned.stream().map(MigrationStatus::version).collect(Collectors.joining(", ")));
        }
    }

    private String irreversibleMessage(List<MigrationStatus> versioned, List<String> irreversible) {
        String scripts = versioned.stream().filter(s -> irreversible.contains(s.version()))
                .map(s -> "version " + s.version() + " (" + s.script() + ")").collect(Collectors.joining(", "));
        String quoted = irreversible.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
        return "Irreversible migration" + (irreversible.size() == 1 ? "" : "s") + ": " + scripts
                + (irreversible.size() == 1 ? " has" : " have") + " no down. Add a U<version>__<description>"
                + migrator.target().scriptSuffix() + " script (or override down()), or, if it cannot be undone, "
                + "say so with allowIrreversible(" + quoted + ")";
    }

    /** Versions as the API writes them: {@code 2_1} is {@code 2.1}. */
    private static String normalise(String version) {
        return version.replace('_', '.');
    }

    /** Puts data in place before an up; see {@link #preservesData}. */
    @FunctionalInterface
    public interface Seed {
        /** Inserts the rows (or whatever data) the up and down must carry. */
        void run() throws Exception;
    }

    /** A declared data check: what to insert before the up, and how to read what must survive the down. */
    record DataCheck(Seed seed, Callable<?> read) {
    }

    @Override
    public String toString() {
        return "ReversibilityCheck of " + migrator.target() + (allowedIrreversible.isEmpty() ? ""
                : ", allowing irreversible " + String.join(", ", allowedIrreversible.stream().sorted().toList()))
                + (dataChecks.isEmpty() ? "" : ", checking data of " + String.join(", ",
                dataChecks.keySet().stream().sorted().toList()));
    }
}
