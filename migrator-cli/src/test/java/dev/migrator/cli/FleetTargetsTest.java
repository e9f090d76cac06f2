package dev.migrator.cli;

import dev.migrator.api.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-target {@code lock} key of a targets file and the {@code lock} column of {@code --targets-query}. */
class FleetTargetsTest {
    private static final FleetTargets.Defaults CLI = new FleetTargets.Defaults("jdbc:h2:mem:unused", "sa", null);

    @TempDir
    Path dir;

    private static Map<String, LockChoice> locks(List<FleetTargets.Entry> entries, LockChoice cli) {
        Map<String, LockChoice> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.name(), e.lockOr(cli)));
        return out;
    }

    @Test
    void aTargetsLockKey_winsOverDefaultsAndOverTheCommandLine() throws Exception {
        Path file = Files.writeString(dir.resolve("tenants.yaml"), """
                targets:
                  - {name: pooled, lock: lease}
                  - {name: direct, lock: Session}
                  - {name: plain}
                """);

        List<FleetTargets.Entry> entries = FleetTargets.fromFile(file, CLI, Map.of());

        assertThat(entries).extracting(FleetTargets.Entry::lock)
                .containsExactly(LockChoice.LEASE, LockChoice.SESSION, null);
        assertThat(entries).extracting(e -> e.lockOr(null))
                .containsExactly(LockChoice.LEASE, LockChoice.SESSION, null);
        assertThat(entries).extracting(e -> e.lockOr(LockChoice.LEASE))
                .containsExactly(LockChoice.LEASE, LockChoice.SESSION, LockChoice.LEASE);
    }

    @Test
    void defaultsLock_appliesToTargetsWithoutTheirOwn() throws Exception {
        Path file = Files.writeString(dir.resolve("tenants.json"), """
                {"defaults": {"lock": "lease"},
                 "targets": [{"name": "a"}, {"name": "b", "lock": "session"}]}
                """);

        assertThat(locks(FleetTargets.fromFile(file, CLI, Map.of()), LockChoice.SESSION))
                .containsExactly(Map.entry("a", LockChoice.LEASE), Map.entry("b", LockChoice.SESSION));
    }

    @Test
    void aBadLockValue_isRefusedNamingTheFileLineAndTarget() throws Exception {
        Path file = Files.writeString(dir.resolve("tenants.yaml"), """
                defaults:
                  lock: advisory
                targets:
                  - name: acme
                    lock: leese
                  - name: globex
                    lock: ''
                  - name: initech
                    lock: [lease]
                """);

        assertThatThrownBy(() -> FleetTargets.fromFile(file, CLI, Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("The targets file " + file.toAbsolutePath() + " cannot be used")
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).containsExactly(
                        "tenants.yaml:1 (defaults): 'lock' is 'advisory'; write session (the database's own lock) or "
                                + "lease (a fenced row in migrator_lock, for a target behind a pooler such as "
                                + "PgBouncer)",
                        "tenants.yaml:4 (target acme): 'lock' is 'leese'; write session (the database's own lock) or "
                                + "lease (a fenced row in migrator_lock, for a target behind a pooler such as "
                                + "PgBouncer)",
                        "tenants.yaml:6: 'lock' needs a plain, non-empty value",
                        "tenants.yaml:8: 'lock' needs a plain, non-empty value"));
    }

    @Test
    void theRegistrysLockColumn_setsEachTargetsLock_andABadOneNamesItsRow() throws Exception {
        String registry = "jdbc:h2:mem:registry-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(registry, "sa", null)) {
            c.createStatement().execute("CREATE TABLE tenants (name VARCHAR(40), pooled BOOLEAN, mode VARCHAR(10))");
            c.createStatement().execute("INSERT INTO tenants VALUES ('acme', TRUE, 'x'), ('globex', FALSE, 'x'), "
                    + "('initech', NULL, 'leese')");

            List<FleetTargets.Entry> entries = FleetTargets.fromQuery(registry, "SELECT name, CASE pooled WHEN TRUE "
                    + "THEN 'lease' WHEN FALSE THEN 'session' END AS lock FROM tenants WHERE mode = 'x' ORDER BY name", CLI, Map.of());

            assertThat(locks(entries, null)).containsExactly(Map.entry("acme", LockChoice.LEASE),
                    Map.entry("globex", LockChoice.SESSION));
            assertThatThrownBy(() -> FleetTargets.fromQuery(registry, "SELECT name, mode AS lock FROM tenants "
                    + "ORDER BY name", CLI, Map.of()))
                    .isInstanceOf(ConfigurationException.class)
                    .satisfies(e -> assertThat(((ConfigurationException) e).problems()).containsExactly(
                            "--targets-query row 1 (target acme): 'lock' is 'x'; write session (the database's own "
                                    + "lock) or lease (a fenced row in migrator_lock, for a target behind a pooler "
                                    + "such as PgBouncer)",
                            "--targets-query row 2 (target globex): 'lock' is 'x'; write session (the database's own "
                                    + "lock) or lease (a fenced row in migrator_lock, for a target behind a pooler "
                                    + "such as PgBouncer)",
                            "--targets-query row 3 (target initech): 'lock' is 'leese'; write session (the "
                                    + "database's own lock) or lease (a fenced row in migrator_lock, for a target "
                                    + "behind a pooler such as PgBouncer)"));
        }
    }
}
